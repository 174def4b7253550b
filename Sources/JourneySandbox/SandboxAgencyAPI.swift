import Foundation
import HTTPTypes
import Hummingbird
import JourneyModel

/// The agency API of every sandbox agency (docs/adapter-format.md, "The agency API Lotsen calls"): lookups,
/// applications and case status, with the test behaviours wrapped around them.
struct SandboxAgencyAPI: Sendable {
    let store: SandboxCaseStore
    let board: SandboxBehaviourBoard
    let custody = SandboxCustodyBoard()

    /// The three kinds of request an agency answers.
    enum Operation: Sendable {
        case lookup(service: String)
        case application(service: String)
        case caseStatus(caseId: String)
    }

    static let purposeHeader = HTTPField.Name("X-Lotsen-Purpose")!
    static let idempotencyKeyHeader = HTTPField.Name("Idempotency-Key")!

    /// Answers one request to `agency`: unknown agencies and services are refused at once; everything else goes
    /// through the agency's behaviour (see ``SandboxBehaviour``).
    func respond(agency agencyID: String, _ operation: Operation, headers: HTTPFields, body: Data) async -> Response {
        guard let agency = SandboxCatalog.agency(agencyID) else { return SandboxRefusal.unknownAgency(agencyID).reply.response }
        let service: String
        switch operation {
        case .lookup(let name):
            guard agency.lookups.contains(name) else {
                return SandboxRefusal.unknownService(name, of: agencyID, kind: "lookup").reply.response
            }
            service = name
        case .application(let name):
            guard agency.applications[name] != nil else {
                return SandboxRefusal.unknownService(name, of: agencyID, kind: "application").reply.response
            }
            service = name
        case .caseStatus:
            service = SandboxCatalog.caseStatusService
        }

        let plan = board.plan(agency: agencyID, service: service)
        if plan.fail {
            await board.wait(plan, agency: agencyID, service: service)
            return SandboxRefusal.unavailable.reply.response
        }
        let reply: SandboxReply
        do {
            reply = try await carryOut(operation, agencyID: agencyID, agency: agency, headers: headers, body: body)
        } catch let refusal as SandboxRefusal {
            reply = refusal.reply
        } catch {
            reply = SandboxRefusal(.internalServerError, "internal", "The sandbox could not read or write its state.").reply
        }
        await board.wait(plan, agency: agencyID, service: service)
        guard let malformation = plan.malformation else { return reply.response }
        switch malformation {
        case .truncated:
            let data = reply.body.canonicalData
            return SandboxReply.response(reply.status, body: data.prefix(data.count / 2))
        case .wrongShape:
            return SandboxReply(reply.status, ["unexpected": true]).response
        }
    }

    private func carryOut(
        _ operation: Operation, agencyID: String, agency: SandboxCatalog.Agency, headers: HTTPFields, body: Data
    ) async throws -> SandboxReply {
        guard let purpose = headers[Self.purposeHeader], !purpose.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SandboxRefusal(.badRequest, "missing-purpose",
                "The header X-Lotsen-Purpose (journey/step) is required: it says why the data is needed.")
        }
        switch operation {
        case .lookup(let service):
            return try lookup(agency: agencyID, service: service, body: body)
        case .application(let service):
            return try await apply(agencyID: agencyID, agency: agency, service: service, headers: headers, body: body)
        case .caseStatus(let caseId):
            guard let stage = try await store.advance(caseId: caseId, agency: agencyID) else {
                throw SandboxRefusal(.notFound, "unknown-case", "The sandbox agency '\(agencyID)' has no case '\(caseId.prefix(64))'.")
            }
            return SandboxReply(.ok, stage.body(caseId: caseId))
        }
    }

    // MARK: - Lookup

    /// `{"subject": {"personnummer": …}, "fields": [paths]}` → `{"matches": [records]}`, each record cut down to the
    /// requested paths when `fields` is given.
    private func lookup(agency: String, service: String, body: Data) throws -> SandboxReply {
        let request = try Self.object(body)
        guard let subject = try Self.subject(in: request) else {
            throw SandboxRefusal.badRequest("A lookup needs subject.personnummer.")
        }
        var paths: [String]?
        if let fields = request["fields"] {
            let strings = (fields.arrayValue ?? []).compactMap(\.stringValue)
            guard let items = fields.arrayValue, strings.count == items.count else {
                throw SandboxRefusal.badRequest("fields must be an array of field paths such as \"name.full\".")
            }
            paths = strings
        }
        let matches = SandboxRegister.records(agency: agency, service: service, personnummer: subject)
            .map { record in "\(agency).\(service)" == "skatteverket.custody-record" ? custody.current(record, guardian: subject.twelveDigits) : record }
            .map { record in paths.map(record.selecting) ?? record }
        return SandboxReply(.ok, ["matches": .array(matches)])
    }

    // MARK: - Application

    /// `{"subject": {…}?, "fields": {…}}` with an `Idempotency-Key` → `201 {"caseId", "status"}`, or `200` for the
    /// case already opened under the key.
    private func apply(
        agencyID: String, agency: SandboxCatalog.Agency, service: String, headers: HTTPFields, body: Data
    ) async throws -> SandboxReply {
        guard let key = headers[Self.idempotencyKeyHeader]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            throw SandboxRefusal(.badRequest, "missing-idempotency-key", "An application needs an Idempotency-Key header.")
        }
        guard key.count <= 200, key.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw SandboxRefusal.badRequest("The Idempotency-Key must be at most 200 printable ASCII characters.")
        }
        let request = try Self.object(body)
        let subject = try Self.subject(in: request)
        guard let fields = request["fields"]?.objectValue else {
            throw SandboxRefusal.badRequest("An application needs fields, an object of field name to value.")
        }
        let form = agency.applications[service]!
        try Self.check(fields, against: form, service: "\(agencyID).\(service)")

        let submission = SandboxApplicationForm.Submission(subject: subject, fields: fields)
        let stages = [SandboxCaseStage.received] + SandboxCatalog.script(for: form, submission)
        let fingerprint = Self.fingerprint(
            ["service": .string(service), "subject": subject.map { .string($0.twelveDigits) } ?? .null, "fields": .object(fields)])
        let opening = try await store.open(
            agency: agencyID, casePrefix: agency.casePrefix, service: service, idempotencyKey: key, fingerprint: fingerprint,
            stages: stages, at: Date())
        switch opening {
        case .opened(let caseId, let stage):
            return SandboxReply(.created, ["caseId": .string(caseId), "status": .string(stage.status.rawValue)])
        case .existing(let caseId, let stage):
            return SandboxReply(.ok, ["caseId": .string(caseId), "status": .string(stage.status.rawValue)])
        case .keyReused:
            throw SandboxRefusal(.unprocessableContent, "idempotency-key-reused",
                "This Idempotency-Key was already used for a different application; use a new key for a new application.")
        }
    }

    /// Every field of the form present (unless optional) and valid, and no other field.
    private static func check(_ fields: [String: SandboxJSON], against application: SandboxApplicationForm, service: String) throws {
        let form = application.fields
        if let unknown = fields.keys.filter({ form[$0] == nil }).sorted().first {
            throw SandboxRefusal(.unprocessableContent, "unknown-field",
                "The application \(service) has no field '\(unknown.prefix(64))'; it takes \(form.keys.sorted().joined(separator: ", ")).")
        }
        for (name, rule) in form.sorted(by: { $0.key < $1.key }) {
            guard let value = fields[name] else {
                if application.optional.contains(name) { continue }
                throw SandboxRefusal(.unprocessableContent, "missing-field", "The application \(service) needs the field '\(name)'.")
            }
            if let problem = SandboxApplicationForm.problem(with: value, field: name, rule: rule) {
                throw SandboxRefusal(.unprocessableContent, "invalid-field", problem)
            }
        }
    }

    /// FNV-1a (64 bits) over the canonical JSON: stable across processes, unlike `Hasher`, and enough to tell a
    /// repeated submission from a different one.
    static func fingerprint(_ value: SandboxJSON) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.canonicalData {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    // MARK: - Bodies

    private static func object(_ body: Data) throws -> [String: SandboxJSON] {
        guard let object = SandboxJSON.parse(body)?.objectValue else {
            throw SandboxRefusal.badRequest("The body must be a JSON object.")
        }
        return object
    }

    /// The subject's number; `nil` when there is no subject.
    private static func subject(in request: [String: SandboxJSON]) throws -> Personnummer? {
        guard let subject = request["subject"], subject != .null else { return nil }
        guard let number = subject.objectValue?["personnummer"]?.stringValue else {
            throw SandboxRefusal.badRequest("subject must be an object with personnummer, a string of twelve digits.")
        }
        guard number.filter(\.isNumber).count == 12, let personnummer = try? Personnummer(parsing: number) else {
            throw SandboxRefusal(.unprocessableContent, "invalid-personnummer",
                "subject.personnummer is not a valid personnummer or samordningsnummer (twelve digits, YYYYMMDDNNNC).")
        }
        return personnummer
    }
}

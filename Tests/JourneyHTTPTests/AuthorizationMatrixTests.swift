import Foundation
import HTTPTypes
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing
import Yams

/// Every operation in the OpenAPI document, sent by every kind of caller, each on a world of its own, with the status
/// the matrix expects. An operation added to the document without its row fails, as does a row whose status the
/// document does not list for that operation.
@Suite("Authorization matrix: every documented route × every caller, proven or not, answers as the matrix says")
struct AuthorizationMatrixTests {
    /// The operations in the document, as `METHOD /path`.
    static let documented: [String] = {
        guard let text = OpenAPIDocument.text, let document = try? Yams.load(yaml: text) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { return [] }
        return paths.flatMap { path, item in
            (item as? [String: Any] ?? [:]).keys.filter { ContractTests.methods.contains($0) }.map { "\($0.uppercased()) \(path)" }
        }.sorted()
    }()

    /// The statuses the document lists for each operation.
    static let documentedStatuses: [String: Set<Int>] = {
        guard let text = OpenAPIDocument.text, let document = try? Yams.load(yaml: text) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { return [:] }
        var statuses: [String: Set<Int>] = [:]
        for (path, item) in paths {
            for (method, operation) in item as? [String: Any] ?? [:] where ContractTests.methods.contains(method) {
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                statuses["\(method.uppercased()) \(path)"] = Set(responses.keys.compactMap { Int($0) })
            }
        }
        return statuses
    }()

    @Test("the matrix has a row for every documented operation and a status for every caller, each one the document lists")
    func everyOperationHasItsRow() {
        #expect(Self.documented.count == 32)
        #expect(Set(AuthorizationMatrix.rows.keys) == Set(Self.documented),
            "without a row: \(Set(Self.documented).subtracting(AuthorizationMatrix.rows.keys).sorted()); rows for no operation: \(Set(AuthorizationMatrix.rows.keys).subtracting(Self.documented).sorted())")
        for (operation, row) in AuthorizationMatrix.rows {
            #expect(Set(row.keys) == Set(Caller.allCases), "\(operation): callers without a status: \(Set(Caller.allCases).subtracting(row.keys))")
            let listed = Self.documentedStatuses[operation] ?? []
            for (caller, status) in row where !listed.contains(status) {
                Issue.record("\(operation) answers \(caller) \(status), which the document does not list (it lists \(listed.sorted()))")
            }
        }
    }

    @Test("each caller gets the status the matrix expects", arguments: documented)
    func callersGetTheirStatus(operation: String) async throws {
        let row = try #require(AuthorizationMatrix.rows[operation], "no row for \(operation)")
        // Guardians are checked against the sandbox's population register, over loopback as `lotsen serve` asks it.
        try await SandboxRegisterOnLoopback.with { register in
            for caller in Caller.allCases {
                let expected = try #require(row[caller])
                // A world of its own for each caller: what one request changes cannot decide the next one's answer.
                let harness = try Harness(custody: register.custody)
                try await harness.test { client async throws in
                    let world = try await MatrixWorld.make(harness, client: client)
                    let request = world.request(operation, by: caller)
                    let reply = try await client.send(request.method, request.uri, token: request.token, json: request.json, headers: request.headers)
                    #expect(reply.status.code == expected, "\(operation) by \(caller): \(reply.status.code) \(reply.text.prefix(300))")
                }
            }
        }
    }
}

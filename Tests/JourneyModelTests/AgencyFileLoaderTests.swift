import Foundation
import Testing

@testable import JourneyModel

@Suite("Agency file loader: adapters/*.yaml")
struct AgencyFileLoaderTests {
    static func realCatalog() throws -> JourneyLibrary {
        let library = JourneyLibrary.load(journeyFiles: [], adapterFiles: ValidatorFixtures.adapterFiles, displayRoot: ValidatorFixtures.packageRoot)
        #expect(library.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(library.diagnostics).joined(separator: "\n"))")
        return library
    }

    @Test("every real adapter file loads without diagnostics, named after its agency")
    func realAdapters() async throws {
        for url in ValidatorFixtures.adapterFiles {
            let text = try String(contentsOf: url, encoding: .utf8)
            let name = "adapters/\(url.lastPathComponent)"
            let result = AgencyFileLoader.load(text, file: name)
            #expect(result.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(result.diagnostics).joined(separator: "\n"))")
            let agency = try #require(result.agency, "\(name) did not load")
            #expect(agency.id.rawValue + ".yaml" == url.lastPathComponent)
            #expect(agency.website.hasPrefix("https://"))
            #expect(!agency.name.sv.isEmpty && !agency.name.en.isEmpty)
            #expect(!agency.services.isEmpty)
            #expect(agency.services.allSatisfy { $0.id.agency == agency.id })
        }
    }

    @Test("the catalogue holds the sandbox agencies and finds services by id")
    func catalog() async throws {
        let catalog = try Self.realCatalog().catalog
        #expect(catalog.agencies.map(\.id) == [
            "arbetsformedlingen", "bank", "bolagsverket", "csn", "forsakringskassan", "kommun", "migrationsverket",
            "pensionsmyndigheten", "polisen", "region", "skatteverket", "transportstyrelsen",
        ])
        let record = try #require(catalog.service("skatteverket.population-record"))
        #expect(record.kind == .lookup)
        #expect(record.title == LocalizedText(sv: "Uppgifter ur folkbokföringen", en: "Population register record"))
        #expect(record.inPerson == false)
        #expect(record.link == nil)

        let visit = try #require(catalog.service("skatteverket.identity-visit"))
        #expect(visit.kind == .application)
        #expect(visit.inPerson)
        #expect(visit.link == "https://www.skatteverket.se/flyttatillsverige")

        #expect(catalog.service("migrationsverket.case-status")?.kind == .caseStatus)
        #expect(catalog.service("skatteverket.no-such-service") == nil)
        #expect(catalog.agency("skatteverket")?.name == LocalizedText(sv: "Skatteverket", en: "Swedish Tax Agency"))
        #expect(catalog.allServiceIDs == catalog.allServiceIDs.sorted())
    }

    @Test("services keep the order of the file")
    func serviceOrder() async throws {
        let catalog = try Self.realCatalog().catalog
        let migrationsverket = try #require(catalog.agency("migrationsverket"))
        #expect(migrationsverket.services.map(\.id) == [
            "migrationsverket.residence-permit", "migrationsverket.permit-record", "migrationsverket.case-status",
        ])
    }

    @Test("an adapter file that fails its checks does not replace the agency it names")
    func mismatchedFileDoesNotReplace() async throws {
        let skatteverket = ValidatorFixtures.adaptersDirectory.appendingPathComponent("skatteverket.yaml")
        let mismatch = ValidatorFixtures.invalidAdaptersDirectory.appendingPathComponent("agency-id-mismatch.yaml")
        let library = JourneyLibrary.load(journeyFiles: [], adapterFiles: [skatteverket, mismatch], displayRoot: ValidatorFixtures.packageRoot)
        #expect(ValidatorFixtures.rendered(library.diagnostics) == [
            "Tests/JourneyModelTests/Fixtures/invalid-adapters/agency-id-mismatch.yaml:2:9: error: agency: agency id 'skatteverket' does not match the file name 'agency-id-mismatch.yaml' (rename the file to 'skatteverket.yaml' or change the id)"
        ])
        #expect(library.catalog.agency("skatteverket")?.name.en == "Swedish Tax Agency")
    }

    @Test("the same agency in two folders is reported at the second file's agency id, and the first file wins")
    func duplicateAgency() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-agency-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = ValidatorFixtures.adaptersDirectory.appendingPathComponent("skatteverket.yaml")
        let copy = directory.appendingPathComponent("skatteverket.yaml")
        try String(contentsOf: original, encoding: .utf8).replacingOccurrences(of: "Swedish Tax Agency", with: "Another Tax Agency")
            .write(to: copy, atomically: true, encoding: .utf8)

        let library = JourneyLibrary.load(journeyFiles: [], adapterFiles: [original, copy], displayRoot: ValidatorFixtures.packageRoot)
        let diagnostic = try #require(library.diagnostics.first)
        #expect(library.diagnostics.count == 1)
        #expect(diagnostic.file == copy.standardizedFileURL.path)
        #expect(diagnostic.path == "agency")
        #expect(diagnostic.message == "agency 'skatteverket' is also declared in adapters/skatteverket.yaml")
        #expect(diagnostic.hint == "keep one file per agency")
        // 'agency: skatteverket' is line 1; the id itself starts at column 9.
        #expect((diagnostic.line, diagnostic.column) == (1, 9), "points at the repeated agency id")
        #expect(library.catalog.agency("skatteverket")?.name.en == "Swedish Tax Agency")
    }

    @Test("an adapter file read without a file name is not checked against one")
    func noFileName() async throws {
        let text = try String(contentsOf: ValidatorFixtures.invalidAdaptersDirectory.appendingPathComponent("agency-id-mismatch.yaml"), encoding: .utf8)
        let result = AgencyFileLoader.load(text, file: "<stdin>")
        #expect(result.diagnostics.isEmpty)
        #expect(result.agency?.id == "skatteverket")
    }

    @Test("a journey naming a service that an adapter file with errors declares correctly is not told the agency is missing")
    func brokenAdapterDoesNotHideItsServices() async throws {
        // unknown-service-kind.yaml declares 'registration' correctly; only another service in it is wrong.
        let adapter = ValidatorFixtures.invalidAdaptersDirectory.appendingPathComponent("unknown-service-kind.yaml")
        let journey = """
            id: uses-broken-agency
            version: 1
            lifeEvent: residence
            title: { sv: Test, en: Test }
            summary: { sv: Test, en: Test }
            steps:
              - id: registration
                title: { sv: Anmälan, en: Registration }
                service: unknown-service-kind.registration
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-agency-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let journeyFile = directory.appendingPathComponent("uses-broken-agency.yaml")
        try journey.write(to: journeyFile, atomically: true, encoding: .utf8)

        let library = JourneyLibrary.load(journeyFiles: [journeyFile], adapterFiles: [adapter], displayRoot: directory)
        let journeyDiagnostics = library.diagnostics.filter { $0.file == "uses-broken-agency.yaml" }
        // The adapter's own error is reported; the journey must not add a misleading "no agency … declare it" error.
        #expect(library.diagnostics.contains { $0.message.contains("unknown service kind 'lookUp'") })
        #expect(journeyDiagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(journeyDiagnostics).joined(separator: "\n"))")
    }
}

@Suite("Adapter files: endpoints and field mappings")
struct AgencyEndpointLoadingTests {
    static let file = """
        agency: exempelverket
        name: { sv: Exempelverket, en: Example Agency }
        website: https://www.example.se
        baseURL: https://api.example.se/lotsen/v1
        auth: { type: apiKey, header: X-Api-Key, env: EXEMPEL_KEY }
        timeout: 1.5s
        retry: { attempts: 4, backoff: 50ms }
        services:
          record:
            kind: lookup
            title: { sv: Uppgifter, en: Record }
            validFor: P30D
            returns: { fullName: name.full }
          apply:
            kind: application
            title: { sv: Ansökan, en: Application }
            sends: { fullName: name }
        """

    @Test("the endpoint, credentials, timeout and retry policy are read from the file")
    func endpointIsRead() async throws {
        let result = AgencyFileLoader.load(Self.file, file: "adapters/exempelverket.yaml")
        #expect(result.diagnostics.isEmpty)
        let endpoint = try #require(result.agency).endpoint
        #expect(endpoint.baseURL?.absoluteString == "https://api.example.se/lotsen/v1")
        #expect(endpoint.credentials == .apiKey(header: "X-Api-Key", environmentVariable: "EXEMPEL_KEY"))
        #expect(endpoint.timeout == .milliseconds(1500))
        #expect(endpoint.retry == RetryPolicy(attempts: 4, backoff: .milliseconds(50)))
    }

    @Test("without endpoint keys an agency uses the sandbox, a 10 s timeout and 3 attempts")
    func defaultsPointAtTheSandbox() async throws {
        let text = Self.file.split(separator: "\n").filter { !["baseURL", "auth", "timeout", "retry"].contains(where: $0.hasPrefix) }
            .joined(separator: "\n")
        let result = AgencyFileLoader.load(text, file: "adapters/exempelverket.yaml")
        #expect(result.diagnostics.isEmpty)
        let endpoint = try #require(result.agency).endpoint
        #expect(endpoint.baseURL == nil)
        #expect(endpoint.credentials == nil)
        #expect(endpoint.timeout == .seconds(10))
        #expect(endpoint.retry.attempts == 3)
    }

    @Test("retries wait the backoff, then twice as long each time")
    func backoffDoubles() async {
        let policy = RetryPolicy(attempts: 4, backoff: .milliseconds(100))
        #expect([2, 3, 4].map(policy.delay(before:)) == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
    }

    @Test("an application with sends is submittable; the mappings keep the file's order")
    func mappingsAreRead() async throws {
        let agency = try #require(AgencyFileLoader.load(Self.file, file: "adapters/exempelverket.yaml").agency)
        let record = try #require(agency.services.first { $0.id == "exempelverket.record" })
        #expect(record.returns == [FieldMapping(fact: "fullName", field: "name.full")])
        #expect(record.validFor?.days == 30)
        #expect(!record.isSubmittable)
        let application = try #require(agency.services.first { $0.id == "exempelverket.apply" })
        #expect(application.isSubmittable)
        #expect(application.sentField(for: "fullName")?.field == "name")
    }
}

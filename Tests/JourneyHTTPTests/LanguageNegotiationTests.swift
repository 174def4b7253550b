import Foundation
import HTTPTypes
import JourneyModel
import Testing

@Suite("Accept-Language: every language, quality values honoured, English for the rest, fallbacks named")
struct LanguageNegotiationTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static let fallback = HTTPField.Name("Lotsen-Fallback-Language")!

    @Test("Arabic and Ukrainian journey texts come from their translations, with no fallback for a fully translated journey")
    func translatedJourney() async throws {
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client async throws in
            let arabic = try await client.send(.get, "/v1/journeys/new-in-sweden", token: token, headers: [.acceptLanguage: "ar-SE, en;q=0.5"])
            #expect(arabic.status == .ok)
            #expect(arabic.headers[.contentLanguage] == "ar")
            #expect(arabic.headers[Self.fallback] == nil)
            #expect(arabic.json["title"] as? String == "جديد في السويد")
            let steps = try #require(arabic.json["steps"] as? [[String: Any]])
            #expect(steps.first?["agency"] as? String == "مصلحة الهجرة (Migrationsverket)")
            let ukrainian = try await client.send(.get, "/v1/journeys/new-in-sweden", token: token, headers: [.acceptLanguage: "de;q=0.9, uk;q=0.8, en;q=0.7"])
            #expect(ukrainian.headers[.contentLanguage] == "uk")
            #expect(ukrainian.json["title"] as? String == "Нові у Швеції")
        }
    }

    @Test("a language without a translation shows English texts and says so in Lotsen-Fallback-Language; unknown languages get English")
    func fallback() async throws {
        // Every shipped journey is translated, so a copy of them lacks two files: New in Sweden in Tigrinya and
        // Start a business in Arabic.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-fallback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["journeys", "adapters"] {
            try FileManager.default.copyItem(at: Harness.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for file in ["ti/new-in-sweden.yaml", "ar/starting-a-business.yaml"] {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("journeys/translations/\(file)"))
        }
        let library = try JourneyLibrary.load(journeysDirectory: folder.appendingPathComponent("journeys"),
            adaptersDirectory: folder.appendingPathComponent("adapters"))
        let harness = try Harness(library: library)
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client async throws in
            let tigrinya = try await client.send(.get, "/v1/journeys/new-in-sweden", token: token, headers: [.acceptLanguage: "ti"])
            #expect(tigrinya.headers[.contentLanguage] == "ti")
            #expect(tigrinya.headers[Self.fallback] == "en")
            #expect(tigrinya.json["title"] as? String == "New in Sweden")
            let somali = try await client.send(.get, "/v1/journeys/becoming-a-parent", token: token, headers: [.acceptLanguage: "so"])
            #expect(somali.headers[Self.fallback] == nil && somali.json["title"] as? String == "Noqoshada waalid")
            let list = try await client.send(.get, "/v1/journeys", token: token, headers: [.acceptLanguage: "ar"])
            // Start a business has no Arabic translation here, so the list names the fallback.
            #expect(list.headers[.contentLanguage] == "ar")
            #expect(list.headers[Self.fallback] == "en")
            let titles = (list.json["journeys"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
            #expect(titles?.contains("جديد في السويد") == true)
            #expect(titles?.contains("Start a business") == true)
            let german = try await client.send(.get, "/v1/journeys/new-in-sweden", token: token, headers: [.acceptLanguage: "de-DE, fr;q=0.9"])
            #expect(german.headers[.contentLanguage] == "en")
            #expect(german.headers[Self.fallback] == nil)
            let refused = try await client.send(.get, "/v1/journeys/new-in-sweden", token: token, headers: [.acceptLanguage: "ar;q=0, uk"])
            #expect(refused.headers[.contentLanguage] == "uk")
        }
    }
}

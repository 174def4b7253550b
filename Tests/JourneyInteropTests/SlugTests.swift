import Testing

@testable import JourneyInterop

@Suite("Titles in any script become kebab-case ids")
struct SlugTests {
    @Test("titles slug to ids", arguments: [
        ("Check you're allowed to drive", "check-youre-allowed-to-drive"),
        ("Få betalt för ditt arbete – ålderspension & skatt", "fa-betalt-for-ditt-arbete-alderspension-skatt"),
        ("Straße & Ærø", "strasse-aero"),
        ("2 Book your test", "step-2-book-your-test"),
        ("Получить зарплату", "fallback"),
        ("/learn-to-drive-a-car", "learn-to-drive-a-car"),
    ])
    func slugs(_ title: String, _ slug: String) {
        #expect(Slug.make(title, fallback: "fallback") == slug)
    }

    @Test("long titles are cut at a word boundary")
    func long() {
        let slug = Slug.make(String(repeating: "word ", count: 40), fallback: "x")
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.hasSuffix("-"))
    }
}

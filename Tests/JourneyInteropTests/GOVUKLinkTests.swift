import Testing

@testable import JourneyInterop

@Suite("Links become absolute https addresses, and nothing else gets through")
struct GOVUKLinkTests {
    @Test("GOV.UK paths are made absolute on www.gov.uk")
    func relative() {
        #expect(GOVUKLink.resolve("/vehicles-can-drive") == .kept("https://www.gov.uk/vehicles-can-drive"))
        #expect(GOVUKLink.resolve("vehicles-can-drive") == .kept("https://www.gov.uk/vehicles-can-drive"))
        #expect(GOVUKLink.resolve("//www.skatteverket.se/privat") == .kept("https://www.skatteverket.se/privat"))
        #expect(GOVUKLink.resolve(" HTTPS://www.relate.org.uk/x ") == .kept("https://www.relate.org.uk/x"))
    }

    @Test("http links are upgraded to https, with a note")
    func upgradesHTTP() {
        guard case .changed(let url, _) = GOVUKLink.resolve("http://www.counselling-directory.org.uk/adv-search.html") else {
            Issue.record("not changed")
            return
        }
        #expect(url == "https://www.counselling-directory.org.uk/adv-search.html")
    }

    @Test("other schemes are refused however they are spelt", arguments: [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>", "vbscript:x",
        "mailto:a@example.org", "file:///etc/passwd", "tel:+4612345", "https://www.gov.uk@evil.example/", "https://localhost/", "https://a b.example/",
        "", "https://www.gov.uk/\u{07}",
    ])
    func refuses(_ href: String) {
        guard case .refused = GOVUKLink.resolve(href) else {
            Issue.record("'\(href)' was not refused")
            return
        }
    }
}

import Testing

@testable import JourneyInterop

@Suite("HTML in GOV.UK texts becomes plain text")
struct HTMLTextTests {
    @Test("tags go, block elements make paragraphs, and script and style take their contents with them")
    func stripsTags() {
        let html = "<p>Plan your commute &amp; stay <strong>safe</strong>.<script>alert('<p>x</p>')</script></p><STYLE>p{}</STYLE><p>Then go.</p>"
        #expect(HTMLText.plain(html) == "Plan your commute & stay safe.\n\nThen go.")
    }

    @Test("character references are decoded after the tags are gone, so an escaped tag stays text")
    func decodesAfterStripping() {
        #expect(HTMLText.plain("&lt;script&gt;alert(1)&lt;/script&gt; &pound;34 &#8217; &#x2019; &#0; &bogus; &amp") == "<script>alert(1)</script> £34 ’ ’ \u{FFFD} &bogus; &amp")
    }

    @Test("a '<' that starts no tag is kept, and an attribute's '>' does not end its tag")
    func lessThan() {
        #expect(HTMLText.line("a < b <a title=\"x>y\">link</a> <unclosed") == "a < b link <unclosed")
    }

    @Test("comments, control and bidirectional override characters are dropped")
    func dropsInvisible() {
        #expect(HTMLText.line("a<!-- <p>hidden</p> -->b\u{07}c\u{202E}d") == "abcd")
    }
}

import Foundation
import JourneyModel

/// The frame every page shares: a skip link, the header with the language switch and (signed in) the journeys link and
/// the sign-out form, then the page's own `<main>`.
struct WebLayout {
    let strings: WebStrings
    /// The signed-in session's CSRF token; `nil` on the sign-in page.
    let csrf: String?
    /// The page's own path and query, where the language switch comes back to.
    let path: String

    /// The whole page; with `refresh`, a page that moves on to that path of this site by itself.
    func page(title: String, _ main: String, refresh: String? = nil) -> String {
        let other = strings.otherLanguage
        var navigation = ""
        if let csrf {
            navigation = """
                <nav aria-label="\(HTML.escape(strings.product))"><ul><li><a href="/">\(HTML.escape(strings.journeys))</a></li></ul></nav>
                <form method="post" action="/sign-out" class="sign-out"><input type="hidden" name="csrf" value="\(HTML.escape(csrf))">\
                <button type="submit">\(HTML.escape(strings.signOut))</button></form>
                """
        }
        return """
            <!doctype html>
            <html lang="\(strings.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(strings.pageTitle(title)))</title>
            <link rel="stylesheet" href="/web.css">\(refresh.map { "\n<meta http-equiv=\"refresh\" content=\"0;url=\(HTML.escape($0))\">" } ?? "")
            </head>
            <body>
            <a class="skip" href="#main">\(HTML.escape(strings.skipToContent))</a>
            <header>
            <p class="product">\(HTML.escape(strings.product))</p>
            \(navigation)
            <a href="/language\(HTML.escape(HTML.query([("to", other.language.rawValue), ("back", path)])))" lang="\(other.language.rawValue)" \
            hreflang="\(other.language.rawValue)">\(other.label)</a>
            </header>
            <main id="main">
            <h1>\(HTML.escape(title))</h1>
            \(main)
            </main>
            </body>
            </html>

            """
    }
}

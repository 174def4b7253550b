import Foundation
import HTTPTypes
import Hummingbird
import JourneyModel
import NIOCore

/// Builds the web view's pages as text. Every value that is not markup goes through ``escape(_:)``.
enum HTML {
    /// Text safe in element content and in double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A query string from name–value pairs, percent-encoded (empty values left out).
    static func query(_ pairs: [(String, String?)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let parts = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// `<option>`s for a `<select>`, the selected one marked; the first is "any" with an empty value.
    static func options(_ choices: [(value: String, label: String)], selected: String?, any: String) -> String {
        ([("", any)] + choices).map { value, label in
            "<option value=\"\(escape(value))\"\(value == (selected ?? "") ? " selected" : "")>\(escape(label))</option>"
        }.joined()
    }

    /// Headers on every page: never cached (a person's data), never framed, no referrer (paths name people), and only
    /// this site's own stylesheet and forms.
    static func headers(_ language: Language) -> HTTPFields {
        [
            .contentType: "text/html; charset=utf-8",
            .contentLanguage: language.rawValue,
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok, language: Language, cookies: [String] = []) -> Response {
        var headers = headers(language)
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 See Other to `location` (after a form, so reloading does not send it again).
    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}

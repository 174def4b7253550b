import Foundation
import Yams

extension AgencyFileLoader {
    /// `baseURL`, `auth`, `timeout` and `retry`; what is missing or wrong falls back to the defaults (and is reported).
    static func endpoint(_ top: [String: Node], reader: YAMLReader) -> AgencyEndpoint {
        var endpoint = AgencyEndpoint()
        if let raw = top["baseURL"].flatMap({ reader.string($0, "baseURL", what: "an address") }) {
            if let url = URL(string: raw), isAllowedBaseURL(url) {
                endpoint.baseURL = url
            } else {
                reader.report(at: "baseURL", "'\(raw)' is not an https:// address (or http:// on loopback)",
                    hint: "write the agency's full API address, such as https://api.example.se/lotsen/v1, or leave baseURL out to use the sandbox")
            }
        }
        if let node = top["auth"] {
            endpoint.credentials = credentials(node, reader: reader)
        } else if endpoint.baseURL != nil {
            reader.report(at: "baseURL", "an agency with a baseURL needs 'auth'",
                hint: "add auth: { type: bearer, env: NAME } and export NAME with the token the agency gave you")
        }
        if let raw = top["timeout"].flatMap({ reader.string($0, "timeout", what: "a duration") }) {
            if let timeout = duration(raw), timeout > .zero, timeout <= AgencyEndpoint.maximumTimeout {
                endpoint.timeout = timeout
            } else {
                reader.report(at: "timeout", "'\(raw)' is not a timeout between 1ms and 120s", hint: "write milliseconds or seconds, such as 800ms or 5s")
            }
        }
        if let node = top["retry"], let fields = reader.mapping(node, "retry", keys: ["attempts", "backoff"], what: "a retry policy") {
            if let attempts = fields["attempts"].flatMap({ reader.int($0, "retry.attempts") }) {
                if (1...RetryPolicy.maximumAttempts).contains(attempts) {
                    endpoint.retry.attempts = attempts
                } else {
                    reader.report(at: "retry.attempts", "\(attempts) attempts is outside 1...\(RetryPolicy.maximumAttempts)",
                        hint: "count the first attempt too: 1 means never retry")
                }
            }
            if let raw = fields["backoff"].flatMap({ reader.string($0, "retry.backoff", what: "a duration") }) {
                if let backoff = duration(raw), backoff <= .seconds(60) {
                    endpoint.retry.backoff = backoff
                } else {
                    reader.report(at: "retry.backoff", "'\(raw)' is not a wait of at most 60s", hint: "write milliseconds or seconds, such as 200ms or 1s")
                }
            }
        }
        return endpoint
    }

    private static func credentials(_ node: Node, reader: YAMLReader) -> AgencyCredentials? {
        guard let fields = reader.mapping(node, "auth", keys: ["type", "env", "header"], required: ["type", "env"], what: "credentials") else { return nil }
        let type = fields["type"].flatMap { reader.string($0, "auth.type", what: "a credential type") }
        let variable = fields["env"].flatMap { reader.string($0, "auth.env", what: "an environment variable name") }
        if let variable, !isEnvironmentVariableName(variable) {
            // The value is not repeated: it may be the secret itself, and diagnostics end up in logs.
            reader.report(at: "auth.env", "expected the name of an environment variable",
                hint: "name the variable that holds the secret, such as SKATTEVERKET_TOKEN (capital letters, digits and _); never write the secret here")
            return nil
        }
        let header = fields["header"].flatMap { reader.string($0, "auth.header", what: "a header name") }
        switch type {
        case "bearer":
            if fields["header"] != nil {
                reader.report(at: "auth.header", "a bearer token is always sent in the Authorization header", hint: "remove 'header', or use type: apiKey")
            }
            return variable.map { .bearer(environmentVariable: $0) }
        case "apiKey":
            guard let header else {
                if fields["header"] == nil {
                    reader.report(at: "auth", "an API key needs the 'header' it is sent in", hint: "such as header: X-Api-Key")
                }
                return nil
            }
            guard !header.isEmpty, header.allSatisfy({ $0.isLetter && $0.isASCII || $0.isASCIIDigit || $0 == "-" }) else {
                reader.report(at: "auth.header", "'\(header)' is not a header name", hint: "use letters, digits and hyphens, such as X-Api-Key")
                return nil
            }
            return variable.map { .apiKey(header: header, environmentVariable: $0) }
        case let other?:
            reader.report(at: "auth.type", "unknown credential type '\(other)'", hint: "use bearer or apiKey")
            return nil
        case nil:
            return nil
        }
    }

    /// `returns` and `sends`: journey fact → the agency's field path.
    static func mappings(_ node: Node, _ path: String, reader: YAMLReader) -> [FieldMapping] {
        reader.entries(node, path, what: "fact mappings").compactMap { entry in
            let entryPath = "\(path).\(entry.key)"
            if !IdentifierRules.isCamelCase(entry.key) {
                reader.report(entry.keyNode, entryPath, "'\(entry.key)' is not a fact id", hint: "fact ids are camelCase, such as fullName")
                return nil
            }
            guard let field = reader.string(entry.value, entryPath, what: "a field name") else { return nil }
            guard isFieldPath(field) else {
                reader.report(at: entryPath, "'\(field)' is not a field path", hint: "write the agency's field name, with dots into objects, such as address.formatted")
                return nil
            }
            return FieldMapping(fact: FactID(entry.key), field: field)
        }
    }

    /// Keys that make no sense for a service of this kind.
    static func checkKeys(_ fields: [String: Node], path: String, kind: AgencyService.Kind, inPerson: Bool, reader: YAMLReader) {
        if fields["sends"] != nil, kind != .application {
            reader.report(at: "\(path).sends", "only an application sends facts", hint: "remove 'sends', or set kind: application")
        }
        if fields["sends"] != nil, inPerson {
            reader.report(at: "\(path).sends", "a service done in person cannot be submitted through Lotsen", hint: "remove 'sends' or 'inPerson'")
        }
        if fields["returns"] != nil, kind == .caseStatus {
            reader.report(at: "\(path).returns", "a case-status service returns no facts of its own",
                hint: "list the facts a decided case yields under the application's 'returns'")
        }
        if fields["validFor"] != nil, kind != .lookup {
            reader.report(at: "\(path).validFor", "only facts fetched by a lookup expire", hint: "remove 'validFor'")
        }
    }

    /// `800ms`, `5s`, `1.5s`.
    static func duration(_ text: String) -> Duration? {
        if text.hasSuffix("ms"), let value = Int(text.dropLast(2)), value >= 0 { return .milliseconds(value) }
        if text.hasSuffix("s"), let value = Double(text.dropLast()), value >= 0, value.isFinite { return .milliseconds(Int((value * 1000).rounded())) }
        return nil
    }

    static func isAllowedBaseURL(_ url: URL) -> Bool {
        guard let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else { return false }
        switch url.scheme {
        case "https": return true
        case "http": return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]"
        default: return false
        }
    }

    static func isEnvironmentVariableName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || ("A"..."Z").contains(first) else { return false }
        return name.allSatisfy { ("A"..."Z").contains($0) || $0.isASCIIDigit || $0 == "_" }
    }

    static func isFieldPath(_ field: String) -> Bool {
        field.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { segment in
            guard let first = segment.first, first.isLetter, first.isASCII else { return false }
            return segment.allSatisfy { ($0.isLetter && $0.isASCII) || $0.isASCIIDigit || $0 == "_" }
        }
    }
}

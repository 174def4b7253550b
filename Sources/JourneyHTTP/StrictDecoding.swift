import Foundation
import HTTPTypes
import Hummingbird

/// A request body whose fields are exactly its `CodingKeys`: any other field is refused with 400 naming it.
/// Declare `enum CodingKeys: String, CodingKey, CaseIterable` to conform.
protocol StrictDecodable: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

extension Request {
    /// Reads and decodes a JSON body strictly: at most ``APILimits/maxBodyBytes`` (413 beyond), valid JSON (400),
    /// an object with no unknown fields (400 naming the field), and each field of the right type (400 naming it).
    func decodeStrict<Body: StrictDecodable>(_ type: Body.Type) async throws -> Body {
        guard let body = try await decodeStrictIfPresent(type) else {
            throw APIError.badRequest("missingBody", "this request needs a JSON body")
        }
        return body
    }

    /// Like ``decodeStrict(_:)``, or `nil` when the body is empty. A body that is not declared `application/json`
    /// is refused with 415 before it is read as JSON.
    func decodeStrictIfPresent<Body: StrictDecodable>(_ type: Body.Type) async throws -> Body? {
        let data = try await collectLimited()
        guard !data.isEmpty else { return nil }
        guard StrictJSON.isJSON(headers[.contentType]) else { throw StrictJSON.unsupportedMediaType }
        return try StrictJSON.decode(type, from: data)
    }

    /// The body, refusing with 413 as soon as it is larger than the limit (declared or streamed).
    private func collectLimited() async throws -> Data {
        let limit = APILimits.maxBodyBytes
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limit { throw StrictJSON.tooLarge }
        var data = Data()
        for try await buffer in body {
            guard data.count + buffer.readableBytes <= limit else { throw StrictJSON.tooLarge }
            data.append(contentsOf: buffer.readableBytesView)
        }
        return data
    }
}

enum StrictJSON {
    static let tooLarge = APIError(.contentTooLarge, "tooLarge", "the request body is larger than \(APILimits.maxBodyBytes / 1024) KiB")

    static let unsupportedMediaType = APIError(.unsupportedMediaType, "unsupportedMediaType", "the request body must be JSON",
        field: "Content-Type", hint: "send the body with 'Content-Type: application/json'")

    /// Whether a `Content-Type` names JSON: `application/json`, with any parameters (`; charset=utf-8`).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func decode<Body: StrictDecodable>(_ type: Body.Type, from data: Data) throws -> Body {
        try JSONSyntaxCheck.check([UInt8](data))
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw APIError.badRequest("malformedJSON", "the request body is not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw APIError.badRequest("malformedJSON", "the request body must be a JSON object")
        }
        let known = Set(Body.CodingKeys.allCases.map(\.stringValue))
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw APIError.badRequest("unknownField", "'\(unknown)' is not a field of this request", field: unknown)
        }
        do {
            return try decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw Self.refusal(error)
        }
    }

    /// The field a decoding error is about, dotted (`answers.hasChildren`), in a 400 that names it.
    static func refusal(_ error: DecodingError) -> APIError {
        func path(_ keys: [any CodingKey]) -> String? {
            let names = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? nil : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key]) ?? key.stringValue
            return .badRequest("missingField", "'\(field)' is required", field: field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return .badRequest("wrongType", "'\(field ?? "body")' must not be null", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return .badRequest("wrongType", "'\(field ?? "body")' must be \(describe(type))", field: field)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return .badRequest("invalidField", "'\(field ?? "body")' has a value this field does not take", field: field)
        @unknown default:
            return .badRequest("malformedJSON", "the request body cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        case is [String: Any].Type: "an object"
        default: if String(describing: type).hasPrefix("Array") { "an array" } else if String(describing: type).hasPrefix("Dictionary") { "an object" } else { "of another type" }
        }
    }
}

/// One of a closed set of string values in a request body; a value outside it is refused with 400 naming the field
/// and listing the values it takes (the decoder's own error says neither).
struct OneOf<Value: CaseIterable & RawRepresentable>: Decodable where Value.RawValue == String {
    let value: Value

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Value(rawValue: text) else {
            let names = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            let field = names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
            throw APIError.badRequest("invalidField", "'\(field)' must be one of: \(Value.allCases.map(\.rawValue).joined(separator: ", "))",
                field: field.isEmpty ? nil : field)
        }
        self.value = value
    }
}

/// A fact's value as sent: a string as the command line takes it (`"Tyskland"`, `"ja"`), or JSON `true`/`false`
/// or a number, read as the same text.
struct AnswerValue: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else if let flag = try? container.decode(Bool.self) {
            text = flag ? "yes" : "no"
        } else if let number = try? container.decode(Double.self) {
            text = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        } else {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(codingPath: decoder.codingPath,
                debugDescription: "a fact's value is a string, true or false, or a number"))
        }
    }
}

import Foundation
import Hummingbird

extension LotsenRequestContext {
    /// The longest path parameter taken, in characters after decoding (`maxLength` in the OpenAPI document).
    static let maxPathParameterLength = 200

    /// The route's path parameter `name`, percent-decoded once (`le%2Dabc` is `le-abc`). One that does not decode
    /// (a broken `%` escape, bytes that are not UTF-8) or decodes to nothing, to more than
    /// ``maxPathParameterLength`` characters or to a control character is refused with 400 naming the parameter.
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        guard let decoded = raw.removingPercentEncoding else {
            throw APIError.badRequest("invalidParameter", "'\(name)' is not a valid percent-encoded path segment", field: name)
        }
        guard (1...Self.maxPathParameterLength).contains(decoded.unicodeScalars.count) else {
            throw APIError.badRequest("invalidParameter", "'\(name)' must be 1 to \(Self.maxPathParameterLength) characters", field: name)
        }
        guard !decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError.badRequest("invalidParameter", "'\(name)' must not contain control characters", field: name)
        }
        return decoded
    }
}

import Foundation
import JourneyStore

/// Bearer token secrets: 32 random bytes, shown once as `lotsen_<base64url>`, stored only as their SHA-256.
public enum TokenSecret {
    public static let prefix = "lotsen_"

    /// A new secret and the hash to store for it.
    public static func generate() -> (secret: String, hash: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = prefix + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return (secret, hash(secret))
    }

    /// The SHA-256 of a presented secret, lowercase hex: what the store looks tokens up by.
    public static func hash(_ secret: String) -> String {
        Fingerprint.sha256(secret)
    }

    /// A new token id (`tk-` and 10 characters), not secret.
    public static func newID() -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var generator = SystemRandomNumberGenerator()
        return "tk-" + String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}

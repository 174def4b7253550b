import Crypto
import Foundation

/// The SHA-256 of a text in lowercase hex: what a token secret is stored as, and how journal entries are chained.
public enum Fingerprint {
    public static func sha256(_ text: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            digits.append(hex[Int(byte >> 4)])
            digits.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

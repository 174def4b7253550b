/// Random references for people and enrollments: 10 characters of Crockford base32 (50 bits), easy to
/// read aloud and type, with no letters that look like digits.
enum ReferenceGenerator {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}

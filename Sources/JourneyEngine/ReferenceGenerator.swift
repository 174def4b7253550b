/// Random references for people and enrollments: 10 characters of Crockford base32 (50 bits), easy to
/// read aloud and type, with no letters that look like digits.
enum ReferenceGenerator {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// One draw from the system generator, five bits a character. Drawing per character cost ten `getrandom`
    /// system calls per reference, a fifth of the time it took to enroll a newcomer.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bits = generator.next() as UInt64
        var characters: [Character] = []
        characters.reserveCapacity(10)
        for _ in 0..<10 {
            characters.append(alphabet[Int(bits & 0x1F)])
            bits >>= 5
        }
        return String(characters)
    }
}

/// A set of alpha-2 country codes as a bit mask over the 26 × 26 letter pairs, so testing
/// `citizenship in EU_EEA` is a shift and a mask rather than hashing a string.
struct CountryMask: Hashable, Sendable {
    // 676 bits in 11 words, inline so membership tests touch no heap memory.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    init(_ codes: some Sequence<String>) {
        for code in codes {
            guard let bit = Self.bit(of: code) else { continue }
            let updated = word(bit) | mask(bit)
            withUnsafeMutableBytes(of: &words) { $0.storeBytes(of: updated, toByteOffset: (bit >> 6) * 8, as: UInt64.self) }
        }
    }

    func contains(_ code: CountryCode) -> Bool {
        guard let bit = Self.bit(of: code.alpha2) else { return false }
        return word(bit) & mask(bit) != 0
    }

    private func word(_ bit: Int) -> UInt64 {
        withUnsafeBytes(of: words) { $0.loadUnaligned(fromByteOffset: (bit >> 6) * 8, as: UInt64.self) }
    }

    private func mask(_ bit: Int) -> UInt64 { 1 << UInt64(bit & 63) }

    /// `AA` is bit 0, `AB` bit 1, … `ZZ` bit 675; `nil` for anything but two upper-case ASCII letters.
    private static func bit(of code: String) -> Int? {
        var utf8 = code.utf8.makeIterator()
        guard let first = utf8.next(), let second = utf8.next(), utf8.next() == nil,
            (65...90).contains(first), (65...90).contains(second)
        else { return nil }
        return Int(first - 65) * 26 + Int(second - 65)
    }

    static func == (lhs: CountryMask, rhs: CountryMask) -> Bool {
        withUnsafeBytes(of: lhs.words) { left in withUnsafeBytes(of: rhs.words) { right in left.elementsEqual(right) } }
    }

    func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: words) { hasher.combine(bytes: $0) }
    }
}

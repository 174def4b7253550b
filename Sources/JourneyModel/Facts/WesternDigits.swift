/// Digits as a newcomer's keyboard types them, read as the digits 0–9: an Arabic keyboard types the Arabic-Indic
/// digits (٠١٢…٩), a Persian one the extended ones (۰۱۲…۹), with their own decimal (٫) and thousands (٬) separators.
/// A menu choice, a number, a date or an identity number typed so means the same as in 0–9; free text is never
/// rewritten, since it is kept as the person wrote it.
public enum WesternDigits {
    /// `text` with every Arabic-Indic and extended Arabic-Indic digit as 0–9, the Arabic decimal separator as `.` and
    /// the Arabic thousands separator as `,`; anything else unchanged.
    public static func normalized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x0660 && $0.value <= 0x06F9 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(scalar.value - 0x0660)))
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(scalar.value - 0x06F0)))
            case 0x066B: scalars.append(".")
            case 0x066C: scalars.append(",")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

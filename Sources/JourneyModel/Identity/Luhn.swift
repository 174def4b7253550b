/// The Luhn (mod 10) check that Swedish personnummer, samordningsnummer and organisationsnummer use.
///
/// Weights 2 and 1 alternate from the left over the ten-digit form; a product above 9 counts as the sum of
/// its digits; the number is valid when the total is a multiple of 10.
enum Luhn {
    /// Whether `digits` (each 0–9, the check digit last) pass the check.
    static func isValid(_ digits: [Int]) -> Bool {
        !digits.isEmpty && sum(digits) % 10 == 0
    }

    private static func sum(_ digits: [Int]) -> Int {
        // Counted from the right (check digit weight 1, then 2, 1, …) so any length works; for the
        // ten-digit Swedish form this is the familiar "2, 1, 2, … from the left".
        var total = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let weighted = offset % 2 == 1 ? digit * 2 : digit
            total += weighted > 9 ? weighted - 9 : weighted
        }
        return total
    }
}

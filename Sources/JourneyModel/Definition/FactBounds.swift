/// What an answer must keep besides its type, as a journey file declares it: a number fact's `min`, `max` and
/// `whole`, a text fact's `maxLength`. Checked for every answer, whichever front it comes through.
public struct FactBounds: Hashable, Sendable {
    /// The smallest number allowed (`min`), if any.
    public var minimum: Double?
    /// The largest number allowed (`max`), if any.
    public var maximum: Double?
    /// Whether a number must be whole (`whole: true`): a count of people, say.
    public var wholeNumber: Bool
    /// The most characters (Unicode scalars) a text may have (`maxLength`); ``defaultTextLength`` without it.
    public var maxLength: Int?

    /// The length of a text answer when its fact declares none: room for a long name or address, not a document.
    public static let defaultTextLength = 500
    /// The largest `maxLength` a journey may declare.
    public static let largestTextLength = 10_000

    public init(minimum: Double? = nil, maximum: Double? = nil, wholeNumber: Bool = false, maxLength: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
        self.wholeNumber = wholeNumber
        self.maxLength = maxLength
    }

    /// The longest text allowed.
    public var textLength: Int { maxLength ?? Self.defaultTextLength }
}

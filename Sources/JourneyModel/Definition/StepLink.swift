/// A page a step points the person to, beyond its one official `link`: a form, a guide, a booking service.
///
/// Imported GOV.UK step-by-step navigations carry several such links per step; a journey author may list them too.
public struct StepLink: Hashable, Sendable {
    /// Whether the person needs the page, may skip it, or picks the one that applies among the step's choices.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Part of doing the step (the default).
        case required
        /// Useful but not needed to finish the step.
        case optional
        /// One of several pages the person chooses between: only the ones that apply to them.
        case choice
    }

    public let title: LocalizedText
    /// An absolute `https://` URL.
    public let url: String
    /// What following the link costs, such as a fee.
    public let cost: LocalizedText?
    public let kind: Kind

    public init(title: LocalizedText, url: String, cost: LocalizedText? = nil, kind: Kind = .required) {
        self.title = title
        self.url = url
        self.cost = cost
        self.kind = kind
    }
}

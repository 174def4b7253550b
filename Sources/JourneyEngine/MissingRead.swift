import JourneyModel

/// Something a decision needs from outside the person's snapshot. A decision runs inside the store's write
/// transaction and must not read the store itself (a pooled connection would wait on a second one), so it names
/// what it is missing; the engine abandons that transaction, reads it, and decides again.
enum MissingRead: Hashable, Sendable {
    /// The text of a journey version an enrollment is pinned to.
    case definition(JourneyID, version: Int)
    /// Who, if anyone, holds an identity number.
    case owner(Personnummer)
}

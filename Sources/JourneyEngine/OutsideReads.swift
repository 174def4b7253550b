import JourneyModel

/// What a decision has learned from outside the person's snapshot, read before its transaction (see
/// ``MissingRead``). A value read there may be stale by the time the transaction runs; the store's own
/// constraints (one person per identity number) catch that race.
struct OutsideReads: Sendable {
    /// Who held each identity number when it was read: `.some(nil)` when nobody did.
    var owners: [Personnummer: PersonID?] = [:]

    /// The person holding `number`, or `nil`; a number not read yet is a ``MissingRead``.
    func owner(of number: Personnummer) throws(EngineError) -> PersonID? {
        guard let owner = owners[number] else { throw EngineError(missing: .owner(number)) }
        return owner
    }
}

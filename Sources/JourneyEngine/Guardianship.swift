import Foundation
import JourneyModel
import JourneyStore

/// A guardian acting for their child: allowed while the child is under 18 and the population register shows the
/// guardian has custody, both checked at the moment of each act. Both of a child's guardians may act; nobody else.
public struct Guardianship: Sendable {
    public let engine: JourneyEngine
    public let register: CustodyRegister
    let timeZone: TimeZone

    public init(engine: JourneyEngine, register: CustodyRegister, timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current) {
        self.engine = engine
        self.register = register
        self.timeZone = timeZone
    }

    /// The age at which custody ends.
    public static let ageOfMajority = 18

    /// The first day `number`'s holder is of age: the 18th anniversary of the birth date in the number (for a
    /// samordningsnummer, the day minus 60), and 1 March for a birth on 29 February when that year has none.
    public static func firstDayOfAge(of number: Personnummer) -> CalendarDate {
        let birth = number.birthDate
        let year = birth.year + ageOfMajority
        return CalendarDate(year: year, month: birth.month, day: birth.day) ?? CalendarDate(year: year, month: 3, day: 1)!
    }

    /// Whether `number`'s holder is under 18 on `day` (a day in Sweden).
    public static func isMinor(_ number: Personnummer, on day: CalendarDate) -> Bool {
        day < firstDayOfAge(of: number)
    }

    /// Today in Sweden, by the engine's clock.
    var today: CalendarDate { CalendarDate.today(in: timeZone, now: engine.clock()) }

    /// The numbers of the children `guardian` may act for now: in their custody by the register, and under 18.
    /// Empty for a guardian whose own number is not proven: the register is asked only about a proven person.
    /// Throws ``EngineError/Code/agencyFailed`` when the register cannot answer.
    public func minors(inCustodyOf guardian: PersonID) async throws(EngineError) -> [Personnummer] {
        let stored = try await engine.person(.id(guardian))
        guard let number = stored.identity, stored.isProven else { return [] }
        let today = self.today
        return try await register.children(inCustodyOf: number, today: today).filter { Self.isMinor($0, on: today) }
    }

    /// Whether `guardian` may act for `child` now. The register is asked before anything about the child is read, so
    /// the answer (or the register's failure) says nothing about whether the child exists.
    public func mayAct(_ guardian: PersonID, for child: PersonID) async throws(EngineError) -> Bool {
        guard guardian != child else { return false }
        let minors = try await minors(inCustodyOf: guardian)
        guard !minors.isEmpty else { return false }
        let store = engine.store
        let record = try await storage { () async throws(StorageError) in try await store.person(id: child) }
        guard let record, let number = record.identity, record.isProven else { return false }
        return minors.contains(number)
    }

    /// The records of the children `guardian` may act for now, each linked to the number the register gave: the
    /// agency of record's answer proves it, so a child without a record gets one (with no journeys), and a record an
    /// operator named by the number is proven by it.
    public func linkChildren(of guardian: PersonID) async throws(EngineError) -> [StoredPerson] {
        var linked: [StoredPerson] = []
        for number in try await minors(inCustodyOf: guardian) {
            let proof = IdentityProof(method: .agencyOfRecord, issuer: JourneyEngine.agencyOfRecord.rawValue, assurance: nil, provenAt: engine.clock())
            do {
                linked.append(try await engine.prove(ProvenIdentity(number: number, proof: proof)))
            } catch {
                // Cannot happen for a fresh lookup (the register's number finds its own record); skipped rather than told.
                if error.code != .identityConflict { throw error }
            }
        }
        return linked
    }
}

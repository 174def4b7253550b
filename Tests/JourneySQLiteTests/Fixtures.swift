import Foundation
import GRDB
import JourneyModel

@testable import JourneySQLite
import JourneyStore

// Every personnummer and samordningsnummer used by these tests comes from `OfficialTestNumbers`:
// Skatteverket's published test numbers, which are never assigned to anyone.

/// Fixed moments, whole seconds apart, so no test depends on the clock.
enum Moment {
    /// 2026-01-01 00:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func day(_ days: Int, hour: Int = 0) -> Date {
        start.addingTimeInterval(TimeInterval(days * 86_400 + hour * 3_600))
    }
}

enum TestIdentity {
    static func personnummer() throws -> Personnummer { try Personnummer(parsing: OfficialTestNumbers.personnummer) }
}

extension StoredEnrollment {
    /// A new enrollment as the engine would create it, with the given steps.
    static func fixture(
        _ id: EnrollmentID, person: PersonID, journey: JourneyID = "new-in-sweden", version: Int = 1, status: EnrollmentStatus = .active,
        ball: BallHolder = .person, revision: Int = 1, createdAt: Date = Moment.start, updatedAt: Date? = nil, completedAt: Date? = nil,
        steps: [StepID: StoredStep] = [:]
    ) -> StoredEnrollment {
        StoredEnrollment(
            id: id, person: person, journey: journey, journeyVersion: version, status: status, ball: ball, revision: revision,
            createdAt: createdAt, updatedAt: updatedAt ?? createdAt, completedAt: completedAt, steps: steps)
    }
}

extension PersonSnapshot {
    /// The enrollment with this id; traps in a test when it is missing, which `#require` reports first.
    subscript(enrollment id: EnrollmentID) -> StoredEnrollment? {
        get { enrollments.first { $0.id == id } }
        set {
            guard let index = enrollments.firstIndex(where: { $0.id == id }) else { return }
            if let newValue { enrollments[index] = newValue } else { enrollments.remove(at: index) }
        }
    }
}

extension SQLiteJourneyStore {
    /// Creates a person and enrolls them in one journey, with an `enrolled` event, as the engine does.
    @discardableResult
    func createEnrolledPerson(_ person: PersonID, identity: Personnummer? = nil, enrollment: StoredEnrollment) async throws -> PersonSnapshot {
        try await transact(creating: StoredPerson(id: person, identity: identity, createdAt: enrollment.createdAt)) { snapshot in
            snapshot.enrollments.append(enrollment)
            return [JourneyEvent(enrollment: enrollment.id, at: enrollment.createdAt, actor: .person, kind: .enrolled)]
        }
    }
}

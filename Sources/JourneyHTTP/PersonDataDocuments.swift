import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// One page of a person's access journal. Field names, never values.
struct JournalDocument: Encodable {
    struct Entry: Encodable {
        let sequence: Int64
        let at: Date
        /// `person`, `caseworker`, `agency` or `system` (Lotsen itself: retries, status checks).
        let actor: String
        /// For a request through the API: the requester's role towards the person (`person`: themself, `citizen`:
        /// another citizen, `caseworker`, `agency`, `representative`: someone acting for them), the token's id and the route.
        let role: String?
        let token: String?
        let purpose: String?
        /// For a `representative`: who acted for the person (their Lotsen reference) and under which mandate.
        let representative: String?
        let mandate: String?
        let journey: String?
        let step: String?
        let agency: String?
        let service: String?
        let action: String
        let fields: [String]
        let outcome: String
        /// A case id, a consent id, a mandate id or an error code.
        let detail: String?
        /// The entry's link in the journal's hash chain (`lotsen journal verify`).
        let hash: String

        init(_ entry: AccessEntry) {
            sequence = entry.sequence
            at = entry.at
            actor = entry.actor.rawValue
            role = entry.requester?.role.rawValue
            token = entry.requester?.token
            purpose = entry.requester?.purpose
            representative = entry.requester?.representation?.representative.rawValue
            mandate = entry.requester?.representation?.mandate
            journey = entry.journey?.rawValue
            step = entry.step?.rawValue
            agency = entry.agency?.rawValue
            service = entry.service?.rawValue
            action = entry.action.rawValue
            fields = entry.fields.map(\.rawValue)
            outcome = entry.outcome.rawValue
            detail = entry.detail
            hash = entry.hash
        }
    }

    let items: [Entry]
    /// Pass as `cursor` for the next page; absent on the last page.
    let nextCursor: String?
}

/// What Lotsen knows about a person, each fact with where it came from.
struct FactsDocument: Encodable {
    struct Fact: Encodable {
        let id: String
        let type: String
        /// The value in its stable text form (`true`, `2026-01-31`, `SE`).
        let value: String
        /// `person` (they answered), `agency` (a lookup supplied it) or `step` (reported on completing a step).
        let source: String
        /// The agency service or the step it came from.
        let from: String?
        let recordedAt: Date
        let validUntil: Date?

        init(_ fact: (key: FactID, value: KnownFact)) {
            id = fact.key.rawValue
            type = fact.value.value.typeKeyword
            value = fact.value.value.canonical
            source = fact.value.source.kind
            from = fact.value.source.reference
            recordedAt = fact.value.recordedAt
            validUntil = fact.value.validUntil
        }
    }

    let person: String
    let facts: [Fact]
}

/// A person's decision about one exchange of their data.
struct ConsentDocument: Encodable {
    let id: String
    let journey: String
    let step: String?
    let service: String
    /// `fetch` (from the service) or `send` (to it).
    let direction: String
    let fields: [String]
    /// `granted` or `refused`.
    let decision: String
    let decidedAt: Date
    let withdrawnAt: Date?

    init(_ consent: Consent) {
        id = consent.id
        journey = consent.journey.rawValue
        step = consent.step?.rawValue
        service = consent.service.rawValue
        direction = consent.direction.rawValue
        fields = consent.fields.map(\.rawValue)
        decision = consent.decision.rawValue
        decidedAt = consent.decidedAt
        withdrawnAt = consent.withdrawnAt
    }
}

/// Every consent of a person, oldest first.
struct ConsentListDocument: Encodable {
    let items: [ConsentDocument]
}

/// A person's news in Lotsen: reminders of due-soon and overdue steps, newest first.
struct NewsDocument: Encodable {
    struct Item: Encodable {
        let id: String
        /// `soon` (due within a week) or `overdue`.
        let kind: String
        let enrollment: String
        let journey: String
        let step: String
        /// The step's due moment when the reminder was made, and its last day (`YYYY-MM-DD`, UTC).
        let due: Date
        let dueDay: String
        let createdAt: Date
        /// Absent while the reminder is new.
        let readAt: Date?

        init(_ reminder: Reminder) {
            id = String(reminder.id)
            kind = reminder.kind.rawValue
            enrollment = reminder.enrollment.rawValue
            journey = reminder.journey.rawValue
            step = reminder.step.rawValue
            due = reminder.due
            dueDay = DueStanding.day(of: reminder.due)
            createdAt = reminder.createdAt
            readAt = reminder.readAt
        }
    }

    let items: [Item]
}

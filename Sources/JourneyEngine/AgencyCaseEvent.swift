import Foundation
import JourneyModel
import JourneyStore

/// A case event an agency pushes about one person's application, in the spirit of Skatteverket's
/// "Mina ärenden" customer events: typed, from a named agency and service, in a language, with the agency's
/// own message id (the same id sent twice is the same event).
public struct AgencyCaseEvent: Hashable, Sendable {
    public enum Decision: String, CaseIterable, Sendable, Codable {
        case approved
        case rejected
    }

    public enum Kind: Hashable, Sendable {
        /// The agency has received the application: the step waits on the agency.
        case received
        /// The agency needs something from the person (``AgencyCaseEvent/message`` says what).
        case needsAction
        /// The agency decided: approved completes the step, rejected rejects it.
        case decided(Decision)

        /// The stored name of the event type.
        public var name: String {
            switch self {
            case .received: "received"
            case .needsAction: "needsAction"
            case .decided: "decided"
            }
        }

        public var decision: Decision? {
            if case .decided(let decision) = self { return decision }
            return nil
        }

        /// Rebuilds a stored kind; `nil` for an unknown name or a decision that does not fit it.
        public init?(name: String, decision: String?) {
            switch (name, decision) {
            case ("received", nil): self = .received
            case ("needsAction", nil): self = .needsAction
            case ("decided", let decision?):
                guard let decision = Decision(rawValue: decision) else { return nil }
                self = .decided(decision)
            default: return nil
            }
        }
    }

    /// The agency's own id for this message; with the agency, what makes a resent message recognisable.
    public let messageID: String
    /// The agency that sent it (the one its token belongs to).
    public let agency: AgencyID
    /// The service the case is about; it decides the step.
    public let service: ServiceID
    public let person: PersonReference
    /// Names the journey when the person has several with a step for this service.
    public let journey: JourneyID?
    public let kind: Kind
    public let language: Language
    public let caseReference: String?
    /// The agency's text for the person: what to do, or why the application was rejected.
    public let message: String?

    public init(messageID: String, agency: AgencyID, service: ServiceID, person: PersonReference, journey: JourneyID? = nil, kind: Kind,
        language: Language, caseReference: String? = nil, message: String? = nil)
    {
        self.messageID = messageID
        self.agency = agency
        self.service = service
        self.person = person
        self.journey = journey
        self.kind = kind
        self.language = language
        self.caseReference = caseReference
        self.message = message
    }

    /// What the event does to its step, as the agency (``JourneyEvent/Actor/agency``).
    public var command: StepCommand { Self.command(kind, caseReference: caseReference, message: message) }

    static func command(_ kind: Kind, caseReference: String?, message: String?) -> StepCommand {
        switch kind {
        case .received: .submitted(caseReference: caseReference)
        case .needsAction: .requestAction(message: message)
        case .decided(.approved): .complete
        case .decided(.rejected): .reject(reason: message)
        }
    }
}

/// The answer to a pushed event: that it was accepted, when, and whether this message id had come before. It says
/// nothing of what became of the event (applied, waiting, about no one Lotsen knows), so an agency cannot learn from
/// it whether a person uses Lotsen, which journeys they started or where their steps stand.
public struct AgencyEventReceipt: Hashable, Sendable {
    public let messageID: String
    public let agency: AgencyID
    public let service: ServiceID
    public let kind: AgencyCaseEvent.Kind
    /// When the message id was first received.
    public let receivedAt: Date
    public let duplicate: Bool
    /// The person and step a new event was kept for, so the caller can write the change into the person's journal.
    /// Never part of the answer to the agency; nil for a duplicate and for an event that matched no one.
    public let matched: Match?

    /// Whose step a received event was kept for.
    public struct Match: Hashable, Sendable {
        public let person: PersonID
        public let journey: JourneyID
        public let step: StepID
    }

    public init(_ event: AgencyCaseEvent, receivedAt: Date, duplicate: Bool, matched: Match? = nil) {
        self.messageID = event.messageID
        self.agency = event.agency
        self.service = event.service
        self.kind = event.kind
        self.receivedAt = receivedAt
        self.duplicate = duplicate
        self.matched = matched
    }
}

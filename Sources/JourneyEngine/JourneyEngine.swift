import Foundation
import JourneyModel
import JourneyStorage
import Synchronization

/// Advances people through journeys. Each request loads what it needs, decides with the pure
/// ``JourneyPlanner`` and ``TransitionRules``, and writes the outcome in one store transaction.
public final class JourneyEngine: Sendable {
    public let library: JourneyLibrary
    let store: any JourneyStore
    let clock: @Sendable () -> Date
    /// Definitions of older versions that enrollments are pinned to, parsed once.
    private let pinned = Mutex<[String: Journey]>([:])
    /// Definition versions whose text this process has already pinned in the store.
    private let pinnedSources = Mutex<Set<String>>([])

    public init(library: JourneyLibrary, store: any JourneyStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.library = library
        self.store = store
        self.clock = clock
    }

    // MARK: People

    /// Finds the person named by `reference`. People are created by ``enroll(_:in:actor:)``, in the same
    /// transaction as their first enrollment.
    public func person(_ reference: PersonReference) throws(EngineError) -> StoredPerson {
        switch reference {
        case .id(let id):
            guard let person = try storage({ () throws(StorageError) in try store.person(id: id) }) else {
                throw EngineError(.unknownPerson, "no person with reference \(id)", hint: "check the reference, or start a journey to create one")
            }
            return person
        case .identity(let number):
            if let person = try storage({ () throws(StorageError) in try store.person(identity: number) }) { return person }
            throw EngineError(.unknownPerson, "no journeys found for that \(number.kind == .samordningsnummer ? "samordningsnummer" : "personnummer")",
                hint: "start a journey first with: lotsen start JOURNEY --person ...")
        case .new:
            throw EngineError(.unknownPerson, "a newcomer has no record until a journey is started", hint: "start a journey with --person new")
        }
    }

    /// Links a personnummer or samordningsnummer obtained later to a newcomer's reference, keeping all progress.
    public func link(person id: PersonID, identity: Personnummer, actor: JourneyEvent.Actor = .person) throws(EngineError) -> StoredPerson {
        if let owner = try storage({ () throws(StorageError) in try store.person(identity: identity) }) {
            if owner.id == id { return owner }
            throw EngineError(.identityConflict, "that number is already linked to another person reference",
                hint: "use that reference instead, or ask a caseworker to merge the two")
        }
        let snapshot = try transact(person: id) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            if let existing = snapshot.person.identity {
                guard existing == identity else {
                    throw EngineError(.identityConflict, "this person is already linked to a different number", hint: "a person has one number; contact a caseworker")
                }
                return []
            }
            snapshot.person.identity = identity
            let now = clock()
            var events = snapshot.enrollments.map { JourneyEvent(enrollment: $0.id, at: now, actor: actor, kind: .identityLinked) }
            events += try self.recordIdentityFact(in: &snapshot, actor: actor)
            return events
        }
        return snapshot.person
    }

    // MARK: Enrollments

    /// Starts `journey` for the person, or returns their existing enrollment in it (idempotent).
    public func enroll(_ reference: PersonReference, in journeyID: JourneyID, actor: JourneyEvent.Actor = .person) throws(EngineError) -> EnrollmentView {
        try enrollKeepingSnapshot(reference, in: journeyID, actor: actor).view
    }

    /// ``enroll(_:in:actor:)`` for callers that keep the person's snapshot in memory between changes
    /// (``change(_:step:on:journey:produced:actor:)``): the enrollment's view and the snapshot it was planned on,
    /// as written, with no second read.
    public func enrollKeepingSnapshot(_ reference: PersonReference, in journeyID: JourneyID, actor: JourneyEvent.Actor = .person) throws(EngineError)
        -> (view: EnrollmentView, snapshot: PersonSnapshot)
    {
        guard let journey = library.journey(journeyID) else {
            throw EngineError(.unknownJourney, "no journey '\(journeyID)'",
                hint: Suggestion.closest(to: journeyID.rawValue, among: library.journeys.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "list the journeys with: lotsen journeys")
        }
        // An unknown identity number or a newcomer gets a person in the same transaction as the enrollment.
        let existing: StoredPerson?
        var identity: Personnummer?
        switch reference {
        case .new: existing = nil
        case .identity(let number):
            existing = try storage { () throws(StorageError) in try store.person(identity: number) }
            identity = number
        case .id: existing = try self.person(reference)
        }
        try pin(journey, person: existing?.id)
        var created = false
        let body = { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            guard !snapshot.enrollments.contains(where: { $0.journey == journey.id }) else { return [] }
            let now = self.clock()
            let id = EnrollmentID("le-" + ReferenceGenerator.random())
            snapshot.enrollments.append(StoredEnrollment(id: id, person: snapshot.person.id, journey: journey.id, journeyVersion: journey.version,
                status: .active, ball: .person, revision: 0, createdAt: now, updatedAt: now, steps: [:]))
            created = true
            let enrolled = JourneyEvent(enrollment: id, at: now, actor: actor, kind: .enrolled, detail: "version \(journey.version)")
            return try [enrolled] + self.recordIdentityFact(in: &snapshot, actor: actor)
        }
        let written: (snapshot: PersonSnapshot, plans: [JourneyPlan])
        if let existing {
            written = try transact(.existing(existing.id), body)
        } else {
            let person = StoredPerson(id: PersonID(PersonReference.idPrefix + ReferenceGenerator.random()), identity: identity, createdAt: clock())
            written = try transact(.creating(person), body)
        }
        guard let index = written.snapshot.enrollments.firstIndex(where: { $0.journey == journey.id }) else {
            throw EngineError(.storage, "the enrollment was not stored")
        }
        // The plan is the one the transaction wrote, made with the definition the enrollment is pinned to.
        let enrollment = written.snapshot.enrollments[index]
        let view = EnrollmentView(enrollment: enrollment, journey: try definition(for: enrollment), plan: written.plans[index], created: created)
        return (view, written.snapshot)
    }

    /// Remembers the definition text the first time the version is used (once per process), and refuses a
    /// changed text under the same version for anyone not already on it.
    private func pin(_ journey: Journey, person: PersonID?) throws(EngineError) {
        let key = "\(journey.id)@\(journey.version)"
        guard let source = library.sources[journey.id], !pinnedSources.withLock({ $0.contains(key) }) else { return }
        let stored = try storage { () throws(StorageError) in try store.pinDefinition(journey: journey.id, version: journey.version, source: source) }
        if stored == source {
            pinnedSources.withLock { _ = $0.insert(key) }
            return
        }
        if let person, try existingEnrollment(person: person, journey: journey.id) != nil { return }
        throw EngineError(.definitionChanged, "journey '\(journey.id)' version \(journey.version) was changed after people started it",
            hint: "bump 'version' in journeys/\(journey.id).yaml; people already on version \(journey.version) keep it")
    }

    private func existingEnrollment(person: PersonID, journey: JourneyID) throws(EngineError) -> StoredEnrollment? {
        try storage { () throws(StorageError) in try store.snapshot(person: person) }?.enrollments.first { $0.journey == journey }
    }

    /// Everything about one person: facts with provenance and every enrollment with its plan.
    public func overview(_ reference: PersonReference) throws(EngineError) -> PersonOverview {
        let person = try self.person(reference)
        guard let snapshot = try storage({ () throws(StorageError) in try store.snapshot(person: person.id) }) else {
            throw EngineError(.unknownPerson, "no person with reference \(person.id)")
        }
        let facts = snapshot.factValues
        var views: [EnrollmentView] = []
        for enrollment in snapshot.enrollments { views.append(try view(enrollment, facts: facts)) }
        return PersonOverview(person: snapshot.person, facts: snapshot.facts, enrollments: views)
    }

    /// The enrollment's history, oldest first.
    public func history(of enrollment: EnrollmentID) throws(EngineError) -> [JourneyEvent] {
        try storage { () throws(StorageError) in try store.events(enrollment: enrollment) }
    }

    // MARK: Facts

    /// Records answers for the person. Each answer must name a fact declared by `journey` (or, without one,
    /// by the journeys the person is enrolled in) and parse as its type; nothing is recorded if any is wrong.
    public func answer(person id: PersonID, journey: JourneyID? = nil, answers: [(fact: FactID, text: String)], source: FactSource = .person,
        actor: JourneyEvent.Actor = .person) throws(EngineError) -> PersonOverview
    {
        let written = try transact(.existing(id)) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            try answering(&snapshot, journey: journey, answers: answers, source: source, actor: actor)
        }
        return try overview(of: written.snapshot, plans: written.plans)
    }

    /// ``answer(person:journey:answers:source:actor:)`` on a snapshot the caller keeps in memory: only the
    /// difference is written. The snapshot is updated only when the write succeeded.
    public func answer(in snapshot: inout PersonSnapshot, journey: JourneyID? = nil, answers: [(fact: FactID, text: String)],
        source: FactSource = .person, actor: JourneyEvent.Actor = .person) throws(EngineError)
    {
        try transact(cached: &snapshot) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            try answering(&snapshot, journey: journey, answers: answers, source: source, actor: actor)
        }
    }

    private func answering(_ snapshot: inout PersonSnapshot, journey: JourneyID?, answers: [(fact: FactID, text: String)], source: FactSource,
        actor: JourneyEvent.Actor) throws(EngineError) -> [JourneyEvent]
    {
        let journeys = try self.journeys(for: snapshot, only: journey)
        var parsed: [(FactID, FactValue)] = []
        var problems: [String] = []
        for (fact, text) in answers {
            do throws(EngineError) {
                parsed.append((fact, try parse(fact, text, declaredBy: journeys)))
            } catch {
                problems.append(error.message)
                if answers.count == 1 { throw error }
            }
        }
        if !problems.isEmpty {
            throw EngineError(.invalidValue, "nothing was recorded: \(problems.joined(separator: "; "))", hint: "fix these answers and send them again")
        }
        return try record(parsed, source: source, actor: actor, in: &snapshot)
    }

    /// Records facts an agency supplied, already typed, with how long they count. Each must be declared by
    /// `journey` with a type the value conforms to; nothing is recorded if any is not.
    public func record(_ facts: [(fact: FactID, value: FactValue)], source: FactSource, validUntil: Date?, person id: PersonID, journey: JourneyID,
        actor: JourneyEvent.Actor) throws(EngineError)
    {
        _ = try transact(person: id) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            let definition = try self.journeys(for: snapshot, only: journey)[0]
            for (fact, value) in facts {
                guard let declared = definition.fact(fact), value.conforms(to: declared.type) else {
                    throw EngineError(.invalidValue, "'\(fact)' is not a \(definition.fact(fact)?.type.keyword ?? "declared") fact of '\(journey)'")
                }
            }
            return try record(facts.map { ($0.fact, $0.value) }, source: source, validUntil: validUntil, actor: actor, in: &snapshot)
        }
    }

    private func parse(_ fact: FactID, _ text: String, declaredBy journeys: [Journey]) throws(EngineError) -> FactValue {
        let declarations = journeys.compactMap { $0.fact(fact) }
        guard let definition = declarations.first else {
            let known = Set(journeys.flatMap { $0.facts.map(\.id.rawValue) })
            throw EngineError(.unknownFact, "'\(fact)' is not a fact of \(journeys.map { "'\($0.id)'" }.joined(separator: " or "))",
                hint: Suggestion.closest(to: fact.rawValue, among: known).map { "did you mean '\($0)'?" } ?? "see the facts with: lotsen show JOURNEY")
        }
        if declarations.contains(where: { !$0.type.isSameKind(as: definition.type) }) {
            throw EngineError(.ambiguousEnrollment, "journeys declare '\(fact)' with different types", hint: "name the journey with --journey")
        }
        do {
            return try FactValue.parse(text, as: definition.type, today: CalendarDate.today(now: clock()))
        } catch {
            throw EngineError(.invalidValue, "'\(fact)': \(error.message)", hint: error.hint)
        }
    }

    /// Stores parsed facts on the snapshot and logs them to every enrollment whose journey declares them.
    private func record(_ facts: [(FactID, FactValue)], source: FactSource, validUntil: Date? = nil, actor: JourneyEvent.Actor,
        in snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent]
    {
        let now = clock()
        var events: [JourneyEvent] = []
        for (fact, value) in facts {
            if let known = snapshot.facts[fact], known.value == value, known.source == source, known.validUntil == validUntil { continue }
            snapshot.facts[fact] = KnownFact(value: value, source: source, recordedAt: now, validUntil: validUntil)
            // A newcomer's personnummer, once known, becomes the person's identity (keeping every enrollment).
            if fact == "personnummer", case .personnummer(let number) = value, snapshot.person.identity == nil {
                if let owner = try storage({ () throws(StorageError) in try store.person(identity: number) }), owner.id != snapshot.person.id {
                    throw EngineError(.identityConflict, "that number is already linked to another person reference",
                        hint: "use that reference instead, or ask a caseworker to merge the two")
                }
                snapshot.person.identity = number
            }
            for enrollment in snapshot.enrollments where try definition(for: enrollment).fact(fact) != nil {
                events.append(JourneyEvent(enrollment: enrollment.id, at: now, actor: actor, kind: .factRecorded, fact: fact, detail: source.description))
            }
        }
        return events
    }

    /// The number a person identified with is a fact they have already given: journeys that need a
    /// `personnummer` fact get it without asking again (once-only).
    private func recordIdentityFact(in snapshot: inout PersonSnapshot, actor: JourneyEvent.Actor) throws(EngineError) -> [JourneyEvent] {
        guard let identity = snapshot.person.identity, snapshot.facts["personnummer"] == nil else { return [] }
        var declared = false
        for enrollment in snapshot.enrollments where try definition(for: enrollment).fact("personnummer")?.type == .personnummer {
            declared = true
        }
        guard declared else { return [] }
        return try record([("personnummer", .personnummer(identity))], source: .person, actor: actor, in: &snapshot)
    }

    // MARK: Steps

    /// Applies a step command for the person. Without `journey`, the step is looked up among the person's
    /// enrollments. `produced` are facts the step yields (such as the personnummer from registration).
    public func apply(_ command: StepCommand, step stepID: StepID, person id: PersonID, journey: JourneyID? = nil,
        produced: [(fact: FactID, text: String)] = [], actor: JourneyEvent.Actor = .person) throws(EngineError) -> EnrollmentView
    {
        var target: EnrollmentID?
        let written = try transact(.existing(id)) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            let result = try applying(command, step: stepID, to: &snapshot, journey: journey, produced: produced, actor: actor)
            target = result.enrollment
            return result.events
        }
        guard let target, let index = written.snapshot.enrollments.firstIndex(where: { $0.id == target }) else {
            throw EngineError(.storage, "the enrollment was not stored")
        }
        // The plan the transaction wrote: planning again would give the same.
        let enrollment = written.snapshot.enrollments[index]
        return EnrollmentView(enrollment: enrollment, journey: try definition(for: enrollment), plan: written.plans[index])
    }

    /// ``apply(_:step:person:journey:produced:actor:)`` on a snapshot the caller keeps in memory: only the
    /// difference is written. The snapshot is updated only when the write succeeded.
    public func apply(_ command: StepCommand, step stepID: StepID, in snapshot: inout PersonSnapshot, journey: JourneyID? = nil,
        produced: [(fact: FactID, text: String)] = [], actor: JourneyEvent.Actor = .person) throws(EngineError)
    {
        try transact(cached: &snapshot) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            try applying(command, step: stepID, to: &snapshot, journey: journey, produced: produced, actor: actor).events
        }
    }

    private func applying(_ command: StepCommand, step stepID: StepID, to snapshot: inout PersonSnapshot, journey: JourneyID?,
        produced: [(fact: FactID, text: String)], actor: JourneyEvent.Actor) throws(EngineError) -> (enrollment: EnrollmentID, events: [JourneyEvent])
    {
        let position = try enrollmentIndex(for: stepID, journey: journey, in: snapshot)
        let enrollment = snapshot.enrollments[position]
        let definition = try definition(for: enrollment)
        guard let step = definition.step(stepID) else { throw EngineError(.unknownStep, "no step '\(stepID)' in '\(definition.id)'") }
        var facts = snapshot.factValues
        var events: [JourneyEvent] = []
        if !produced.isEmpty {
            guard command == .complete else {
                throw EngineError(.invalidTransition, "facts can only be reported when completing a step")
            }
            var parsed: [(FactID, FactValue)] = []
            for (fact, text) in produced {
                guard step.produces.contains(fact) else {
                    throw EngineError(.unknownFact, "step '\(stepID)' does not produce '\(fact)'",
                        hint: step.produces.isEmpty ? "it produces no facts" : "it produces: \(step.produces.map(\.rawValue).joined(separator: ", "))")
                }
                parsed.append((fact, try parse(fact, text, declaredBy: [definition])))
            }
            parsed.forEach { facts[$0.0] = $0.1 }
            // Validate the transition before anything is recorded.
            let plan = JourneyPlanner.plan(definition, facts: snapshot.factValues, progress: enrollment.progress)
            _ = try TransitionRules.progress(for: command, step: step, status: plan.status(of: stepID)!, journey: definition, facts: facts)
            events += try record(parsed, source: .step(stepID), actor: actor, in: &snapshot)
        }
        // The stored state is the plan's as of the last change (every change re-plans every enrollment of the
        // person). Where the rules may refuse and must explain why, the full plan gives the reason.
        let status: StepStatus
        if produced.isEmpty, let stored = enrollment.steps[stepID], stored.state != .locked, stored.state != .notApplicable {
            status = StepStatus(step: stepID, state: stored.state, progress: stored.progress)
        } else {
            let plan = JourneyPlanner.plan(definition, facts: snapshot.factValues, progress: enrollment.progress)
            guard let planned = plan.status(of: stepID) else { throw EngineError(.unknownStep, "no step '\(stepID)'") }
            status = planned
        }
        guard let progress = try TransitionRules.progress(for: command, step: step, status: status, journey: definition, facts: facts) else {
            return (enrollment.id, events)
        }
        let now = clock()
        snapshot.enrollments[position].steps[stepID, default: StoredStep(progress: nil, state: status.state, since: now)].progress = progress
        events.append(JourneyEvent(enrollment: enrollment.id, at: now, actor: actor, kind: .stepProgressed, step: stepID, detail: progress.keyword))
        return (enrollment.id, events)
    }

    /// The journey of the person's enrollments that has `step` (refused when none or several do).
    public func journey(containing step: StepID, for person: PersonID) throws(EngineError) -> JourneyID {
        let snapshot = try snapshot(of: person)
        return snapshot.enrollments[try enrollmentIndex(for: step, journey: nil, in: snapshot)].journey
    }

    private func enrollmentIndex(for step: StepID, journey: JourneyID?, in snapshot: PersonSnapshot) throws(EngineError) -> Int {
        if let journey {
            guard let index = snapshot.enrollments.firstIndex(where: { $0.journey == journey }) else {
                throw EngineError(.notEnrolled, "this person has not started '\(journey)'", hint: "start it with: lotsen start \(journey) --person ...")
            }
            guard try definition(for: snapshot.enrollments[index]).step(step) != nil else {
                let steps = try definition(for: snapshot.enrollments[index]).steps.map(\.id.rawValue)
                throw EngineError(.unknownStep, "no step '\(step)' in '\(journey)'",
                    hint: Suggestion.closest(to: step.rawValue, among: steps).map { "did you mean '\($0)'?" } ?? "see the steps with: lotsen show \(journey)")
            }
            return index
        }
        var matches: [Int] = []
        for (index, enrollment) in snapshot.enrollments.enumerated() where try definition(for: enrollment).step(step) != nil {
            matches.append(index)
        }
        guard !snapshot.enrollments.isEmpty else {
            throw EngineError(.notEnrolled, "this person has not started any journey", hint: "start one with: lotsen start JOURNEY --person ...")
        }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            var steps: [String] = []
            for enrollment in snapshot.enrollments { steps += try definition(for: enrollment).steps.map(\.id.rawValue) }
            throw EngineError(.unknownStep, "no step '\(step)' in this person's journeys",
                hint: Suggestion.closest(to: step.rawValue, among: steps).map { "did you mean '\($0)'?" } ?? "see the steps with: lotsen status --person ...")
        default:
            throw EngineError(.ambiguousEnrollment, "step '\(step)' is in several of this person's journeys",
                hint: "name one with --journey: \(matches.map { snapshot.enrollments[$0].journey.rawValue }.sorted().joined(separator: ", "))")
        }
    }

    // MARK: Plumbing

    /// Runs `body` in one store transaction, then re-plans every enrollment and writes the derived state with it.
    private func transact(person: PersonID, _ body: (inout PersonSnapshot) throws(EngineError) -> [JourneyEvent]) throws(EngineError) -> PersonSnapshot {
        try transact(.existing(person), body).snapshot
    }

    private enum Subject {
        case existing(PersonID)
        case creating(StoredPerson)
    }

    /// Runs `body` plus re-planning inside one store transaction, mapping storage errors. Returns the snapshot as
    /// written and each enrollment's plan, in the snapshot's order.
    private func transact(_ subject: Subject, _ body: (inout PersonSnapshot) throws(EngineError) -> [JourneyEvent]) throws(EngineError)
        -> (snapshot: PersonSnapshot, plans: [JourneyPlan])
    {
        let person: PersonID
        switch subject {
        case .existing(let id): person = id
        case .creating(let created): person = created.id
        }
        var plans: [JourneyPlan] = []
        let planned = { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            let events = try body(&snapshot)
            plans = try self.replan(&snapshot, touched: Set(events.map { $0.enrollment }))
            return events
        }
        do {
            switch subject {
            case .existing(let id): return (try store.transact(person: id, planned), plans)
            case .creating(let created): return (try store.transact(creating: created, planned), plans)
            }
        } catch let error as EngineError {
            throw error
        } catch let error as StorageError {
            if error.code == .notFound { throw EngineError(.unknownPerson, "no person with reference \(person)") }
            throw EngineError(.storage, error.message, hint: error.hint)
        } catch {
            throw EngineError(.storage, "the change could not be saved")
        }
    }

    /// Runs `body` on a copy of an in-memory snapshot, re-plans, and writes the difference in one transaction;
    /// the caller's snapshot changes only when that write succeeded.
    private func transact(cached snapshot: inout PersonSnapshot, _ body: (inout PersonSnapshot) throws(EngineError) -> [JourneyEvent])
        throws(EngineError)
    {
        let decided = try decide(on: snapshot, body)
        try commit([decided])
        snapshot = decided.change.after
    }

    /// Runs `body` on a copy of the snapshot and re-plans, writing nothing.
    private func decide(on snapshot: PersonSnapshot, _ body: (inout PersonSnapshot) throws(EngineError) -> [JourneyEvent]) throws(EngineError)
        -> DecidedChange
    {
        var after = snapshot
        let events = try body(&after)
        let plans = try replan(&after, touched: Set(events.map { $0.enrollment }))
        return DecidedChange(change: SnapshotChange(before: snapshot, after: after, events: events), plans: plans)
    }

    /// Decides a step command on an in-memory snapshot without writing it; ``commit(_:)`` writes one or more
    /// such changes in a single transaction (batched commits, when per-change durability is not needed).
    public func change(_ command: StepCommand, step stepID: StepID, on snapshot: PersonSnapshot, journey: JourneyID? = nil,
        produced: [(fact: FactID, text: String)] = [], actor: JourneyEvent.Actor = .person) throws(EngineError) -> DecidedChange
    {
        try decide(on: snapshot) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            try applying(command, step: stepID, to: &snapshot, journey: journey, produced: produced, actor: actor).events
        }
    }

    /// Decides answers on an in-memory snapshot without writing them; see ``change(_:step:on:journey:produced:actor:)``.
    public func change(answering answers: [(fact: FactID, text: String)], on snapshot: PersonSnapshot, journey: JourneyID? = nil,
        source: FactSource = .person, actor: JourneyEvent.Actor = .person) throws(EngineError) -> DecidedChange
    {
        try decide(on: snapshot) { (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
            try answering(&snapshot, journey: journey, answers: answers, source: source, actor: actor)
        }
    }

    /// Writes decided changes in one transaction, in order. Each must have been decided on the snapshot the
    /// previous one left (or on stored state); a stale one fails the whole batch with a conflict.
    public func commit(_ changes: [DecidedChange]) throws(EngineError) {
        let snapshotChanges = changes.map { $0.change }
        try storage { () throws(StorageError) in try store.commit(snapshotChanges) }
    }

    /// The person's snapshot, for callers that keep it in memory between changes.
    public func snapshot(of person: PersonID) throws(EngineError) -> PersonSnapshot {
        guard let snapshot = try storage({ () throws(StorageError) in try store.snapshot(person: person) }) else {
            throw EngineError(.unknownPerson, "no person with reference \(person)")
        }
        return snapshot
    }

    /// The plan of one enrollment in a snapshot.
    public func view(of enrollment: StoredEnrollment, in snapshot: PersonSnapshot) throws(EngineError) -> EnrollmentView {
        try view(enrollment, facts: snapshot.factValues)
    }

    /// Recomputes each enrollment's step states, status and ball; bumps the revision of those that changed.
    /// Returns each enrollment's new plan, in the snapshot's order.
    private func replan(_ snapshot: inout PersonSnapshot, touched: Set<EnrollmentID>) throws(EngineError) -> [JourneyPlan] {
        var plans: [JourneyPlan] = []
        plans.reserveCapacity(snapshot.enrollments.count)
        let now = clock()
        let facts = snapshot.factValues
        for index in snapshot.enrollments.indices {
            var enrollment = snapshot.enrollments[index]
            let journey = try definition(for: enrollment)
            // Each step's stored row is looked up once, for the plan and then to see what changed.
            let stored = journey.steps.map { enrollment.steps[$0.id] }
            let plan = JourneyPlanner.plan(journey, facts: facts, recorded: stored.map { $0?.progress })
            var changed = false
            for (position, status) in plan.steps.enumerated() {
                let old = stored[position]
                if old?.state != status.state || old?.progress != status.progress {
                    let since = old?.state == status.state ? old!.since : now
                    enrollment.steps[status.step] = StoredStep(progress: status.progress ?? old?.progress, state: status.state, since: since)
                    changed = true
                }
            }
            let completedAt = plan.status == .complete ? enrollment.completedAt ?? now : nil
            if plan.status != enrollment.status || plan.ball != enrollment.ball || completedAt != enrollment.completedAt { changed = true }
            enrollment.status = plan.status
            enrollment.ball = plan.ball
            enrollment.completedAt = completedAt
            // The body may have changed a step's progress itself (so the plan agrees with the row): compared in full then.
            if changed || touched.contains(enrollment.id) || enrollment != snapshot.enrollments[index] {
                enrollment.revision += 1
                enrollment.updatedAt = now
            }
            snapshot.enrollments[index] = enrollment
            plans.append(plan)
        }
        return plans
    }

    private func view(_ enrollment: StoredEnrollment, facts: [FactID: FactValue]) throws(EngineError) -> EnrollmentView {
        let journey = try definition(for: enrollment)
        return EnrollmentView(enrollment: enrollment, journey: journey, plan: JourneyPlanner.plan(journey, facts: facts, progress: enrollment.progress))
    }

    /// The overview of a snapshot whose enrollments were just planned, in its order.
    private func overview(of snapshot: PersonSnapshot, plans: [JourneyPlan]) throws(EngineError) -> PersonOverview {
        var views: [EnrollmentView] = []
        for (enrollment, plan) in zip(snapshot.enrollments, plans) { views.append(EnrollmentView(enrollment: enrollment, journey: try definition(for: enrollment), plan: plan)) }
        return PersonOverview(person: snapshot.person, facts: snapshot.facts, enrollments: views)
    }

    private func journeys(for snapshot: PersonSnapshot, only journey: JourneyID?) throws(EngineError) -> [Journey] {
        if let journey {
            guard let enrollment = snapshot.enrollments.first(where: { $0.journey == journey }) else {
                throw EngineError(.notEnrolled, "this person has not started '\(journey)'", hint: "start it with: lotsen start \(journey) --person ...")
            }
            return [try definition(for: enrollment)]
        }
        guard !snapshot.enrollments.isEmpty else {
            throw EngineError(.notEnrolled, "this person has not started any journey", hint: "start one with: lotsen start JOURNEY --person ...")
        }
        var result: [Journey] = []
        for enrollment in snapshot.enrollments { result.append(try definition(for: enrollment)) }
        return result
    }

    /// The definition an enrollment is pinned to: the current one when versions match, else the stored text of its version.
    func definition(for enrollment: StoredEnrollment) throws(EngineError) -> Journey {
        if let current = library.journey(enrollment.journey), current.version == enrollment.journeyVersion { return current }
        let key = "\(enrollment.journey)@\(enrollment.journeyVersion)"
        if let cached = pinned.withLock({ $0[key] }) { return cached }
        guard let source = try storage({ () throws(StorageError) in try store.definitionSource(journey: enrollment.journey, version: enrollment.journeyVersion) }) else {
            throw EngineError(.definitionChanged, "journey '\(enrollment.journey)' version \(enrollment.journeyVersion) is no longer available",
                hint: "restore journeys/\(enrollment.journey).yaml at that version")
        }
        let loaded = JourneyLoader.load(source, file: "\(enrollment.journey)@\(enrollment.journeyVersion)", catalog: library.catalog)
        guard let journey = loaded.journey else {
            throw EngineError(.definitionChanged, "journey '\(enrollment.journey)' version \(enrollment.journeyVersion) no longer loads",
                hint: "a service it uses may have been removed from adapters/")
        }
        pinned.withLock { $0[key] = journey }
        return journey
    }
}

/// Makes a household's copies of the steps and facts a journey repeats (`forEach`), so the engine plans a family's
/// journey as it plans anyone's: each copy is an ordinary step or fact with its own id (`school-place.child-2`), its
/// own progress and its own answers, and nothing downstream needs to know about repetition.
///
/// Every member a role can have gets copies (up to its fact's upper bound); a copy whose member is not coming is
/// planned as not applying (``HouseholdMember/presence``), so the number of children can change at any time without
/// losing a child's progress.
struct HouseholdExpansion {
    let roles: [HouseholdRole]
    /// The question asked for a member's copy of a fact (`askEach`, with `{member}`), by the declared fact; a fact asked
    /// only about members has `{member}` in its `ask`.
    let askEach: [FactID: LocalizedText]

    /// The facts in declaration order (a fact repeated only for members left out), then each member's copies, member by
    /// member: the guide asks in this order, so the person answers for themselves and says who is coming before it asks
    /// about each of them in turn.
    func facts(_ declared: [FactDefinition]) -> [FactDefinition] {
        let own = declared.filter { $0.forEach.isEmpty || $0.forEach.contains(HouseholdRole.you) }
        let members = roles.flatMap(\.members)
        return own + members.flatMap { member in
            declared.filter { $0.forEach.contains(member.role) }.map { fact in
                FactDefinition(id: member.fact(fact.id), type: fact.type, label: fact.label.map { Self.naming($0, for: member) },
                    ask: (askEach[fact.id] ?? fact.ask).map { $0.combined(with: member.label) { question, name in Placeholders.fill(question, with: ["member": name]) } },
                    // Fetched only for the person themselves: Lotsen never asks an agency about someone else on a login.
                    help: fact.help, from: [], bounds: fact.bounds, forEach: fact.forEach, member: member, declaredID: fact.id)
            }
        }
    }

    /// The steps in file order, each repeated step (a `oneOf` group with its alternatives) followed by its members'
    /// copies.
    func steps(_ declared: [StepDefinition], facts: [FactDefinition]) -> [StepDefinition] {
        let repeatedFacts = facts.filter { !$0.forEach.isEmpty }
        let repeatedSteps = declared.filter { !$0.forEach.isEmpty }
        let byID = Dictionary(declared.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return declared.filter { $0.group == nil }.flatMap { step -> [StepDefinition] in
            let block = [step] + step.alternatives.compactMap { byID[$0] }
            guard !step.forEach.isEmpty else { return block }
            let own = step.forEach.contains(HouseholdRole.you) ? block : []
            return own + members(of: step.forEach).flatMap { member in
                let factNames = Dictionary(uniqueKeysWithValues: repeatedFacts.filter { $0.forEach.contains(member.role) }.map { ($0.id, member.fact($0.id)) })
                let stepNames = Dictionary(uniqueKeysWithValues: repeatedSteps.filter { $0.forEach.contains(member.role) }.map { ($0.id, member.step($0.id)) })
                return block.map { copy($0, for: member, factNames: factNames, stepNames: stepNames) }
            }
        }
    }

    /// One step's copy for `member`, reading the member's facts and waiting for the member's steps.
    private func copy(_ step: StepDefinition, for member: HouseholdMember, factNames: [FactID: FactID], stepNames: [StepID: StepID]) -> StepDefinition {
        let due = step.due.map { due -> StepDeadline in
            switch due.anchor {
            case .start: due
            case .step(let id): StepDeadline(within: due.within, anchor: .step(stepNames[id] ?? id))
            case .fact(let id): StepDeadline(within: due.within, anchor: .fact(factNames[id] ?? id))
            }
        }
        return StepDefinition(
            id: member.step(step.id), title: Self.naming(step.title, for: member), summary: step.summary, service: step.service,
            after: step.after.map { stepNames[$0] ?? $0 }, when: step.when?.renamingFacts(factNames),
            needs: step.needs.map { factNames[$0] ?? $0 }, produces: step.produces.map { factNames[$0] ?? $0 },
            optional: step.optional, cost: step.cost, link: step.link, englishLink: step.englishLink, links: step.links, processingTime: step.processingTime, due: due,
            alternatives: step.alternatives.map { stepNames[$0] ?? $0 }, group: step.group.map { stepNames[$0] ?? $0 },
            forEach: step.forEach, member: member, declaredID: step.id)
    }

    /// The members of `forEach`'s roles, in the household's order (not the list's), without the person themselves.
    private func members(of forEach: [String]) -> [HouseholdMember] {
        roles.filter { forEach.contains($0.id) }.flatMap(\.members)
    }

    /// A step's title or a fact's label naming the member it is for: "Apply for a residence permit (child 2)".
    static func naming(_ text: LocalizedText, for member: HouseholdMember) -> LocalizedText {
        text.combined(with: member.label) { text, name in "\(text) (\(name))" }
    }
}

import JourneyEngine
import JourneyModel
import JourneyStore

/// A guardian acting for their child (`lotsen guide --as-guardian`): the guardian logs in with e-legitimation, Lotsen
/// asks the population register which children under 18 they have custody of, and the guardian picks one. From then
/// on every screen says so, every change is recorded as the guardian's acting for the child, and before each change
/// the register is asked again: custody that ended, or a child who turned 18, stops the conversation unchanged.
extension GuideSession {
    /// The child a guardian acts for in this conversation.
    struct ChildInCustody {
        let child: PersonID
        let guardian: PersonID
        let born: CalendarDate
    }

    /// What every change made in this conversation records as "X acting for Y": the guardian, when one acts.
    var representation: Representation? { actingFor.map { .guardian($0.guardian) } }

    /// The child the guardian chose, after a login and the register's answer; `nil` to go on for themself (with a
    /// notice saying why).
    func chooseChild() throws(GuideStop) -> PersonID? {
        guard let identity, let exchange else {
            notices.append(Line(strings.guardianNeedsLogin, style: .warning))
            return nil
        }
        guard let number = try requestedNumber() else {
            notices.append(Line(strings.guardianNeedsNumber, style: .warning))
            return nil
        }
        present(guardianLoginScreen)
        guard try choose(2) == .number(0), try logIn(as: number, person: nil, provider: identity) else { return nil }
        let engine = self.engine
        let guardianship = Guardianship(engine: engine, register: exchange.custody)
        let children: [StoredPerson]
        let guardian: PersonID
        do {
            (guardian, children) = try awaitFromThread { () async throws(EngineError) -> (PersonID, [StoredPerson]) in
                let guardian = try await engine.person(.identity(number)).id
                return (guardian, try await guardianship.linkChildren(of: guardian))
            }
        } catch {
            if error.code != .agencyFailed { throw .failed(error) }
            notices.append(Line(strings.guardianRegisterUnavailable, style: .warning))
            return nil
        }
        let born = children.compactMap { child in child.identity.map { (child.id, $0.birthDate) } }
        guard !born.isEmpty else {
            notices.append(Line(strings.guardianNoChildren))
            return nil
        }
        var screen = Screen([Line(strings.guardianTitle, style: .title)])
        screen.add(Line(strings.guardianChoose))
        screen.addBlank()
        for (index, child) in born.enumerated() {
            screen.add(Line(strings.guardianChild(born: child.1), style: .highlight, prefix: "  \(index + 1)) "))
        }
        screen.add(Line(strings.guardianForMyself, style: .highlight, prefix: "  \(born.count + 1)) "))
        present(screen)
        guard case .number(let index) = try choose(born.count + 1), index < born.count else { return nil }
        actingFor = ChildInCustody(child: born[index].0, guardian: guardian, born: born[index].1)
        notices.append(Line(strings.guardianStarted, style: .success))
        return born[index].0
    }

    /// Asks the register again before a change made for the child: custody can end, and the child turns 18. When it
    /// no longer holds, or the register cannot say, nothing is changed and the conversation stops.
    func requireCustody() throws(GuideStop) {
        guard let actingFor, let exchange else { return }
        let guardianship = Guardianship(engine: engine, register: exchange.custody)
        let holds: Bool
        do {
            holds = try awaitFromThread { () async throws(EngineError) in try await guardianship.mayAct(actingFor.guardian, for: actingFor.child) }
        } catch {
            if error.code != .agencyFailed { throw .failed(error) }
            terminal.write([Line(strings.guardianRegisterGone, style: .warning)])
            throw .quit
        }
        guard holds else {
            terminal.write([Line(strings.guardianCustodyEnded, style: .warning)])
            throw .quit
        }
    }

    /// The line at the top of every screen while a guardian acts for their child.
    var actingLine: Line? { actingFor.map { Line(strings.actingForChild(born: $0.born), style: .highlight) } }

    /// The guardian's own number, from `--person`: typed, or their record's.
    private func requestedNumber() throws(GuideStop) -> Personnummer? {
        guard let requestedPerson else { return nil }
        switch try check(requestedPerson) {
        case .person(.identity(let number)): return number
        case .person(.id(let person)):
            let engine = self.engine
            return try? awaitFromThread { () async throws(EngineError) in try await engine.person(.id(person)).identity }
        default: return nil
        }
    }

    private var guardianLoginScreen: Screen {
        var screen = Screen([Line(strings.guardianTitle, style: .title)])
        screen.add(Line(strings.guardianLoginWhy))
        screen.add(Line(strings.loginForThisVisit, style: .muted))
        screen.addBlank()
        screen.add(Line(strings.loginYes, style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.guardianForMyself, style: .highlight, prefix: "  2) "))
        return screen
    }
}

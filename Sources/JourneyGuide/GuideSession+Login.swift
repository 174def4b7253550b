import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// "Log in with e-legitimation": before anything is fetched or sent, the person proves who they are at the identity
/// provider (the sandbox's by default), in a way a terminal can follow: a link and a code, then "I have approved",
/// which asks the provider; until then nothing is fetched or sent. The login counts for this conversation only.
extension GuideSession {
    enum LoginPurpose { case fetch, send }

    /// The number the person's record is named by, if any.
    func recordIdentity(_ current: Current) throws(GuideStop) -> Personnummer? {
        try loginNumber(current, claims: false)
    }

    /// The number a login would be for: the record's, else (with `claims`) the one the person said they have, such as
    /// a newcomer's new personnummer reported with the step that gives it. The login, not the claim, then binds it.
    func loginNumber(_ current: Current, claims: Bool) throws(GuideStop) -> Personnummer? {
        let (engine, person) = (engine, current.person)
        do {
            return try awaitFromThread { () async throws(EngineError) -> Personnummer? in
                let overview = try await engine.overview(.id(person))
                if let identity = overview.person.identity { return identity }
                guard claims, case .personnummer(let said)? = overview.facts["personnummer"]?.value else { return nil }
                return said
            }
        } catch {
            notices.append(try refusal(error))
            return nil
        }
    }

    /// Whether the person has logged in during this conversation as the number their record is named by; if not, offers
    /// to log in now (once per conversation). `false`: answer or apply without Lotsen.
    /// A guardian acting for a child logged in as themself: fetching and sending stay the child's own, so never.
    func loggedIn(_ current: Current, offerTo purpose: LoginPurpose) throws(GuideStop) -> Bool {
        guard actingFor == nil else { return false }
        guard let identity, let number = try loginNumber(current, claims: true) else { return false }
        if let login { return login.number == number }
        guard !loginDeclined else { return false }
        present(LoginScreen(strings: strings).offer(purpose))
        guard try choose(2) == .number(0) else {
            loginDeclined = true
            notices.append(Line(strings.loginDeclined))
            return false
        }
        return try logIn(as: number, person: current.person, provider: identity)
    }

    /// Runs one login for `number` and binds it to `person`'s record (or, without one, to the record that has the number,
    /// made when there is none); `true` once proven.
    func logIn(as number: Personnummer, person: PersonID?, provider: any IdentityProvider) throws(GuideStop) -> Bool {
        let nonce = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let order: LoginOrder
        switch waitFor({ () async throws(EngineError) -> LoginOrder in
            do throws(IdentityProviderError) { return try await provider.startLogin(nonce: nonce, hint: number) } catch { throw Self.engineError(error) }
        }) {
        case .success(let started): order = started
        case .failure:
            loginDeclined = true
            notices.append(Line(strings.loginFailed, style: .warning))
            return false
        }
        let screen = LoginScreen(strings: strings)
        present(screen.waiting(order))
        while true {
            guard try choose(2) == .number(0) else {
                loginDeclined = true
                notices.append(Line(strings.loginDeclined))
                return false
            }
            let engine = self.engine
            let result = waitFor { () async throws(EngineError) -> ProvenIdentity? in
                let proven: ProvenIdentity?
                do throws(IdentityProviderError) { proven = try await provider.poll(order) } catch { throw Self.engineError(error) }
                guard let proven else { return nil }
                guard proven.number == number else {
                    throw EngineError(.identityConflict, "the login proved another number than the one this visit is about")
                }
                _ = try await engine.prove(proven, person: person)
                return proven
            }
            switch result {
            case .success(nil):
                terminal.write([Line(strings.loginNotYet, style: .warning)])
            case .success(let proven?):
                login = proven
                notices.append(Line(strings.loggedIn, style: .success))
                return true
            case .failure(let error) where error.code == .identityConflict:
                loginDeclined = true
                notices.append(Line(strings.loginOtherPerson, style: .warning))
                return false
            case .failure:
                loginDeclined = true
                notices.append(Line(strings.loginFailed, style: .warning))
                return false
            }
        }
    }

    /// A provider's refusal, carried through the guide's engine-error plumbing; its message names no personal data.
    static func engineError(_ error: IdentityProviderError) -> EngineError {
        EngineError(error.code == .unavailable ? .agencyFailed : .agencyRefused, error.message, hint: error.hint)
    }
}

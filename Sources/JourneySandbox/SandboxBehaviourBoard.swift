import Synchronization

/// The behaviours in force in one sandbox process (they are not shared through the state file), and the flag that
/// ends every delay and hang when the server stops.
final class SandboxBehaviourBoard: Sendable {
    /// What one request gets from the behaviours; counts were already used up for it.
    struct Plan: Sendable, Equatable {
        var fail = false
        var delayMilliseconds = 0
        var malformation: SandboxBehaviour.Malformation?
        var mayHang = false
    }

    private struct Scope: Hashable {
        let agency: String
        let service: String?
    }

    private let rules = Mutex<[Scope: SandboxBehaviour]>([:])
    private let stopping = Atomic<Bool>(false)

    func set(_ behaviour: SandboxBehaviour, agency: String, service: String?) {
        rules.withLock { $0[Scope(agency: agency, service: service)] = behaviour }
    }

    /// Removes the behaviour of one scope, of one agency (`service` nil: the agency's and its services'), or all.
    func clear(agency: String?, service: String?) {
        rules.withLock { rules in
            guard let agency else { return rules.removeAll() }
            rules = rules.filter { scope, _ in scope.agency != agency || (service != nil && scope.service != service) }
        }
    }

    var all: [SandboxBehaviourRule] {
        rules.withLock { rules in
            rules.map { SandboxBehaviourRule(agency: $0.key.agency, service: $0.key.service, behaviour: $0.value) }
                .sorted { ($0.agency, $0.service ?? "") < ($1.agency, $1.service ?? "") }
        }
    }

    /// Decides how one request to `agency`'s `service` behaves, using up one `failNext` or `malformedNext`.
    func plan(agency: String, service: String) -> Plan {
        rules.withLock { rules in
            guard let scope = Self.scope(in: rules, agency: agency, service: service), var behaviour = rules[scope] else {
                return Plan()
            }
            var plan = Plan(delayMilliseconds: behaviour.delayMilliseconds, mayHang: behaviour.hang)
            if behaviour.failNext > 0 {
                behaviour.failNext -= 1
                plan.fail = true
            } else if behaviour.malformedNext > 0 {
                behaviour.malformedNext -= 1
                plan.malformation = behaviour.malformation
            }
            rules[scope] = behaviour
            return plan
        }
    }

    /// Whether requests to `agency`'s `service` are still told to hang.
    func isHanging(agency: String, service: String) -> Bool {
        if stopping.load(ordering: .relaxed) { return false }
        return rules.withLock { rules in
            Self.scope(in: rules, agency: agency, service: service).flatMap { rules[$0]?.hang } ?? false
        }
    }

    /// Set while the server shuts down, so delayed and hanging answers go out at once and the shutdown can finish.
    var isStopping: Bool {
        get { stopping.load(ordering: .relaxed) }
        set { stopping.store(newValue, ordering: .relaxed) }
    }

    /// Waits out a plan's delay and hang, in short sleeps so that stopping or clearing the behaviour ends it.
    func wait(_ plan: Plan, agency: String, service: String) async {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(plan.delayMilliseconds)
        while clock.now < deadline, !isStopping {
            try? await Task.sleep(for: min(.milliseconds(20), deadline - clock.now))
        }
        while plan.mayHang, isHanging(agency: agency, service: service) {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private static func scope(in rules: [Scope: SandboxBehaviour], agency: String, service: String) -> Scope? {
        let own = Scope(agency: agency, service: service)
        if rules[own] != nil { return own }
        let agencyWide = Scope(agency: agency, service: nil)
        return rules[agencyWide] != nil ? agencyWide : nil
    }
}

import NIOConcurrencyHelpers

/// Counts open connections, in all and per account, and remembers how to wind each one down
/// for a graceful stop. Connections live on several event loops, hence the lock.
final class ConnectionRegistry: Sendable {
    /// Why a connection was not admitted.
    enum Refusal: Equatable {
        case tooManyConnections(limit: Int)
        case tooManyForAccount(limit: Int)
        case stopping
    }

    private struct State {
        var nextID = 0
        var perAccount: [String: Int] = [:]
        var open: [Int: (login: String, quiesce: @Sendable () -> Void)] = [:]
        var stopping = false
        var drained: [@Sendable () -> Void] = []
    }

    private let limits: BrokerLimits
    private let state = NIOLockedValueBox(State())

    init(limits: BrokerLimits) { self.limits = limits }

    /// Admits one connection of `login`, or says why not. `quiesce` is called (from any
    /// thread) when the server stops; the connection must close once it has finished.
    func admit(login: String, quiesce: @escaping @Sendable () -> Void) -> Result<Int, RefusalError> {
        state.withLockedValue { state in
            if state.stopping { return .failure(RefusalError(refusal: .stopping)) }
            if state.open.count >= limits.maximumConnections {
                return .failure(RefusalError(refusal: .tooManyConnections(limit: limits.maximumConnections)))
            }
            if state.perAccount[login, default: 0] >= limits.maximumConnectionsPerAccount {
                return .failure(RefusalError(refusal: .tooManyForAccount(limit: limits.maximumConnectionsPerAccount)))
            }
            state.nextID += 1
            state.open[state.nextID] = (login, quiesce)
            state.perAccount[login, default: 0] += 1
            return .success(state.nextID)
        }
    }

    func release(_ id: Int) {
        let waiting: [@Sendable () -> Void] = state.withLockedValue { state in
            guard let entry = state.open.removeValue(forKey: id) else { return [] }
            let left = state.perAccount[entry.login, default: 1] - 1
            state.perAccount[entry.login] = left > 0 ? left : nil
            guard state.open.isEmpty, state.stopping else { return [] }
            defer { state.drained = [] }
            return state.drained
        }
        waiting.forEach { $0() }
    }

    var count: Int { state.withLockedValue { $0.open.count } }

    /// Refuses new connections from now on and asks every open one to wind down; `drained`
    /// runs once none is left (at once when none is open).
    func stop(drained: @escaping @Sendable () -> Void) {
        let (quiesce, empty): ([@Sendable () -> Void], Bool) = state.withLockedValue { state in
            state.stopping = true
            if !state.open.isEmpty { state.drained.append(drained) }
            return (state.open.values.map(\.quiesce), state.open.isEmpty)
        }
        quiesce.forEach { $0() }
        if empty { drained() }
    }

    struct RefusalError: Error { let refusal: Refusal }
}

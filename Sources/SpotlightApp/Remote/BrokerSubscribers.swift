import Foundation
import Synchronization

/// The `events()` streams of a broker. Each is bounded to one waiting event: a subscriber that
/// falls behind gets the newest, with `.changed` events merged (two origins become "unknown",
/// so nobody skips a change that was not their own).
final class BrokerSubscribers: Sendable {
    private struct State {
        var streams: [(id: Int, output: AsyncStream<BrokerEvent>.Continuation)] = []
        var nextID = 0
        var isClosed = false
    }

    private let state = Mutex(State())

    /// `first`: what a new subscriber hears before anything else (the board is unavailable right
    /// now), asked under the lock `broadcast` takes, so it is never missed nor heard after a
    /// later event.
    func subscribe(first: () -> BrokerEvent? = { nil }) -> AsyncStream<BrokerEvent> {
        let (stream, output) = AsyncStream.makeStream(of: BrokerEvent.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = state.withLock { state in
            guard !state.isClosed else { return nil }
            defer { state.nextID += 1 }
            if let event = first() { output.yield(event) }
            state.streams.append((state.nextID, output))
            return state.nextID
        }
        guard let id else {
            output.finish()
            return stream
        }
        output.onTermination = { [weak self] _ in
            self?.state.withLock { $0.streams.removeAll { $0.id == id } }
        }
        return stream
    }

    /// Yields to every stream; under the lock, so two events reach every stream in one order.
    func broadcast(_ event: BrokerEvent) {
        state.withLock { state in
            for stream in state.streams {
                if case .dropped(let older) = stream.output.yield(event) {
                    let merged = Self.merge(older, event)
                    if merged != event { stream.output.yield(merged) }
                }
            }
        }
    }

    /// What one waiting slot says after `newer` arrived while `older` was still unread.
    static func merge(_ older: BrokerEvent, _ newer: BrokerEvent) -> BrokerEvent {
        switch (older, newer) {
        case (.changed(let a), .changed(let b)): return a == b ? newer : .changed(origin: nil)
        case (.unavailable, .changed): return .changed(origin: nil)
        default: return newer
        }
    }

    var count: Int { state.withLock { $0.streams.count } }

    func finishAll() {
        let streams = state.withLock { state in
            state.isClosed = true
            defer { state.streams = [] }
            return state.streams
        }
        for stream in streams { stream.output.finish() }
    }
}

extension BrokerEvent {
    /// What a subscriber that fell behind is told instead of `older` then `newer` (`BrokerSubscribers`).
    public static func merged(_ older: BrokerEvent, _ newer: BrokerEvent) -> BrokerEvent {
        BrokerSubscribers.merge(older, newer)
    }
}

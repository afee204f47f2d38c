import Foundation

/// SIGTERM and SIGINT end `spotlight serve` cleanly (systemd stops it with SIGTERM).
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    private init(sources: [any DispatchSourceSignal]) { self.sources = sources }

    static func install(_ stop: @escaping @Sendable () -> Void) -> StopSignals {
        let sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
        return StopSignals(sources: sources)
    }
}

import Foundation
import SpotlightApp

/// Key-to-frame timings for `Benchmarks/board_bench.py`. Only when SPOTLIGHT_BOARD_TIMINGS names
/// a file does anything happen: each drawn frame appends "<kind> <milliseconds>" — the time
/// from reading the first input of a batch to the frame reaching the terminal. It reads and
/// writes nothing else and changes no behaviour (and never who you are, DESIGN §9).
@LoopActor
final class FrameTimer {
    private let handle: FileHandle?
    private let clock = ContinuousClock()
    private var started: ContinuousClock.Instant?
    private var kind = ""

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["SPOTLIGHT_BOARD_TIMINGS"], !path.isEmpty else {
            handle = nil
            return
        }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
    }

    /// Input just arrived (or results for it did): the next frame is timed from here.
    func begin(_ kind: String, at instant: ContinuousClock.Instant? = nil) {
        guard handle != nil else { return }
        started = instant ?? clock.now
        self.kind = kind
    }

    var now: ContinuousClock.Instant { clock.now }

    /// Records how long one piece of work took ("query 3.2"), for the benchmark's breakdown.
    func note(_ kind: String, since start: ContinuousClock.Instant) {
        guard let handle else { return }
        handle.write(Data("\(kind) \(String(format: "%.3f", Self.milliseconds(clock.now - start)))\n".utf8))
    }

    private static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// A wake-up without input has no key to time — but keeps a frame the wake-up itself started
    /// (a debounced search that ran on the tick is timed from its last key).
    func cancelKey() {
        if kind == "key" { started = nil }
    }

    /// A frame is on the terminal.
    func frameDrawn() {
        guard let handle, let started else { return }
        handle.write(Data("\(kind) \(String(format: "%.3f", Self.milliseconds(clock.now - started)))\n".utf8))
        self.started = nil
    }
}

extension FrameTimer: LoopTiming {}

import Foundation
import SpotlightCore
import SpotlightUI

/// A whole program run in process, without a terminal: the test sends inputs, moves its clock,
/// lets the board's `changes()` in, and looks at the frame the terminal would be given. The
/// same `LoopDriver` as the terminal loop, so what passes here is what the terminal runs.
@LoopActor
public final class HeadlessLoop<Program: LoopProgram> {
    public let driver: LoopDriver<Program>
    public let clock: Clock
    public private(set) var width: Int
    public private(set) var height: Int
    /// The exit status once the program ended.
    public private(set) var ended: Int32?
    /// The last frame drawn (after each `send`, when the program asked for one).
    public private(set) var frame: LoopFrame?
    /// What the board's stream said and the loop has not taken yet.
    private let pending = ChangeQueue()
    private var listener: Task<Void, Never>?

    public var program: Program { driver.program }

    /// `changes`: the board's stream the program listens to (nil: none).
    public init(_ program: Program, clock: Clock, width: Int = 100, height: Int = 30, changes: AsyncStream<BoardChange>? = nil) {
        driver = LoopDriver(program)
        self.clock = clock
        self.width = width
        self.height = height
        if let changes {
            listener = Task { [pending] in
                for await change in changes { pending.append(change) }
            }
        }
    }

    /// The terminal's size and the clock's first reading, then `first` (the board's `.started`).
    public func start(_ first: [Program.Message] = []) async {
        await send([.resize(width: width, height: height), .tick(clock.now)])
        if ended == nil, let code = await driver.process(first) { ended = code }
        drawIfNeeded()
    }

    /// Inputs, each after a tick at the clock's now (as the terminal loop reads the clock on
    /// every wake-up), then a frame if one is due.
    public func send(_ inputs: [LoopInput]) async {
        guard ended == nil else { return }
        for input in inputs {
            if case .resize(let w, let h) = input { (width, height) = (w, h) }
            if let code = await driver.send(input) {
                ended = code
                return
            }
        }
        drawIfNeeded()
    }

    public func key(_ key: Key) async { await send([.tick(clock.now), .key(key)]) }

    public func type(_ text: String) async {
        for c in text { await key(.char(c)) }
    }

    /// The clock's reading, as the terminal loop sends when a wake-up is due.
    public func tick() async { await send([.tick(clock.now)]) }

    /// Waits for the board's next change and hands it in (with a tick first); nil when nothing
    /// arrived in `seconds` (the test then fails rather than hangs; nothing is timed).
    @discardableResult
    public func nextChange(seconds: Double = 10) async -> BoardChange? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            let change = pending.takeFirst()
            if let change {
                await send([.tick(clock.now), .board(change)])
                return change
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// Stops listening to the board.
    public func stop() { listener?.cancel() }

    /// The frame's text, one string per row (for assertions).
    public var text: String { frame?.grid.plainText(trimTrailing: true) ?? "" }

    private func drawIfNeeded() {
        guard driver.program.needsDraw else { return }
        driver.program.needsDraw = false
        _ = driver.takeRepaint()
        frame = driver.program.view(width: width, height: height)
        driver.program.drawn()
    }
}

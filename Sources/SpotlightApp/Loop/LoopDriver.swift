import Foundation

/// Carries inputs to a `LoopProgram`: input → messages → `handle` → effects; the loop's own
/// effects are noted, the others run through the program's effect runner and their answers go
/// back through `handle` (and the effects those ask for run too). Shared by the terminal loop
/// and the headless driver, so tests run the very path the terminal does.
@LoopActor
public final class LoopDriver<Program: LoopProgram> {
    public let program: Program
    /// A Ctrl-L asked for since the loop last looked.
    public private(set) var repaintRequested = false

    public init(_ program: Program) {
        self.program = program
    }

    /// Inputs in order; an exit status when the program must end.
    public func send(_ inputs: [LoopInput]) async -> Int32? {
        for input in inputs {
            if let code = await process(program.messages(for: input)) { return code }
        }
        return nil
    }

    public func send(_ input: LoopInput) async -> Int32? { await send([input]) }

    /// Messages in order, with the effects each asks for.
    public func process(_ messages: [Program.Message]) async -> Int32? {
        for message in messages {
            if let code = await perform(program.handle(message)) { return code }
        }
        return nil
    }

    /// True once per Ctrl-L.
    public func takeRepaint() -> Bool {
        defer { repaintRequested = false }
        return repaintRequested
    }

    private func perform(_ effects: [Program.Effect]) async -> Int32? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch program.action(for: effect) {
            case .redraw:
                program.needsDraw = true
            case .repaint:
                repaintRequested = true
                program.needsDraw = true
            case .quit:
                return program.exitRequested ?? 0
            case nil:
                let answers = await program.run(effect)
                if let code = program.exitRequested { return code }
                for answer in answers { queue.append(contentsOf: program.handle(answer)) }
            }
        }
        return nil
    }
}

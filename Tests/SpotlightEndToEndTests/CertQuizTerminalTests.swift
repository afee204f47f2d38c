import Foundation
import SpotlightTestSupport
import Testing

/// `spotlight cert quiz` in a real terminal (tmux) with the real binary (issue 16): a manager
/// adds the example program, the quiz is passed by keys and `cert list` shows level 1; a
/// hang-up halfway records nothing.
/// A real second account (`setpriv`) and the wall's celebration card: `CertCelebrationTests`.
@Suite(.serialized) struct CertQuizTerminalTests {
    typealias P = SpotlightProcess

    /// The quiz's key as a manager sees it (`cert program show --answers`): for each question's
    /// text, the text of its right answer. The test, like a manager, may know it; the quiz
    /// screen shows the answers shuffled, so the test finds the right one by its text.
    static func answerKey(_ board: String) throws -> [(question: String, answer: String)] {
        let shown = try P.run(["cert", "program", "show", "Service Standards", "--answers"], board: board)
        try #require(shown.status == 0, "\(shown.stderr)")
        var key: [(String, String)] = []
        var question: String?
        for line in shown.stdout.split(separator: "\n").map(String.init) {
            if let match = line.firstMatch(of: /^\d+\. (.*)$/) { question = String(match.1) }
            if let match = line.firstMatch(of: /^   \* \d (.*)$/), let q = question { key.append((q, String(match.1))) }
        }
        return key
    }

    /// The number the screen shows before `answer` (its first 24 characters).
    static func number(of answer: String, on screen: Tmux.Screen) -> String? {
        let start = String(answer.prefix(24))
        guard let line = screen.lines.first(where: { $0.contains(start) }),
              let range = line.range(of: start) else { return nil }
        return line[..<range.lowerBound].last(where: \.isNumber).map(String.init)
    }

    static func newBoard(_ name: String) throws -> (dir: String, board: String) {
        let dir = P.scratch(name)
        let board = dir + "/board.sqlite"
        let created = try P.run(["init", "--name", "Quiz board"], board: board)
        try #require(created.status == 0, "\(created.stderr)")
        let added = try P.run(["cert", "program", "add", CertCLITests.example], board: board)
        try #require(added.status == 0, "\(added.stderr)")
        return (dir, board)
    }

    static func quiz(_ board: String) throws -> Tmux {
        let command = [P.binary, "cert", "quiz", "Service Standards", "--board", board].map(Shell.quote).joined(separator: " ")
        let tmux = try Tmux(command: command + "; echo EXIT=$?; read line", width: 80, height: 24)
        try tmux.waitFor("the first question") { $0.contains("1 of 9 questions") && $0.contains("Enter answer") }
        return tmux
    }

    @Test func theExampleQuizPassedByKeysIsListed() throws {
        let (_, board) = try Self.newBoard("certquiz")
        let key = try Self.answerKey(board)
        try #require(key.count == 9, "the key read: \(key)")
        let tmux = try Self.quiz(board)
        defer { tmux.kill() }
        try Self.answerAll(tmux, key: key, right: true)
        try tmux.waitFor("the result") { $0.contains("Passed") }
        #expect(try P.sqlite(board, "SELECT level, source, note FROM certifications") == "1|quiz|9 of 9 correct (7 needed to pass)")
        try tmux.send("Enter")
        #expect(try tmux.waitForExitStatus() == 0)
        let after = try tmux.capture()
        #expect(after.lines.joined().contains("Passed: 9 of 9 correct (7 needed to pass). Level 1 of Service Standards is recorded"), "\(after)")
        let list = try P.run(["cert", "list"], board: board)
        #expect(list.stdout.hasPrefix("root  Service Standards, level 1 · passed the quiz on "), "\(list.stdout)")
        #expect(try P.sqlite(board, "SELECT action FROM audit ORDER BY id DESC LIMIT 1") == "cert-pass")
        let again = try P.run(["cert", "quiz", "Service Standards"], board: board)
        #expect(again.status == 2, "the quiz needs a terminal: \(again.stderr)")
    }

    /// Answers the nine questions by keys: each the right answer, or (right: false) another one.
    static func answerAll(_ tmux: Tmux, key: [(question: String, answer: String)], right: Bool) throws {
        for position in 1...9 {
            let screen = try tmux.waitFor("question \(position)") { $0.contains("\(position) of 9 questions") && $0.contains("Enter answer") }
            let asked = try #require(key.first { screen.contains(String($0.question.prefix(24))) }, "no known question on:\n\(screen)")
            let number = try #require(Self.number(of: asked.answer, on: screen), "the right answer is not on:\n\(screen)")
            try tmux.send(right ? number : (number == "1" ? "2" : "1"), "Enter")
            try tmux.waitFor("the verdict on question \(position)") { $0.contains(right ? "Correct" : "Not quite") }
            try tmux.send("Enter")
        }
    }

    @Test func aFailedAttemptRecordsNothingAndSaysWhatIsLeft() throws {
        let (_, board) = try Self.newBoard("certfail")
        let key = try Self.answerKey(board)
        try #require(key.count == 9, "the key read: \(key)")
        let tmux = try Self.quiz(board)
        defer { tmux.kill() }
        try Self.answerAll(tmux, key: key, right: false)
        let result = try tmux.waitFor("the result") { $0.contains("Not passed") }
        #expect(result.contains("2 attempts left today."), "\(result)")
        try tmux.send("Enter")
        #expect(try tmux.waitForExitStatus() == 0)
        #expect(try P.sqlite(board, "SELECT count(*), sum(passed), sum(score) FROM quiz_attempts") == "1|0|0")
        #expect(try P.run(["cert", "list"], board: board).stdout == "No certifications yet.\n")
    }

    @Test func aHangUpHalfwayRecordsNothing() throws {
        let (_, board) = try Self.newBoard("certhangup")
        let tmux = try Self.quiz(board)
        try tmux.send("1", "Enter")
        try tmux.waitFor("the verdict on question 1") { $0.contains("Correct") || $0.contains("Not quite") }
        let quiz = try #require(try tmux.commandPID(), "the quiz process")
        tmux.kill()   // the terminal goes away: SIGHUP
        let deadline = ContinuousClock.now + .seconds(5)
        while Tmux.isAlive(quiz) && ContinuousClock.now < deadline { usleep(50_000) }
        #expect(!Tmux.isAlive(quiz))
        #expect(try P.sqlite(board, "SELECT count(*), count(finished_at) FROM quiz_attempts") == "1|0")
        #expect(try P.sqlite(board, "SELECT count(*) FROM certifications") == "0")
        #expect(try P.sqlite(board, "SELECT count(*) FROM audit WHERE action = 'cert-pass'") == "0")
    }
}

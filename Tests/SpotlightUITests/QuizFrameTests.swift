import SpotlightCore
import Testing
@testable import SpotlightUI

@Suite struct QuizFrameTests {
    typealias F = QuizFixtures
    static let sizes = [(80, 24), (40, 12)]

    func check(_ state: QuizState, _ name: String, _ size: (Int, Int), isUTF8: Bool = true) -> Grid {
        let (w, h) = size
        let grid = QuizScreen.render(state, isUTF8: isUTF8, width: w, height: h)
        expectGolden(grid, "quiz-\(name)-\(w)x\(h)")
        #expect(frameProblems(grid, width: w, height: h) == [])
        return grid
    }

    @Test(arguments: sizes) func aQuestion(_ size: (Int, Int)) {
        var state = F.state()
        _ = state.handle(.down)
        let text = check(state, "question", size).plainText()
        #expect(text.contains("Level 1 quiz"))
        #expect(text.contains("1 of 5") || text.contains("1/5"))
    }

    /// The six-answer question, answered wrongly: the verdict, ✓ and ✗, and the explanation.
    @Test(arguments: sizes) func anAnsweredQuestionWithItsExplanation(_ size: (Int, Int)) throws {
        var state = F.state(), grader = F.attempt()
        let six = try #require(grader.questionOrder.firstIndex(of: 2))
        F.answer(&state, grader: &grader, count: six)
        F.press(.enter, &state, grader: &grader)
        #expect(state.current.answers.count == 6)
        let wrong = (grader.correctChoice(at: six) + 2) % 6
        F.press(.char(Character("\(wrong + 1)")), &state, grader: &grader)
        F.press(.enter, &state, grader: &grader)
        let grid = check(state, "answered", size)
        #expect(grid.plainText().contains("Not quite"))
        #expect(grid.cells.contains { $0.role == .error } && grid.cells.contains { $0.role == .body })
    }

    @Test(arguments: sizes) func thePassResult(_ size: (Int, Int)) {
        var state = F.state(), grader = F.attempt()
        F.answer(&state, grader: &grader, wrong: [3])
        F.press(.enter, &state, grader: &grader)
        let text = check(state, "pass", size).plainText()
        #expect(text.contains("Passed"))
    }

    @Test(arguments: sizes) func theFailResult(_ size: (Int, Int)) {
        var state = F.state(attemptsLeft: 1), grader = F.attempt()
        F.answer(&state, grader: &grader, wrong: [0, 2, 4])
        F.press(.enter, &state, grader: &grader)
        let text = check(state, "fail", size).plainText()
        #expect(text.contains("Not passed"))
    }

    /// A question and answers written to attack terminals draw as harmless text at every size,
    /// on UTF-8 and ASCII terminals alike.
    @Test func hostileTextRendersHarmlessly() throws {
        let quiz = Quiz(questions: [
            QuizQuestion(text: F.hostile, answers: [F.hostile, "\u{202E}b\u{1B}[31m"], correct: 0, explanation: F.hostile),
        ], passingScore: 1)
        var grader = QuizAttempt(quiz: quiz, seed: 1)
        var state = QuizState(programName: F.hostile, levelTitle: F.hostile, prompts: grader.prompts, passingScore: 1)
        for phase in 0..<3 {
            for (w, h) in [(80, 24), (40, 12), (120, 40), (20, 6), (1, 1), (0, 0)] {
                for utf8 in [true, false] {
                    let grid = QuizScreen.render(state, isUTF8: utf8, width: w, height: h)
                    #expect(frameProblems(grid, width: w, height: h) == [], "phase \(phase) at \(w)x\(h)")
                    if !utf8 { #expect(grid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) }) }
                }
            }
            F.press(.enter, &state, grader: &grader)
        }
        #expect(state.phase == .result)
    }

    /// No valid program gets here, but a screen must never crash on what it is handed.
    @Test func anEmptyQuizNeitherCrashesNorAnswers() {
        var state = QuizState(programName: "x", levelTitle: "y", prompts: [], passingScore: 1)
        for key: Key in [.char("1"), .down, .up, .end, .enter] { #expect(state.handle(key).isEmpty) }
        var odd = QuizState(programName: "x", levelTitle: "y", prompts: [QuizPrompt(text: "q", answers: [])], passingScore: 1)
        #expect(odd.handle(.enter).isEmpty)
        for (w, h) in [(80, 24), (40, 12)] {
            #expect(frameProblems(QuizScreen.render(state, isUTF8: true, width: w, height: h), width: w, height: h) == [])
            #expect(frameProblems(QuizScreen.render(odd, isUTF8: true, width: w, height: h), width: w, height: h) == [])
        }
    }

    @Test func aTinyTerminalAsksForMoreRoom() {
        let text = QuizScreen.render(F.state(), isUTF8: true, width: 24, height: 8).plainText()
        #expect(text.contains("Enlarge") || text.contains("30×10"))
    }

    @Test func anASCIITerminalGetsASCII() {
        var state = F.state(), grader = F.attempt()
        F.answer(&state, grader: &grader, count: 1, wrong: [0])
        let grid = QuizScreen.render(state, isUTF8: false, width: 80, height: 24)
        #expect(grid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(grid.plainText().contains("x Not quite"))
    }
}

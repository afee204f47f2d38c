import Foundation
import SpotlightApp
import SpotlightCore
import Testing

/// The repository's example program, found from this file.
private let exampleFile = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Certification/service-standards.toml").path

/// A valid program to break one piece at a time; `questions` are appended as written.
private func program(passing: Int = 2, levels: String = defaultLevels, questions: String = defaultQuestions) -> String {
    """
    name = "Standards"

    \(levels)
    [quiz]
    passing-score = \(passing)

    \(questions)
    """
}

private let defaultLevels = """
    [[levels]]
    title = "Standards"
    requires = "Pass the quiz"

    [[levels]]
    title = "Cases"
    requires = "Three cases"

    """

private let defaultQuestions = """
    [[quiz.questions]]
    text = "Who comes first?"
    answers = ["The caller", "The email"]
    correct = 1

    [[quiz.questions]]
    text = "First reply to an email?"
    answers = ["One business day", "One week", "Never"]
    correct = 1
    explanation = "Our standard."
    """

private func refusal(_ source: String, file: String = "p.toml") -> CertProgramFileError? {
    do {
        _ = try CertProgram(parsing: source, file: file)
        return nil
    } catch {
        return error
    }
}

@Suite struct CertificationProgramFileTests {
    @Test func theExampleProgramReads() throws {
        let program = try CertProgram(contentsOfFile: exampleFile)
        #expect(program.name == "Service Standards")
        #expect(program.levels.map(\.number) == [1, 2, 3])
        #expect((8...10).contains(program.quiz.questions.count))
        #expect(program.quiz.passingScore == 7)
        #expect(throws: Never.self) { try CertLimits.check(program) }
    }

    @Test func aValidProgramKeepsEverything() throws {
        let p = try CertProgram(parsing: program(), file: "p.toml")
        #expect(p.levels == [CertLevel(number: 1, title: "Standards", requires: "Pass the quiz"),
                             CertLevel(number: 2, title: "Cases", requires: "Three cases")])
        #expect(p.quiz.questions[1] == QuizQuestion(text: "First reply to an email?", answers: ["One business day", "One week", "Never"],
                                                    correct: 0, explanation: "Our standard."))
    }

    @Test func noQuestions() {
        let error = refusal(program(questions: ""))
        #expect(error?.description == "p.toml:11: quiz.questions is missing: the program has no questions (add [[quiz.questions]] with text, answers and correct)")
        #expect(error?.line == 11)   // the [quiz] table, where the questions belong
    }

    @Test func answerCountsOutside2To6() {
        let one = refusal(program(questions: defaultQuestions.replacingOccurrences(of: #"["The caller", "The email"]"#, with: #"["The caller"]"#)))
        #expect(one?.description == "p.toml:16: quiz.questions[1].answers has 1 answer; a question has 2 to 6")
        let seven = #"["a", "b", "c", "d", "e", "f", "g"]"#
        let many = refusal(program(questions: defaultQuestions.replacingOccurrences(of: #"["One business day", "One week", "Never"]"#, with: seven)))
        #expect(many?.description == "p.toml:21: quiz.questions[2].answers has 7 answers; a question has 2 to 6")
    }

    @Test func duplicateAnswersAsNamesCompare() {
        let twins = #"["The caller", " the  CALLER\u200B"]"#
        let error = refusal(program(questions: defaultQuestions.replacingOccurrences(of: #"["The caller", "The email"]"#, with: twins)))
        #expect(error?.line == 16)
        #expect(error?.key == "quiz.questions[1].answers")
        #expect(error?.problem.hasPrefix("answers 1 and 2 are the same answer") == true)
    }

    @Test func noCorrectAnswerOrTwo() {
        let none = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "correct = 1\n\n", with: "\n")))
        #expect(none?.line == 14 && none?.key == "quiz.questions[1].correct")
        #expect(none?.problem.hasPrefix("is missing: no answer is marked correct") == true)
        let two = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "correct = 1\n\n", with: "correct = [1, 2]\n\n")))
        #expect(two?.description == "p.toml:17: quiz.questions[1].correct lists 2 answers; exactly one answer is correct (correct = N)")
        let outside = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "correct = 1\n\n", with: "correct = 3\n\n")))
        #expect(outside?.description == "p.toml:17: quiz.questions[1].correct must be 1 to 2 (the number of answers), got 3")
    }

    @Test func aPassingScoreAboveTheQuestions() {
        let error = refusal(program(passing: 3))
        #expect(error?.description == "p.toml:12: quiz.passing-score must be 1 to 2 (the number of questions), got 3")
        #expect(refusal(program(passing: 0))?.line == 12)
    }

    @Test func tenThousandQuestionsAreRefusedBeforeTheyAreRead() {
        let one = "[[quiz.questions]]\ntext = \"q\"\nanswers = [\"a\", \"b\"]\ncorrect = 1\n"
        let source = program(questions: String(repeating: one, count: 10_000))
        let error = refusal(source)
        #expect(error?.kind == .tooLarge)
        #expect(error?.problem == "has 10000 questions; a quiz has at most \(CertLimits.maxQuestions)")
        // The line of the first question over the limit (the header of question 201).
        #expect(error?.line == 14 + 4 * CertLimits.maxQuestions)
        // Exactly the limit is fine.
        #expect(refusal(program(questions: String(repeating: one, count: CertLimits.maxQuestions))) == nil)
    }

    @Test func unknownKeysAndWrongTypes() {
        let typo = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "explanation =", with: "explenation =")))
        #expect(typo?.kind == .unknownKey && typo?.key == "quiz.questions[2].explenation" && typo?.line == 23)
        let number = refusal(program().replacingOccurrences(of: #"name = "Standards""#, with: "name = 7"))
        #expect(number?.description == "p.toml:1: name must be a string, got integer 7")
        let levels = refusal(program(levels: ""))
        #expect(levels?.key == "levels" && levels?.problem.contains("no levels") == true)
    }

    @Test func syntaxErrorsKeepTheirLine() {
        let error = refusal(program() + "\n[[quiz.questions]\n")
        #expect(error?.kind == .syntax)
        #expect(error?.line == 24)
    }

    /// Escapes, direction overrides, long words: kept byte for byte within each field's limit
    /// (the sanitizer disarms them when drawn); over the limit, refused with the field's line.
    @Test func hostileTextIsKeptExactlyButBounded() throws {
        let hostile = "\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\u{202E}Pwned\u{202C} \u{9B}31m e\u{0301}\u{0301}"
        let escaped = hostile.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : String(format: "\\u%04X", $0.value) }.joined()
        let source = program(questions: defaultQuestions.replacingOccurrences(of: "Who comes first?", with: escaped))
        let p = try CertProgram(parsing: source, file: "p.toml")
        #expect(Array(p.quiz.questions[0].text.utf8) == Array(hostile.utf8))

        let word = String(repeating: "W", count: 4000)
        let long = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "Who comes first?", with: word)))
        #expect(long?.description == "p.toml:15: quiz.questions[1].text is 4000 bytes; the limit is \(CertLimits.maxQuestionBytes)")
        let longAnswer = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "The email", with: word)))
        #expect(longAnswer?.problem == "answer 2 is 4000 bytes; the limit is \(CertLimits.maxAnswerBytes)")
        let invisible = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "Who comes first?", with: "\\u200B\\u202E ")))
        #expect(invisible?.description == "p.toml:15: quiz.questions[1].text is empty")
        let nul = refusal(program(questions: defaultQuestions.replacingOccurrences(of: "Who comes first?", with: "a\\u0000b")))
        #expect(nul?.line == 15 && nul?.problem.contains("NUL") == true)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        try withTemporaryFile { path in
            var bytes = Array(program().utf8)
            let at = try #require(bytes.firstIndex(of: UInt8(ascii: "W")))   // "Who comes first?", line 15
            bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: CertProgramFileError(.syntax, file: path, line: 15, problem: "is not UTF-8 text (an invalid byte on this line)")) {
                try CertProgram(contentsOfFile: path)
            }
        }
    }

    @Test func aMissingFileAndAFIFO() throws {
        #expect(throws: CertProgramFileError(.missing, file: "/nonexistent/p.toml", problem: "does not exist")) {
            try CertProgram(contentsOfFile: "/nonexistent/p.toml")
        }
        #expect(CertProgramFileError(.missing, file: "x", problem: "does not exist").spotlightError.kind == .notFound)
        try withTemporaryFile { path in
            #expect(mkfifo(path, 0o600) == 0)
            // Refused at once, not waited on: RegularFile opens it O_NONBLOCK and checks its kind.
            #expect(throws: CertProgramFileError(.unreadable, file: path, problem: "it is a FIFO (named pipe), not a regular file")) {
                try CertProgram(contentsOfFile: path)
            }
        }
    }
}

/// A path in a fresh directory, removed afterwards; the file itself is the test's to make.
private func withTemporaryFile(_ body: (String) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spotlight-cert-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try body(dir + "/program.toml")
}

import SpotlightCore
import TOMLKit

extension CertProgram {
    /// Reads a program from TOML text; `file` names it in errors. All or nothing: the first
    /// problem ends the reading with its file:line, and nothing of the file is kept.
    public init(parsing source: String, file: String) throws(CertProgramFileError) {
        self = try CertProgramParser(source: source, file: file).parse()
    }
}

/// One program file into a `CertProgram`, strictly, in the theme parser's manner: every key
/// known, every value checked, each complaint with file, line and key. Text is kept exactly as
/// written (escape sequences and bidi controls included: the sanitizer disarms them wherever
/// they are drawn, and the letter escapes them); only its length is limited, per field.
struct CertProgramParser {
    let source: String
    let file: String
    let map: TOMLKeyLocator

    init(source: String, file: String) {
        self.source = source
        self.file = file
        map = TOMLKeyLocator(source: source)
    }

    func parse() throws(CertProgramFileError) -> CertProgram {
        try preflight()
        let root = try document()
        try known(root, ["name", "description", "levels", "quiz"], at: [])
        let name = try text(root["name"], at: ["name"], limit: CertLimits.maxNameBytes)
        let description = try root["description"].map { value throws(CertProgramFileError) in
            try text(value, at: ["description"], limit: CertLimits.maxDescriptionBytes, required: false)
        } ?? ""
        let levels = try self.levels(root["levels"])
        let quiz = try self.quiz(root["quiz"])
        let program = CertProgram(name: name, description: description, levels: levels, quiz: quiz)
        // The parser has said everything already; this holds the core's rules should they grow.
        do { try CertLimits.check(program) } catch {
            throw CertProgramFileError(.invalidValue, file: file, problem: error.message)
        }
        return program
    }

    /// Before TOMLKit: the question count from the headers, so 10,000 questions are refused after
    /// one pass over the text; and NULs, which TOMLKit would cut a string at.
    private func preflight() throws(CertProgramFileError) {
        let headers = map.entries["quiz.questions"] ?? []
        if headers.count > CertLimits.maxQuestions {
            throw CertProgramFileError(.tooLarge, file: file, line: headers[CertLimits.maxQuestions], key: "quiz.questions",
                                       problem: "has \(headers.count) questions; a quiz has at most \(CertLimits.maxQuestions)")
        }
        for (index, line) in source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        where line.contains("\0") || line.contains("\\u0000") || line.contains("\\U00000000") {
            throw CertProgramFileError(.invalidValue, file: file, line: index + 1, problem: "contains a NUL character, which no field may hold")
        }
    }

    private func document() throws(CertProgramFileError) -> TOMLTable {
        do {
            return try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw CertProgramFileError(.syntax, file: file, line: error.source.begin.line, problem: "TOML syntax error: \(error.description)")
        } catch {
            throw CertProgramFileError(.syntax, file: file, problem: "TOML syntax error: \(error)")
        }
    }

    private func levels(_ value: TOMLValueConvertible?) throws(CertProgramFileError) -> [CertLevel] {
        let entries = try tables(value, at: ["levels"], what: "levels", example: "[[levels]] with a title and requires")
        guard entries.count <= CertLimits.maxLevels else {
            throw failure(.tooLarge, ["levels", String(CertLimits.maxLevels + 1)], "a program has at most \(CertLimits.maxLevels) levels")
        }
        var levels: [CertLevel] = []
        for (i, entry) in entries.enumerated() {
            let path = ["levels", String(i + 1)]
            try known(entry, ["title", "requires"], at: path)
            levels.append(CertLevel(
                number: i + 1,
                title: try text(entry["title"], at: path + ["title"], limit: CertLimits.maxTitleBytes),
                requires: try text(entry["requires"], at: path + ["requires"], limit: CertLimits.maxRequiresBytes)
            ))
        }
        return levels
    }

    private func quiz(_ value: TOMLValueConvertible?) throws(CertProgramFileError) -> Quiz {
        guard let value else { throw failure(.invalidValue, ["quiz"], "is missing: level 1 is earned by a quiz ([quiz] with passing-score and [[quiz.questions]])") }
        guard value.type == .table, let quiz = value.table else { throw failure(.wrongType, ["quiz"], "must be a table, got \(describe(value))") }
        try known(quiz, ["passing-score", "questions"], at: ["quiz"])
        let entries = try tables(quiz["questions"], at: ["quiz", "questions"], what: "questions", example: "[[quiz.questions]] with text, answers and correct")
        guard entries.count <= CertLimits.maxQuestions else {
            throw failure(.tooLarge, ["quiz", "questions"], "has \(entries.count) questions; a quiz has at most \(CertLimits.maxQuestions)")
        }
        var questions: [QuizQuestion] = []
        for (i, entry) in entries.enumerated() {
            questions.append(try question(entry, at: ["quiz", "questions", String(i + 1)]))
        }
        let scorePath = ["quiz", "passing-score"]
        guard let raw = quiz["passing-score"] else { throw failure(.invalidValue, scorePath, "is missing: how many correct answers pass") }
        guard raw.type == .int, let score = raw.int else { throw failure(.wrongType, scorePath, "must be a whole number, got \(describe(raw))") }
        guard (1...questions.count).contains(score) else {
            throw failure(.invalidValue, scorePath, "must be 1 to \(questions.count) (the number of questions), got \(score)")
        }
        return Quiz(questions: questions, passingScore: score)
    }

    private func question(_ entry: TOMLTable, at path: [String]) throws(CertProgramFileError) -> QuizQuestion {
        try known(entry, ["text", "answers", "correct", "explanation"], at: path)
        let text = try self.text(entry["text"], at: path + ["text"], limit: CertLimits.maxQuestionBytes)
        let answersPath = path + ["answers"]
        guard let list = entry["answers"] else { throw failure(.invalidValue, answersPath, "is missing: a list of \(CertLimits.answers.lowerBound) to \(CertLimits.answers.upperBound) answers") }
        guard list.type == .array, let array = list.array else { throw failure(.wrongType, answersPath, "must be a list of strings, got \(describe(list))") }
        guard CertLimits.answers.contains(array.count) else {
            throw failure(.invalidValue, answersPath, "has \(Plural.count(array.count, "answer")); a question has \(CertLimits.answers.lowerBound) to \(CertLimits.answers.upperBound)")
        }
        var answers: [String] = []
        for (j, item) in array.enumerated() {
            guard item.type == .string, let answer = item.string else {
                throw failure(.wrongType, answersPath, "answer \(j + 1) must be a string, got \(describe(item))")
            }
            if let problem = CertLimits.answerProblem(answer, number: j + 1) { throw failure(.invalidValue, answersPath, problem) }
            answers.append(answer)
        }
        if let (first, second) = CertLimits.duplicateAnswers(answers) {
            throw failure(.invalidValue, answersPath, "answers \(first + 1) and \(second + 1) are the same answer (compared ignoring case, spacing and invisible characters)")
        }
        let correct = try self.correct(entry["correct"], at: path + ["correct"], answers: answers.count)
        let explanation = try entry["explanation"].map { value throws(CertProgramFileError) in
            try self.text(value, at: path + ["explanation"], limit: CertLimits.maxExplanationBytes)
        }
        return QuizQuestion(text: text, answers: answers, correct: correct, explanation: explanation)
    }

    /// `correct = 2`: the number of the right answer, counted from 1 as written. A list names
    /// more than one, which a question with one right answer cannot have.
    private func correct(_ value: TOMLValueConvertible?, at path: [String], answers: Int) throws(CertProgramFileError) -> Int {
        guard let value else { throw failure(.invalidValue, path, "is missing: no answer is marked correct (correct = N, N from 1 to \(answers))") }
        if value.type == .array, let list = value.array {
            throw failure(.invalidValue, path, list.isEmpty
                ? "lists no answer; exactly one answer is correct (correct = N)"
                : "lists \(list.count) answers; exactly one answer is correct (correct = N)")
        }
        guard value.type == .int, let number = value.int else { throw failure(.wrongType, path, "must be a whole number, got \(describe(value))") }
        guard (1...answers).contains(number) else { throw failure(.invalidValue, path, "must be 1 to \(answers) (the number of answers), got \(number)") }
        return number - 1
    }

    // MARK: - Checked readers

    /// A string kept byte for byte, at most `limit` UTF-8 bytes; `required` means it shows
    /// something (a title of zero-width spaces is empty).
    private func text(_ value: TOMLValueConvertible?, at path: [String], limit: Int, required: Bool = true) throws(CertProgramFileError) -> String {
        guard let value else { throw failure(.invalidValue, path, "is missing") }
        guard value.type == .string, let string = value.string else { throw failure(.wrongType, path, "must be a string, got \(describe(value))") }
        if required, !NameKey.hasVisibleGrapheme(string) { throw failure(.invalidValue, path, "is empty") }
        guard string.utf8.count <= limit else {
            throw failure(.invalidValue, path, "is \(string.utf8.count) bytes; the limit is \(limit)")
        }
        return string
    }

    private func tables(_ value: TOMLValueConvertible?, at path: [String], what: String, example: String) throws(CertProgramFileError) -> [TOMLTable] {
        guard let value else { throw failure(.invalidValue, path, "is missing: the program has no \(what) (add \(example))") }
        guard value.type == .array, let array = value.array else { throw failure(.wrongType, path, "must be a list of tables (\(example)), got \(describe(value))") }
        guard !array.isEmpty else { throw failure(.invalidValue, path, "is empty: the program has no \(what) (add \(example))") }
        var result: [TOMLTable] = []
        for (i, item) in array.enumerated() {
            guard item.type == .table, let table = item.table else {
                throw failure(.wrongType, path + [String(i + 1)], "must be a table, got \(describe(item))")
            }
            result.append(table)
        }
        return result
    }

    private func known(_ table: TOMLTable, _ allowed: [String], at path: [String]) throws(CertProgramFileError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw failure(.unknownKey, path + [key], "is not a program key here; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    private func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .table, .array: "a \(value.type)"
        case .string: "a string"
        default: "\(value.type) \(value.debugDescription)"
        }
    }

    private func failure(_ kind: CertProgramFileError.Kind, _ path: [String], _ problem: String) -> CertProgramFileError {
        CertProgramFileError(kind, file: file, line: map.line(of: path), key: Self.display(path), problem: problem)
    }

    /// ["quiz", "questions", "3", "text"] → "quiz.questions[3].text".
    static func display(_ path: [String]) -> String {
        var out = ""
        for part in path {
            if !part.isEmpty, part.allSatisfy(\.isASCII), Int(part) != nil {
                out += "[\(part)]"
            } else {
                out += (out.isEmpty ? "" : ".") + part
            }
        }
        return out
    }
}

/// The bounds of a certification program, in one place: the program file's parser reports them
/// with file:line, and `check` holds them for a program that arrives any other way (the store,
/// an import), so nothing downstream meets a program it cannot draw or store.
public enum CertLimits {
    /// A quiz is read at the terminal in one sitting; 200 questions is already a long afternoon.
    /// A file asking for more (10,000) is refused before its questions are read one by one.
    public static let maxQuestions = 200
    public static let answers = 2...6
    public static let maxLevels = 10
    /// UTF-8 bytes per field. Bytes, not characters, so a letter with thousands of combining marks
    /// counts for what it costs to store; a 4000-character word does not fit any of them.
    public static let maxNameBytes = 120
    public static let maxTitleBytes = 120
    public static let maxDescriptionBytes = 1000
    public static let maxRequiresBytes = 500
    public static let maxQuestionBytes = 600
    public static let maxAnswerBytes = 300
    public static let maxExplanationBytes = 1000
    public static let maxNoteBytes = 500
    /// A whole program file; with the limits above, 200 questions fit comfortably.
    public static let maxFileBytes = 512 * 1024

    /// Quiz attempts a person may start in 24 hours when the board says nothing else (phase 2
    /// adds the board setting `quiz-attempts-per-day`, 1...20).
    public static let defaultAttemptsPerDay = 3
    public static let attemptsPerDay = 1...20

    /// Every rule the file format states, for a program built in memory. Messages name the
    /// question (1-based) so a program read back from a damaged board is still explained.
    public static func check(_ program: CertProgram) throws(SpotlightError) {
        func field(_ text: String, _ what: String, _ limit: Int, required: Bool = true) throws(SpotlightError) {
            if required, !NameKey.hasVisibleGrapheme(text) { throw .usage("\(what) is empty") }
            if text.utf8.count > limit { throw .usage("\(what) is \(text.utf8.count) bytes; the limit is \(limit)") }
        }
        try field(program.name, "the program name", maxNameBytes)
        try field(program.description, "the program description", maxDescriptionBytes, required: false)
        guard !program.levels.isEmpty else { throw .usage("the program has no levels") }
        guard program.levels.count <= maxLevels else { throw .usage("the program has \(program.levels.count) levels; the limit is \(maxLevels)") }
        for (i, level) in program.levels.enumerated() {
            guard level.number == i + 1 else { throw .usage("level \(i + 1) is numbered \(level.number); levels count up from 1") }
            try field(level.title, "the title of level \(i + 1)", maxTitleBytes)
            try field(level.requires, "what level \(i + 1) requires", maxRequiresBytes)
        }
        try check(program.quiz)
    }

    public static func check(_ quiz: Quiz) throws(SpotlightError) {
        let count = quiz.questions.count
        guard count > 0 else { throw .usage("the quiz has no questions") }
        guard count <= maxQuestions else { throw .usage("the quiz has \(count) questions; the limit is \(maxQuestions)") }
        guard (1...count).contains(quiz.passingScore) else {
            throw .usage("the passing score must be 1 to \(count) (the number of questions), got \(quiz.passingScore)")
        }
        for (i, question) in quiz.questions.enumerated() {
            let q = "question \(i + 1)"
            if let problem = problem(with: question) { throw .usage("\(q): \(problem)") }
        }
    }

    /// What is wrong with one question, or nil: the parser and `check` share the wording.
    public static func problem(with question: QuizQuestion) -> String? {
        if !NameKey.hasVisibleGrapheme(question.text) { return "the text is empty" }
        if question.text.utf8.count > maxQuestionBytes { return "the text is \(question.text.utf8.count) bytes; the limit is \(maxQuestionBytes)" }
        guard answers.contains(question.answers.count) else {
            return "has \(Plural.count(question.answers.count, "answer")); a question has \(answers.lowerBound) to \(answers.upperBound)"
        }
        for (j, answer) in question.answers.enumerated() {
            if let problem = answerProblem(answer, number: j + 1) { return problem }
        }
        if let (first, second) = duplicateAnswers(question.answers) {
            return "answers \(first + 1) and \(second + 1) are the same answer"
        }
        guard question.answers.indices.contains(question.correct) else {
            return "the correct answer must be 1 to \(question.answers.count), got \(question.correct + 1)"
        }
        if let explanation = question.explanation, explanation.utf8.count > maxExplanationBytes {
            return "the explanation is \(explanation.utf8.count) bytes; the limit is \(maxExplanationBytes)"
        }
        return nil
    }

    public static func answerProblem(_ answer: String, number: Int) -> String? {
        if !NameKey.hasVisibleGrapheme(answer) { return "answer \(number) is empty" }
        if answer.utf8.count > maxAnswerBytes { return "answer \(number) is \(answer.utf8.count) bytes; the limit is \(maxAnswerBytes)" }
        return nil
    }

    /// The first two answers a reader could not tell apart: compared by `NameKey` (case,
    /// spacing, zero-width and bidi characters ignored), as names are.
    public static func duplicateAnswers(_ answers: [String]) -> (Int, Int)? {
        var seen: [String: Int] = [:]
        for (i, answer) in answers.enumerated() {
            let key = NameKey.key(answer)
            if let first = seen[key] { return (first, i) }
            seen[key] = i
        }
        return nil
    }
}

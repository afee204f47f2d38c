import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// `spotlight cert …` (issue 16): certification programs, the quiz that earns level 1, levels
/// granted by managers, and the letter home. Every rule is the board's (`CertificationRules`,
/// applied inside the store's write transaction); these commands only read files and print.
struct CertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert", abstract: "Customer-service certification: programs, the level 1 quiz, levels granted by managers.",
        discussion: """
            A program (a TOML file; see Certification/README.md) has levels: level 1 is earned by passing its quiz \
            (spotlight cert quiz), higher levels are granted by a manager who judged the work the level asks for.

            Examples:
              spotlight cert program add service-standards.toml
              spotlight cert quiz "Service Standards"
              spotlight cert grant mlopez "Service Standards" 2 --note "Three fine cases"
              spotlight cert letter mlopez "Service Standards" 2 -o letter.html
            """,
        subcommands: [CertProgramCommand.self, CertQuizCommand.self, CertGrantCommand.self, CertRevokeCommand.self,
                      CertListCommand.self, CertLetterCommand.self])
}

struct CertProgramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program", abstract: "Add, list or show certification programs.",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a program from its TOML file (managers only).",
            discussion: "The file is checked first; a problem is reported as FILE:LINE and nothing is stored.")
        @OptionGroup var boardOptions: BoardOptions
        @Argument(help: ArgumentHelp("The program file.", valueName: "file")) var file: String

        func run() async throws {
            let program = try Self.read(file)
            _ = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.addProgram(program) }
            CLI.say("Added the program \(Sanitizer.singleLine(program.name)): \(Plural.count(program.levels.count, "level")), a quiz of \(Plural.count(program.quiz.questions.count, "question")).")
        }

        static func read(_ file: String) throws(SpotlightError) -> CertProgram {
            do {
                return try CertProgram(contentsOfFile: file)
            } catch {
                throw error.spotlightError
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the board's programs.")
        @OptionGroup var boardOptions: BoardOptions

        func run() async throws {
            let programs = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.programs() }
            guard !programs.isEmpty else {
                return CLI.say("No certification programs yet: a manager adds one with `spotlight cert program add FILE`.")
            }
            for program in programs {
                CLI.say("\(Sanitizer.singleLine(program.name)) — \(Plural.count(program.levels.count, "level")), quiz of \(Plural.count(program.quiz.questions.count, "question"))")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a program's levels (and, for managers, its quiz with the answers).")
        @OptionGroup var boardOptions: BoardOptions
        @Argument(help: "The program's name.") var name: String
        @Flag(help: "Also show every question with its answers, the correct one marked (managers only).") var answers = false

        func run() async throws {
            let withAnswers = answers
            let program = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
                let program = try await board.program(named: name)
                if withAnswers {
                    try CertificationRules.checkAnswerKey(by: board.account, isManager: try await board.isManager(board.account.login))
                }
                return program
            }
            CLI.say(CertText.describe(program, withAnswers: withAnswers))
        }
    }
}

struct CertQuizCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz", abstract: "Take a program's level 1 quiz, full-screen; a pass records level 1 for you.",
        discussion: """
            One question per screen: 1–6 or ↑/↓ choose, Enter answers, Enter again for the next question; Esc twice \
            leaves (the attempt then counts but is not scored). Questions and answers are shuffled for each attempt; \
            the board limits attempts per day (setting quiz-attempts-per-day).
            """)
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The program's name.") var program: String

    func run() async throws {
        try Self.requireTerminal()
        let name = program
        let outcome = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) -> CertQuizRunner.Outcome in
            let theme = try Themes.standard().loadOrBuiltIn(try await board.settings().theme, explicit: false)
            let sitting = try await board.startQuiz(name)
            return try await CertQuizRunner.play(sitting, service: board, theme: theme)
        }
        switch outcome {
        case .finished(let result) where result.passed:
            CLI.say("Passed: \(result.sentence). Level 1 of \(Sanitizer.singleLine(name)) is recorded for you.")
        case .finished(let result):
            CLI.say("Not passed: \(result.sentence). You can try again (see `spotlight cert program show`).")
        case .left:
            CLI.say("You left the quiz; this attempt was not scored.")
        case .signal(let signal):
            throw ExitCode(128 + signal)
        }
    }

    /// Synchronous and outside `run`, like `managers add`'s account check (the release compiler
    /// once crashed splitting `run`'s coroutine at a throw before its first await).
    static func requireTerminal() throws(SpotlightError) {
        guard isatty(STDIN_FILENO) == 1, CLI.isTerminal else {
            throw .usage("the quiz needs a terminal (run it in one, not through a pipe)")
        }
    }
}

struct CertGrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Grant a level (2 and up) of a program to someone (managers only).",
        discussion: "Refused for yourself, for an account this host does not know, for a level the program lacks, and twice. A grant can be revoked within 24 hours.")
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The login name of the account.") var login: String
    @Argument(help: "The program's name.") var program: String
    @Argument(help: "The level to grant.") var level: Int
    @Option(help: "Why: shown with the certification and in the letter home.") var note: String?

    func validate() throws { try CertText.validateLogin(login) }

    func run() async throws {
        try CertText.requireAccount(login)
        let (login, program, level, note) = (login, program, level, note ?? "")
        let granted = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            try await board.grantCertification(to: login, program: program, level: level, note: note)
        }
        CLI.say("Granted \(Sanitizer.singleLine(granted.program)), level \(granted.level) to \(Sanitizer.singleLine(login)).")
    }
}

struct CertRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Take back a level within 24 hours (managers only; a grant only by its granter).")
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The login name of the account.") var login: String
    @Argument(help: "The program's name.") var program: String
    @Argument(help: "The level to take back.") var level: Int

    func validate() throws { try CertText.validateLogin(login) }

    func run() async throws {
        let (login, program, level) = (login, program, level)
        try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            try await board.revokeCertification(of: login, program: program, level: level)
        }
        CLI.say("Revoked level \(level) of \(Sanitizer.singleLine(program)) from \(Sanitizer.singleLine(login)).")
    }
}

struct CertListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List someone's certifications, or the board's most recent ones.")
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The login name of the account (default: the most recent on the board).") var login: String?

    func validate() throws { if let login { try CertText.validateLogin(login) } }

    func run() async throws {
        let login = login
        let held = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            if let login { return try await board.certifications(of: login) }
            return try await board.recentCertifications(since: .distantPast, limit: 50)
        }
        guard !held.isEmpty else {
            return CLI.say(login.map { "\(Sanitizer.singleLine($0)) holds no certifications." } ?? "No certifications yet.")
        }
        for certification in held { CLI.say(CertText.line(certification)) }
    }
}

struct CertLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter", abstract: "Write the letter home announcing a certification (one print-ready HTML file).",
        discussion: """
            Self-contained HTML (no scripts, no external resources) that prints on one A4 or Letter page.

            Example:
              spotlight cert letter mlopez "Service Standards" 1 -o letter.html
            """)
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The login name of the account.") var login: String
    @Argument(help: "The program's name.") var program: String
    @Argument(help: "The level held.") var level: Int
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func validate() throws { try CertText.validateLogin(login) }

    func run() async throws {
        let (login, programName, level) = (login, program, level)
        let content = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            let program = try await board.program(named: programName)
            guard let held = try await board.certifications(of: login).first(where: { $0.isOf(program.name) && $0.level == level }),
                  let title = program.level(level) else {
                throw .notFound("\(login) does not hold \(program.describe(level: level))")
            }
            return CertificateLetter.Content(
                boardName: try await board.settings().name, recipient: CertText.displayName(of: login),
                program: program.name, level: level, levelTitle: title.title, requires: title.requires,
                grantedBy: held.source == .manager ? CertText.displayName(of: held.grantedBy) : nil,
                date: ClockText.calendarDate(held.at, timeZone: .current), note: held.note)
        }
        try write(CertificateLetter.html(content))
    }

    private func write(_ html: String) throws(SpotlightError) {
        guard let output else {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        try OutputFile.write(Data(html.utf8), to: output)
        CLI.note("Wrote the letter home to \(output).")
    }
}

/// What the cert commands print, and the checks on a login they share.
enum CertText {
    /// "jpark  Service Standards, level 2 (Case Studies) · granted by dana on 2026-11-25 · “note”".
    static func line(_ c: Certification) -> String {
        let how = c.source == .quiz ? "passed the quiz" : "granted by \(c.grantedBy)"
        let day = ClockText.calendarDate(c.at, timeZone: .current)
        let note = NameKey.hasVisibleGrapheme(c.note) ? " · \(c.note)" : ""
        return Sanitizer.singleLine("\(c.login)  \(c.program), level \(c.level) · \(how) on \(day)\(note)")
    }

    static func describe(_ program: CertProgram, withAnswers: Bool) -> String {
        var lines = [Sanitizer.singleLine(program.name)]
        if NameKey.hasVisibleGrapheme(program.description) { lines.append(Sanitizer.singleLine(program.description)) }
        lines.append("")
        for level in program.levels {
            lines.append("Level \(level.number) · \(Sanitizer.singleLine(level.title)): \(Sanitizer.singleLine(level.requires))")
        }
        let quiz = program.quiz
        lines.append("")
        lines.append("Quiz: \(Plural.count(quiz.questions.count, "question")), \(quiz.passingScore) correct to pass.")
        guard withAnswers else { return lines.joined(separator: "\n") }
        for (i, question) in quiz.questions.enumerated() {
            lines.append("")
            lines.append("\(i + 1). \(Sanitizer.singleLine(question.text))")
            for (j, answer) in question.answers.enumerated() {
                lines.append("   \(j == question.correct ? "*" : " ") \(j + 1) \(Sanitizer.singleLine(answer))")
            }
            if let explanation = question.explanation { lines.append("     \(Sanitizer.singleLine(explanation))") }
        }
        return lines.joined(separator: "\n")
    }

    /// The person's name from the account database (GECOS), else the login.
    static func displayName(of login: String) -> String {
        guard let entry = getpwnam(login) else { return login }
        return Account(login: login, displayName: entry.pointee.pw_gecos.map { String(cString: $0) }).displayName
    }

    /// A grant to a login nobody has would wait for whoever later gets that login.
    static func requireAccount(_ login: String) throws(SpotlightError) {
        guard getpwnam(login) != nil else {
            throw .notFound("there is no account \(Sanitizer.singleLine(login)) on this host: check the spelling")
        }
    }

    static func validateLogin(_ login: String) throws {
        guard !login.isEmpty, login.count <= 64, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw ValidationError("'\(Sanitizer.singleLine(String(login.prefix(64))))' is not a login name (letters, digits, '.', '_' and '-')")
        }
    }
}

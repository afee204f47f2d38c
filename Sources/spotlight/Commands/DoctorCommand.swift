import ArgumentParser
import Foundation
import SpotlightCore
import SpotlightStore

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the board, your account, the terminal and the locale, and say what to fix.")

    @OptionGroup var boardOptions: BoardOptions

    func run() async throws {
        var problems = 0
        func line(_ name: String, _ value: String) { CLI.say(StoryText.padRight(name, 16) + Sanitizer.singleLine(value)) }
        let location = boardOptions.location
        line("board", "\(location.path) (from \(location.source.rawValue))")
        line("sqlite", "\(BoardStore.sqliteVersion) (bundled with sqlite-nio)")
        let account = try Identity.current()
        line("account", "\(account.login) (\(account.displayName)), uid \(geteuid())")
        do {
            let store = try await BoardStore.open(location.path, as: account)
            let schema = try await store.schemaVersion()
            let manager = try await store.isManager(account.login)
            let settings = try await store.settings()
            let integrity = try await store.integrityCheck()
            let count = try await store.storyCount()
            await store.close()
            line("board name", settings.name)
            line("schema", "version \(schema)")
            line("stories", "\(count) visible")
            line("role", manager ? "manager" : "staff")
            line("access", store.isReadOnly ? "read-only" + (store.isImmutable ? " (immutable: other writers not seen)" : "") : "read-write")
            line("integrity", integrity)
            if integrity != "ok" { problems += 1 }
        } catch {
            line("board status", "problem: \(error.message)")
            problems += 1
        }
        let environment = ProcessInfo.processInfo.environment
        line("terminal", "TERM=\(environment["TERM"] ?? "(unset)"), stdout \(CLI.isTerminal ? "is" : "is not") a terminal")
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        line("locale", "\(String(cString: setlocale(LC_CTYPE, nil))) (codeset \(codeset))")
        if codeset != "UTF-8" {
            CLI.say("  hint: use a UTF-8 locale (e.g. LANG=C.UTF-8) so names, CJK and emoji display correctly")
        }
        line("colours", environment["NO_COLOR"].map { $0.isEmpty ? "on" : "off (NO_COLOR is set)" } ?? "on")
        if problems > 0 { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the board (its filesystem and shared-group permissions), your account, the terminal and the locale, and say what to fix.")

    @OptionGroup var boardOptions: BoardOptions

    func run() async throws {
        var problems = 0
        func line(_ name: String, _ value: String) { CLI.say(TextTable.padRight(name, 16) + Sanitizer.singleLine(value)) }
        let account = try Identity.current()
        let caller = SharedBoardCheck.Caller.current()
        let names = SharedBoardCheck.Names.system
        let location: BoardLocation?
        do {
            let resolved = try boardOptions.resolvedLocation()
            line("board", "\(resolved.path) (from \(resolved.source))")
            location = resolved
        } catch {
            line("board", "problem: \(error.message)")
            problems += 1
            location = nil
        }
        line("sqlite", "\(SQLiteBoard.sqliteVersion) (bundled with sqlite-nio)")
        let groups = caller.sessionGroups.sorted().map(names.group).joined(separator: ", ")
        line("account", "\(account.login) (\(account.displayName)), uid \(geteuid()), groups \(groups)")
        if let location {
            if let socket = location.brokerSocket {
                line("mode", "broker: spotlight serve owns the board; you reach it on \(socket)")
            } else {
                line("mode", "shared file: every member opens the board file itself")
                problems += sharing(location, caller: caller, line: line)
            }
            do {
                problems += try await CLI.withBoard(at: location, askingBroker: true) { board async throws(SpotlightError) in
                    if let remote = board as? RemoteBoard {
                        let version = try await remote.brokerVersion()
                        line("broker", "spotlight \(version.spotlight) (API v\(version.api)), reachable, serving \(remote.brokerBoard)")
                        line("you, to it", "\(board.account.login) (\(board.account.displayName)), as the broker sees you")
                    }
                    let schema = try await board.schemaVersion()
                    let manager = try await board.isManager(board.account.login)
                    let settings = try await board.settings()
                    let integrity = try await board.integrityCheck()
                    let count = try await board.storyCount()
                    let outside = try await board.outsideChanges()
                    var found = 0
                    line("board name", settings.name)
                    line("schema", "version \(schema)")
                    line("stories", "\(count) visible")
                    line("role", manager ? "manager" : "staff")
                    var access = board.isReadOnly ? "read-only" + (board.isImmutable ? " (immutable: other writers not seen)" : "") : "read-write"
                    if board.isReadOnly, location.brokerSocket == nil, SharedBoardCheck.writeAdvice(board: location.path, caller: caller) != nil {
                        access += ", because you are not in the board's group (see sharing above)"
                    }
                    if board.isOutOfSpace {
                        access = "read-only: the disk holding the board is full, so nothing can be posted or changed — free some space"
                        found += 1
                    }
                    line("access", access)
                    line("integrity", integrity)
                    if integrity != "ok" { found += 1 }
                    found += report(outsideChanges: outside, line: line)
                    return found
                }
            } catch {
                line("board status", "problem: \(error.message)")
                problems += 1
            }
            if location.brokerSocket == nil { problems += lockHolders(location, line: line) }
        }
        let environment = ProcessInfo.processInfo.environment
        line("terminal", "TERM=\(environment["TERM"] ?? "(unset)"), stdout \(CLI.isTerminal ? "is" : "is not") a terminal")
        let codeset = UserLocale.codeset
        line("locale", "\(String(cString: setlocale(LC_CTYPE, nil))) (codeset \(codeset))")
        if !UserLocale.isUTF8 {
            CLI.say("  hint: use a UTF-8 locale (e.g. LANG=C.UTF-8) so names, CJK and emoji display correctly")
        }
        line("colours", environment["NO_COLOR"].map { $0.isEmpty ? "on" : "off (NO_COLOR is set)" } ?? "on")
        let font = BigType.checked()
        line("big type", font.summary)
        if case .broken = font { problems += 1 }
        if problems > 0 { throw ExitCode(1) }
    }

    /// The filesystem and the permissions of a board shared through a group: one line each,
    /// then every problem with its fix. Returns how many problems it found.
    private func sharing(_ location: BoardLocation, caller: SharedBoardCheck.Caller, line: (String, String) -> Void) -> Int {
        let check = SharedBoardCheck.evaluate(
            board: location.path, file: .read(location.path), directory: .read(location.directory),
            wal: .readWithoutFollowing(location.path + "-wal"), shm: .readWithoutFollowing(location.path + "-shm"),
            fileSystem: FileSystemCheck.kind(ofBoard: location.path), caller: caller, names: .system)
        switch check.fileSystem {
        case .local(let name): line("filesystem", "\(name) (local)")
        case .network(let name): line("filesystem", "\(name) (network: refused)")
        case .unknown: break
        }
        if FileManager.default.fileExists(atPath: location.directory) || !check.findings.isEmpty {
            line("sharing", check.summary)
        }
        for finding in check.findings {
            CLI.say("  problem: " + Sanitizer.singleLine(finding.problem))
            CLI.say("      fix: " + Sanitizer.singleLine(finding.fix))
        }
        return check.findings.count
    }
}

// MARK: - Edits made outside spotlight, and who holds the board's locks

extension DoctorCommand {
    /// Changes `sqlite3` (or anything but spotlight) made to the board. In the shared-file mode
    /// anyone who can write the file can make them; this finds them, it cannot prevent them.
    func report(outsideChanges: [String], line: (String, String) -> Void) -> Int {
        guard !outsideChanges.isEmpty else {
            line("audit", "every change has its record")
            return 0
        }
        line("audit", "changed outside spotlight: \(Plural.count(outsideChanges.count, "difference")) from what spotlight wrote")
        let shown = 20
        for change in outsideChanges.prefix(shown) {
            CLI.say("  problem: changed outside spotlight: " + Sanitizer.singleLine(change))
        }
        if outsideChanges.count > shown { CLI.say("  … and \(outsideChanges.count - shown) more") }
        CLI.say("      fix: find who did it (the file's writers are its group), then restore the last good `spotlight export`")
        return outsideChanges.count
    }

    /// Processes holding the `-shm` write or checkpoint lock right now. A spotlight writer holds
    /// the write lock for milliseconds; anything else holding it blocks every writer.
    func lockHolders(_ location: BoardLocation, line: (String, String) -> Void) -> Int {
        let holders = ShmLocks.holders(board: location.path)
        guard !holders.isEmpty else { return 0 }
        var problems = 0
        for holder in holders {
            let text = ShmLocks.describe(holder, board: location.path)
            if ShmLocks.isSpotlight(holder) {
                line("locks", text)
            } else {
                problems += 1
                line("locks", "problem: " + text)
                let stop = holder.pid > 0 ? "stop that process (kill \(holder.pid))" : "find the process with `fuser \(location.path)-shm` and stop it"
                CLI.say("      fix: " + (holder.lock == .write
                    ? "every writer waits for it and then fails; \(stop)"
                    : "the -wal cannot be checkpointed and keeps growing; \(stop)"))
            }
        }
        return problems
    }
}

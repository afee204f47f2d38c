import Foundation
import Testing

/// A real terminal for end-to-end tests of full-screen commands, in the manner of fzf's
/// `test/lib/common.rb`: a private tmux server per test (its own `-L` socket, no config file),
/// one detached session of a fixed size running a shell command, keys sent with `send-keys`,
/// and the screen read with `capture-pane`. Conditions are polled with a deadline, never slept on.
/// tmux needs no terminal of its own, so this works under CI with no tty.
final class Tmux {
    enum Failure: Error, CustomStringConvertible {
        case missing
        case command([String], String)
        case timeout(String, seconds: Double, screen: Screen)

        var description: String {
            switch self {
            case .missing:
                return "tmux is required for the wall end-to-end tests but was not found on PATH: "
                    + "install it (apt-get install tmux) — these tests never skip"
            case let .command(arguments, stderr):
                return "tmux \(arguments.joined(separator: " ")) failed: \(stderr)"
            case let .timeout(what, seconds, screen):
                return "timed out after \(seconds) s waiting for \(what); the screen was:\n\(screen.text)"
            }
        }
    }

    /// The screen as `capture-pane -p` shows it: one string per row, trailing blanks trimmed.
    struct Screen: Equatable, CustomStringConvertible {
        let lines: [String]
        var text: String { lines.joined(separator: "\n") }
        var description: String { text }
        func contains(_ s: String) -> Bool { lines.contains { $0.contains(s) } }
    }

    static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    let socket: String
    let target = "wall"
    private(set) var isRunning = true

    /// Starts a private server with one `width`×`height` session running `command` through
    /// `sh -c`, with TERM=tmux-256color, a UTF-8 locale and Swift's interactive backtracer off
    /// (it would wait for a key on a crash). `environment` adds or overrides variables; a nil
    /// value unsets one. `pipeTo` starts `pipe-pane` in the same tmux command as the session, so
    /// the file receives every byte the command writes, from its first.
    /// The pane stays after the command exits (`remain-on-exit`), so its last screen and the
    /// terminal modes it left (`#{alternate_on}`, `#{cursor_flag}`) can still be read.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String?] = [:],
         pipeTo rawOutput: String? = nil) throws {
        guard Self.executable != nil else { throw Failure.missing }
        socket = "spotlight-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var variables: [String: String?] = [
            "TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no", "LANG": "C.UTF-8",
            "LC_ALL": nil, "LC_CTYPE": nil, "NO_COLOR": nil,
        ]
        for (key, value) in environment { variables[key] = value }
        let unset = variables.filter { $0.value == nil }.keys.sorted()
        let set = variables.compactMap { key, value in value.map { "\(key)=\(Shell.quote($0))" } }.sorted()
        var prelude = ""
        if !unset.isEmpty { prelude += "unset \(unset.joined(separator: " ")); " }
        prelude += "export \(set.joined(separator: " ")); "
        var arguments = ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
                         "/bin/sh -c \(Shell.quote(prelude + command))",
                         ";", "set-option", "-g", "remain-on-exit", "on"]
        if let rawOutput {
            arguments += [";", "pipe-pane", "-o", "-t", target, "cat >> \(Shell.quote(rawOutput))"]
        }
        // Chained in one tmux invocation: the server runs the whole queue before it reads any
        // output from the new pane, so remain-on-exit and pipe-pane are in place in time.
        try tmux(arguments)
    }

    deinit { kill() }

    /// Ends the server and everything running in it. Idempotent.
    func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? Self.run(["-L", socket, "kill-server"])
    }

    // MARK: - Driving

    /// `send-keys` with tmux key names (`q`, `C-c`, `Escape`, `Left`, `Space`, `Enter`).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally, character by character as a person would.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format about the pane, e.g. `#{pane_pid}`, `#{alternate_on}`, `#{cursor_flag}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True once the pane's command has closed the terminal. Its exit status is not read from
    /// tmux: in tmux 3.3a `#{pane_dead_status}` sometimes never appears (the exited process stays
    /// a zombie the server does not reap; seen with plain `sleep` too), so tests run the command
    /// as `CMD; echo EXIT=$?` and read the status off the screen (`waitForExitStatus`).
    var paneIsDead: Bool { (try? display("#{pane_dead}")) == "1" }

    /// The process the pane's shell is running (for `CMD; echo …`, CMD's pid): the first child
    /// of `#{pane_pid}`, or the shell itself when it `exec`ed the command.
    func commandPID() throws -> pid_t? {
        guard let shell = pid_t(try display("#{pane_pid}")) else { return nil }
        return Self.children(of: shell).first ?? shell
    }

    static func children(of parent: pid_t) -> [pid_t] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return all.compactMap { pid_t($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // "pid (comm) state ppid …": comm may hold spaces, so split after the last ")".
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent
        }.sorted()
    }

    /// Running (not exited and not a zombie waiting to be reaped).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    func capture() throws -> Screen {
        let text = try tmux(["capture-pane", "-p", "-t", target])
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return Screen(lines: lines)
    }

    // MARK: - Waiting

    /// Polls the screen every 50 ms until `condition` holds; throws with the last screen after
    /// `deadline` seconds. Returns the screen that satisfied it.
    @discardableResult
    func waitFor(_ what: String, deadline seconds: Double = 5, _ condition: (Screen) throws -> Bool) throws -> Screen {
        let end = Date().addingTimeInterval(seconds)
        var screen = try capture()
        while true {
            if try condition(screen) { return screen }
            guard Date() < end else { throw Failure.timeout(what, seconds: seconds, screen: screen) }
            usleep(50_000)
            screen = try capture()
        }
    }

    /// For a command run as `CMD; echo EXIT=$?`: waits for that line and returns the status.
    @discardableResult
    func waitForExitStatus(deadline seconds: Double = 5) throws -> Int {
        var status: Int?
        try waitFor("EXIT=<status> after the command", deadline: seconds) { screen in
            status = screen.lines.lazy.compactMap { line in line.firstMatch(of: /EXIT=(\d+)/).flatMap { Int($0.1) } }.first
            return status != nil
        }
        return status!
    }

    /// Checks that `condition` keeps holding for `seconds` (polled every 50 ms): the bounded
    /// observation a negative claim ("the wall is still running") needs.
    func holds(_ what: String, for seconds: Double, _ condition: (Screen) throws -> Bool) throws {
        let end = Date().addingTimeInterval(seconds)
        repeat {
            let screen = try capture()
            guard try condition(screen) else {
                throw Failure.timeout("\(what) to keep holding (it stopped)", seconds: seconds, screen: screen)
            }
            usleep(50_000)
        } while Date() < end
    }

    // MARK: - Process plumbing

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Self.run(["-L", socket, "-f", "/dev/null", "-u"] + arguments)
        guard result.status == 0 else { throw Failure.command(arguments, result.stderr) }
        return result.stdout
    }

    /// Runs tmux with `arguments` and waits for it.
    ///
    /// Not with Foundation's `Process`: its children inherit the test runner's blocked signal
    /// mask and every descriptor without close-on-exec (our pipes and those of tests running in
    /// parallel). The tmux server the first command forks lives on with both: SIGTERM blocked,
    /// so `kill-server` never ends it (and the wall it starts inherits the mask too), and a
    /// pipe held open, so a reader of that pipe never sees end-of-file. posix_spawn here gives
    /// tmux an empty signal mask, default handlers, and no descriptor above stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let executable else { throw Failure.missing }
        let output = NSTemporaryDirectory() + "spotlight-tmux-\(UUID().uuidString)"
        defer {
            unlink(output + ".out")
            unlink(output + ".err")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"   // so capture-pane writes UTF-8 whatever the runner's locale
        environment["LC_ALL"] = nil
        environment["TMUX"] = nil         // never talk to a tmux the tests happen to run inside

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeFromThree(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure.command(arguments, "posix_spawn: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let stdout = FileManager.default.contents(atPath: output + ".out") ?? Data()
        let stderr = FileManager.default.contents(atPath: output + ".err") ?? Data()
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exitCode: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitCode, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not
    /// declare; without it, close each descriptor open right now.
    private static func closeFromThree(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
    }
}

enum Shell {
    /// Single-quotes `s` for /bin/sh.
    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Terminal columns as tmux counts them. Debian's tmux is built without utf8proc, so it measures
/// each character with glibc's `wcwidth` in a UTF-8 locale (zero-width marks join the cell
/// before). We ask the same function, in C.UTF-8 on this thread only (`uselocale`), so the rest
/// of the test process keeps its locale. This measures what tmux drew, which is what a border
/// check needs; for text the app measured itself (snapshot) see `approximateAppWidth`.
enum Columns {
    private typealias WcWidth = @convention(c) (Int32) -> Int32
    private static let wcwidth: WcWidth = {
        let handle = dlopen(nil, RTLD_NOW)
        guard let symbol = dlsym(handle, "wcwidth") else { fatalError("glibc wcwidth not found") }
        return unsafeBitCast(symbol, to: WcWidth.self)
    }()
    // LC_CTYPE_MASK is a macro Swift does not import: 1 << __LC_CTYPE, and __LC_CTYPE is 0.
    // Unsafe is fine: the locale object is never changed after it is made, only installed per thread.
    nonisolated(unsafe) private static let utf8Locale = newlocale(1 << 0, "C.UTF-8", nil)

    /// Columns tmux gives `line` (a control or unknown character counts 1, as tmux draws it).
    static func of(_ line: String) -> Int {
        let previous = uselocale(utf8Locale)
        defer { uselocale(previous) }
        var total = 0
        for scalar in line.unicodeScalars {
            let width = wcwidth(Int32(bitPattern: scalar.value))
            total += width < 0 ? 1 : Int(width)
        }
        return total
    }

    /// Close to the app's `DisplayWidth.of` (which the test target cannot import, as it depends
    /// only on the `spotlight` executable): an emoji-presentation cluster, a VS16 cluster or a
    /// flag is 2 columns, anything else what wcwidth gives its scalars. Never under-counts an
    /// emoji that the app would also count 2.
    static func approximateAppWidth(_ line: String) -> Int {
        var total = 0
        for character in line {
            let scalars = character.unicodeScalars
            let emoji = scalars.contains { $0.value == 0xFE0F }
                || (scalars.first.map { $0.value >= 0x1F000 && $0.properties.isEmojiPresentation } ?? false)
                || scalars.filter({ (0x1F1E6...0x1F1FF).contains($0.value) }).count == 2
            total += emoji ? 2 : of(String(character))
        }
        return total
    }
}

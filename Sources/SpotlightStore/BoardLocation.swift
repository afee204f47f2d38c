import Foundation

/// Where the board file is: `--board`, then `SPOTLIGHT_BOARD`, then the `board` of the first
/// config file that names one (`$XDG_CONFIG_HOME/spotlight/config.toml`, then each of
/// `$XDG_CONFIG_DIRS`, default `/etc/xdg`), then `$XDG_DATA_HOME/spotlight/board.sqlite`
/// (default `~/.local/share/spotlight/board.sqlite`).
/// `unix:/run/spotlight/board.sock` in any of them names a broker (`spotlight serve`) instead
/// of a file: the board is then reached through its socket (issue 13).
/// The location decides only *which board*; it never decides *who you are*.
public struct BoardLocation: Equatable, Sendable {
    public enum Source: Equatable, Sendable, CustomStringConvertible {
        case flag
        case environment
        /// The `board` key of this config file.
        case config(String)
        case xdgDefault

        public var description: String {
            switch self {
            case .flag: "--board"
            case .environment: "SPOTLIGHT_BOARD"
            case .config(let file): file
            case .xdgDefault: "default"
            }
        }
    }

    /// A board named by a config file, as the executable read it (this module reads no TOML).
    public struct Configured: Equatable, Sendable {
        public let path: String
        public let file: String

        public init(path: String, file: String) {
            self.path = path
            self.file = file
        }
    }

    public let path: String
    public let source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// `--board`, `SPOTLIGHT_BOARD`, then the XDG default: no config files are read.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> BoardLocation {
        resolve(flag: flag, environment: environment, configured: { () -> Configured? in nil })
    }

    /// The full order. `configured` is asked only when neither the flag nor the environment
    /// names a board, so a broken config file never stands in the way of `--board`.
    public static func resolve<E: Error>(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        configured: () throws(E) -> Configured?
    ) throws(E) -> BoardLocation {
        if let flag, !flag.isEmpty { return BoardLocation(path: absolute(flag, environment), source: .flag) }
        if let env = environment["SPOTLIGHT_BOARD"], !env.isEmpty {
            return BoardLocation(path: absolute(env, environment), source: .environment)
        }
        if let config = try configured() {
            return BoardLocation(path: absolute(config.path, environment), source: .config(config.file))
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = homeDirectory(environment) + "/.local/share"
        }
        return BoardLocation(path: dataHome + "/spotlight/board.sqlite", source: .xdgDefault)
    }

    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// The prefix that names a broker's socket instead of a board file.
    public static let brokerScheme = "unix:"

    /// The broker's socket path when the board is reached through `spotlight serve`.
    public var brokerSocket: String? {
        path.hasPrefix(Self.brokerScheme) ? String(path.dropFirst(Self.brokerScheme.count)) : nil
    }

    private static func absolute(_ path: String, _ environment: [String: String]) -> String {
        if path.hasPrefix(brokerScheme) { return brokerScheme + absolute(String(path.dropFirst(brokerScheme.count)), environment) }
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return homeDirectory(environment) + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    private static func homeDirectory(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return NSHomeDirectory()
    }
}

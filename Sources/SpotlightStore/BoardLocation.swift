import Foundation

/// Where the board file is: `--board`, then `SPOTLIGHT_BOARD`, then
/// `$XDG_DATA_HOME/spotlight/board.sqlite` (default `~/.local/share/spotlight/board.sqlite`).
/// The location decides only *which file*; it never decides *who you are*.
public struct BoardLocation: Equatable, Sendable {
    public enum Source: String, Sendable {
        case flag = "--board"
        case environment = "SPOTLIGHT_BOARD"
        case xdgDefault = "default"
    }

    public let path: String
    public let source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> BoardLocation {
        if let flag, !flag.isEmpty { return BoardLocation(path: absolute(flag), source: .flag) }
        if let env = environment["SPOTLIGHT_BOARD"], !env.isEmpty {
            return BoardLocation(path: absolute(env), source: .environment)
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

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return homeDirectory(ProcessInfo.processInfo.environment) + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    private static func homeDirectory(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return NSHomeDirectory()
    }
}

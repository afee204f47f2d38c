import Foundation
import SpotlightCore
import SpotlightStore
import TOMLKit

/// `spotlight/config.toml` in the XDG config directories: settings of this host or account
/// (board settings live in the board). One key today:
///
///     board = "/var/lib/spotlight/board.sqlite"
///
/// Files are read most personal first — `$XDG_CONFIG_HOME` (default `~/.config`), then each of
/// `$XDG_CONFIG_DIRS` (default `/etc/xdg`) — and the first that names a board wins. A file that
/// is there but broken is an error naming the file and line, never silently skipped. Nothing
/// here can change who you are (DESIGN §9): only which board file is opened.
enum Config {
    static let keys = ["board"]

    /// Every config file that may apply, in the order they are consulted.
    static func files(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let home = environment["XDG_CONFIG_HOME"], home.hasPrefix("/") {
            directories.append(home)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directories.append(home + "/.config")
        } else {
            directories.append(NSHomeDirectory() + "/.config")
        }
        let system = environment["XDG_CONFIG_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/etc/xdg"
        // The XDG spec: relative entries are invalid and ignored.
        directories += system.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        var seen: Set<String> = []
        return directories.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/spotlight/config.toml" }
            .filter { seen.insert($0).inserted }
    }

    /// The board of the first config file that names one, or nil when none does.
    static func board(environment: [String: String]) throws(SpotlightError) -> BoardLocation.Configured? {
        for file in files(environment: environment) {
            guard let text = try read(file) else { continue }
            if let board = try parse(text, file: file) { return BoardLocation.Configured(path: board, file: file) }
        }
        return nil
    }

    /// A config file holds a line or two; anything bigger is not one.
    static let maximumBytes = 64 * 1024

    /// The file's text, or nil when there is no such file. Only a regular file is read (a FIFO
    /// would hang every command, a link to /dev/zero would fill memory), up to `maximumBytes`.
    static func read(_ file: String) throws(SpotlightError) -> String? {
        let data: Data
        do {
            guard let bytes = try RegularFile.read(file, what: "the config file", limit: maximumBytes) else { return nil }
            data = bytes
        } catch where error.kind == .permission {
            throw .permission(error.message + " (an admin can fix it: sudo chmod 0644 \(file))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .runtime("\(file): the config file is not valid UTF-8")
        }
        return text
    }

    /// The `board` value of one file's text (nil when the file does not set it).
    static func parse(_ text: String, file: String) throws(SpotlightError) -> String? {
        // TOMLKit hands the text to C++ as a C string, which would silently end at a NUL.
        if let nul = text.firstIndex(of: "\0") {
            throw failure(file, line: text[..<nul].filter(\.isNewline).count + 1, "the file contains a NUL byte")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw failure(file, line: error.source.begin.line, "TOML syntax error: \(error.description)")
        } catch {
            throw failure(file, line: nil, "TOML syntax error: \(error)")
        }
        for key in table.keys where !keys.contains(key) {
            throw failure(file, line: line(of: key, in: text), "\(key) is not a config key; the keys are: \(keys.joined(separator: ", "))")
        }
        guard let value = table["board"] else { return nil }
        let at = line(of: "board", in: text)
        guard value.type == .string, let board = value.string else {
            throw failure(file, line: at, "board must be a string (the path of the board file), got \(value.type)")
        }
        guard !board.isEmpty else {
            throw failure(file, line: at, "board must not be empty; give the path of the board file, e.g. /var/lib/spotlight/board.sqlite")
        }
        guard !board.contains(where: { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }) else {
            throw failure(file, line: at, "board must not contain control characters")
        }
        let path = board.hasPrefix(BoardLocation.brokerScheme) ? String(board.dropFirst(BoardLocation.brokerScheme.count)) : board
        guard path.hasPrefix("/") || path == "~" || path.hasPrefix("~/") else {
            throw failure(file, line: at, "board must be an absolute path (or start with ~/, or be unix:/path/of/the/broker.sock), got \"\(board)\"")
        }
        return board
    }

    static func failure(_ file: String, line: Int?, _ problem: String) -> SpotlightError {
        .runtime("config file \(file)\(line.map { ":\($0)" } ?? ""): \(Sanitizer.singleLine(problem))")
    }

    /// The first line that defines `key` at the top level (`key =`, `"key" =`, `key.x =`,
    /// `[key]`, `[[key]]`). TOMLKit keeps line numbers only for syntax errors.
    static func line(of key: String, in text: String) -> Int? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        var inTable = false
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }.drop { $0 == " " || $0 == "\t" }
                if spellings.contains(where: { header.hasPrefix($0) }) { return index + 1 }
                inTable = true
                continue
            }
            guard !inTable else { continue }
            for spelling in spellings where line.hasPrefix(spelling) {
                let rest = line.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") || rest.hasPrefix(".") { return index + 1 }
            }
        }
        return nil
    }
}

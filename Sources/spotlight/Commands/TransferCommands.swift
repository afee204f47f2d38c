import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct ExportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole board as JSON (lossless backup) or its stories as CSV.")

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "json (everything, for `spotlight import`) or csv (stories, for spreadsheets).") var format: Format = .json
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let export = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.export() }
        try write(export)
    }

    /// Kept out of the async `run` on purpose: Swift 6.3's release optimiser crashed while
    /// splitting the coroutine when this code lived inside it.
    private func write(_ export: BoardExport) throws(SpotlightError) {
        let text: String
        switch format {
        case .json: text = try export.encoded()
        case .csv: text = CSVExport.stories(export)
        }
        guard let output else {
            CLI.emit(text)
            return
        }
        try OutputFile.write(Data((text + "\n").utf8), to: output)
        CLI.note("Exported \(Plural.count(export.stories.count, "story")) to \(output).")
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Restore a JSON export into a board that has no stories yet.",
        discussion: "The board is created if it does not exist. Example: spotlight import backup.json --board restored.sqlite")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "A file written by `spotlight export` (- for standard input).") var file: String

    func run() async throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            // An export is read whole (no size limit), but only from a regular file: a device
            // such as /dev/zero would never end, and a pipe has `-`.
            guard let contents = try RegularFile.read(file, what: "the export", limit: nil, hint: "to read standard input, give -") else {
                throw SpotlightError.notFound("cannot read the export \(file): no such file")
            }
            guard !contents.isEmpty else {
                throw SpotlightError.usage("\(file) is empty, not a file written by `spotlight export`")
            }
            data = contents
        }
        let export = try BoardExport.decode(data, file: file)
        try await CLI.withBoard(boardOptions, mode: .createIfMissing(name: nil)) { board async throws(SpotlightError) in
            try await board.importBoard(export)
        }
        CLI.say("Imported \(Plural.count(export.stories.count, "story")) into \(boardOptions.location.path).")
    }
}

/// Stories as RFC 4180 CSV, for spreadsheets. Every cell gets the JSON output's control-character
/// policy: C0 controls (ESC, BEL, NUL, TAB, CR, LF), DEL, C1 controls, bidi overrides and invisible
/// format characters are written as `\uXXXX`, so nothing a terminal acts on reaches whoever `cat`s
/// the file. A cell starting with = + - @, TAB, CR or LF gets a leading ' so a spreadsheet never
/// runs it as a formula.
enum CSVExport {
    static func stories(_ export: BoardExport) -> String {
        var lines = ["id,title,hero,department,customer,tags,author,on_behalf_of,created_at,status,votes,medallions,pinned"]
        let votes = Dictionary(grouping: export.votes, by: \.storyID).mapValues(\.count)
        let medallions = Dictionary(grouping: export.medallions, by: \.storyID).mapValues(\.count)
        let iso = ISO8601DateFormatter()
        for s in export.stories {
            let cells = [
                String(s.id), s.title, s.hero, s.department, s.customer, s.tags.joined(separator: " "), s.author,
                s.onBehalfOf ?? "", iso.string(from: Date(timeIntervalSince1970: Double(s.createdAt) / 1000)), s.status,
                String(votes[s.id] ?? 0), String(medallions[s.id] ?? 0), s.pinnedBy == nil ? "no" : "yes",
            ]
            lines.append(cells.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n")
    }

    static func cell(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) { v = "'" + v }
        v = escapeControls(v)
        guard v.contains(where: { $0 == "," || $0 == "\"" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func escapeControls(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || JSONOutput.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

import Foundation
import SpotlightCore

/// Where the big-type font (GNU Unifont's `unifont.hex`) is looked for, in order, and what was
/// found. Like `ThemeCatalog.standard` (SpotlightApp), everything comes in as arguments, so
/// tests can describe any machine.
public struct FontCatalog: Sendable, Equatable {
    /// Candidate files, first existing one wins.
    public let searchPaths: [String]

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// 1. each `$XDG_DATA_DIRS` entry + `/unifont/unifont.hex` (default `/usr/local/share:/usr/share`,
    ///    which includes Debian's `/usr/share/unifont/unifont.hex` from the `unifont` package);
    /// 2. `<exe dir>/../share/unifont/unifont.hex`: a copy installed beside ours under any prefix;
    /// 3. Debian's path itself, in case `$XDG_DATA_DIRS` leaves `/usr/share` out.
    public static func standard(environment: [String: String], executablePath: String?) -> FontCatalog {
        let suffix = "unifont/unifont.hex"
        var paths: [String] = []
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        for entry in dataDirs.split(separator: ":") where entry.hasPrefix("/") {
            paths.append(PathName.join(PathName.normalized(String(entry)), suffix))
        }
        if let executablePath, executablePath.hasPrefix("/") {
            let directory = PathName.parent(PathName.normalized(executablePath))
            paths.append(PathName.join(PathName.parent(directory), "share/" + suffix))
        }
        paths.append(debianPath)
        var seen: Set<String> = []
        return FontCatalog(searchPaths: paths.filter { seen.insert($0).inserted })
    }

    public static let debianPath = "/usr/share/unifont/unifont.hex"

    /// What `load()` found: the font, nothing, or a file that cannot be used.
    public enum Outcome: Sendable {
        case loaded(HexFont, path: String)
        case missing(searched: [String])
        case broken(HexFontError)

        public var font: HexFont? {
            if case .loaded(let font, _) = self { return font }
            return nil
        }

        /// One line for `doctor`.
        public var summary: String {
            switch self {
            case .loaded(let font, let path):
                let glyphs = font.glyphCount.map { " (\($0) glyphs)" } ?? ""
                return "\(path)\(glyphs): headlines in big type on large screens"
            case .missing(let searched):
                return "off: no unifont.hex (looked in \(searched.joined(separator: ", "))); install the unifont package"
            case .broken(let error):
                return "off: \(error.description); headlines use normal text"
            }
        }
    }

    /// Reads the first file that exists. A broken one is reported rather than skipped for a
    /// later one, so the file a user put in place is the one `doctor` talks about.
    /// `checkEveryLine` reads the whole file once (`doctor`); the wall does not need to.
    public func load(checkEveryLine: Bool = false) -> Outcome {
        for path in searchPaths where FileManager.default.fileExists(atPath: path) {
            do {
                return .loaded(try HexFont.load(path: path, checkEveryLine: checkEveryLine), path: path)
            } catch {
                return .broken(error)
            }
        }
        return .missing(searched: searchPaths)
    }
}

/// Path text without the disk: joining, the parent, and `.`/`..` folded away. The theme and
/// font search paths are built from environment variables and the executable's location with
/// these, so the paths shown by `spotlight themes` and `doctor` read cleanly and duplicates are
/// recognised. Pure string work: nothing here looks at a file.
public enum PathName {
    public static func join(_ directory: String, _ component: String) -> String {
        directory.hasSuffix("/") ? directory + component : directory + "/" + component
    }

    public static func parent(_ path: String) -> String {
        var parts = path.split(separator: "/")
        guard !parts.isEmpty else { return "/" }
        parts.removeLast()
        return "/" + parts.joined(separator: "/")
    }

    /// Removes `.`, `..` and doubled slashes; the result is absolute.
    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

extension Array where Element == String {
    /// What `joined(separator:)` gives, written out. The standard library's `joined` runs
    /// unspecialised here, and its first call looks up an associated type at run time: a scan
    /// of every conformance record of the binary (~0.3 M instructions). For the code every
    /// `spotlight list` and `show` runs (issue 17); elsewhere `joined` is fine.
    public func plainlyJoined(separator: String) -> String {
        var text = ""
        var first = true
        for part in self {
            if !first { text += separator }
            text += part
            first = false
        }
        return text
    }
}

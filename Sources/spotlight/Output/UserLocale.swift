import Foundation

/// The user's locale, adopted from the environment: one answer to "may we print UTF-8?" for
/// `snapshot`, `stats` and `doctor` (the terminal layer makes its own choice for the screen).
enum UserLocale {
    /// The character set of the environment's locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
    static var codeset: String {
        setlocale(LC_ALL, "")
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }

    static var isUTF8: Bool {
        let name = codeset.uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// Escaping of untrusted text for the newsletter's HTML and Markdown. Every user-authored
/// string passes the terminal sanitizer first (controls made visible, bidi overrides dropped),
/// then the escaper of its format, so a story can never inject markup, scripts or links.
public enum HTMLText {
    /// Text safe inside an element or a quoted attribute. Line breaks become spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in Sanitizer.singleLine(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

public enum MarkdownText {
    /// Inline text that renders literally on CommonMark/GFM forges (GitHub, GitLab). Line
    /// breaks become spaces, so user text can never start a block of its own, and
    /// backslashes (which CommonMark allows before any ASCII punctuation) disarm:
    /// - always: `\` `` ` `` `*` `_` `[` `]` `<` `>` `#` `|` `~` `&` `@` `$` `^` `{` `}` —
    ///   emphasis, code, links, images, raw HTML, headings, `#123` references, table cells,
    ///   strikethrough, entities, `@mentions` and e-mail links, math, footnotes;
    /// - `.` and `:` before a non-space (`www.example.com`, `https://`, `:emoji:`), `.` or `)`
    ///   after leading digits (`1.` lists), and `-` `+` `=` at the very start (lists, rules).
    /// Sentence punctuation stays unescaped, so the Markdown file is still pleasant to read.
    public static func escape(_ s: String) -> String {
        let words = Sanitizer.singleLine(s).split(separator: " ", omittingEmptySubsequences: true)
        // Leading or trailing spaces would be trimmed or read as a hard break; runs collapse anyway.
        let text = Array(words.joined(separator: " "))
        var out = ""
        var leadingDigits = true
        for (i, c) in text.enumerated() {
            let next = i + 1 < text.count ? text[i + 1] : " "
            let escape: Bool = switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "@", "$", "^", "{", "}": true
            case ".": !next.isWhitespace || (leadingDigits && i > 0)
            case ":": !next.isWhitespace
            case ")": leadingDigits && i > 0
            case "-", "+", "=": i == 0
            default: false
            }
            if escape { out.append("\\") }
            out.append(c)
            leadingDigits = leadingDigits && c.isASCII && c.isNumber
        }
        return out
    }
}

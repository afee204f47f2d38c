/// The letter home (issue 16): a one-page, print-ready HTML letter announcing that someone
/// earned a certification level, for the person to take home or post to their family. The seed
/// article's point is that the achievement gains weight when the people who matter to the
/// employee hear of it too.
///
/// Self-contained like the newsletter: inline CSS, no scripts, no external resources, a
/// Content-Security-Policy that forbids them anyway, and every string through `HTMLText.escape`.
/// Print styles that fit A4 and US Letter alike, so it prints on one sheet of either paper.
public enum CertificateLetter {
    /// What the letter says; the caller gathers it from the certification and the board.
    public struct Content: Equatable, Sendable {
        /// The board's name (setting `name`): who is writing.
        public var boardName: String
        /// The person's display name (or login).
        public var recipient: String
        public var program: String
        public var level: Int
        public var levelTitle: String
        /// What the level asked for, from the program file.
        public var requires: String
        /// Display name of the manager who granted it; nil for a level earned by the quiz.
        public var grantedBy: String?
        public var date: CalendarDate
        /// The manager's note or the quiz score.
        public var note: String

        public init(
            boardName: String, recipient: String, program: String, level: Int, levelTitle: String,
            requires: String, grantedBy: String?, date: CalendarDate, note: String
        ) {
            self.boardName = boardName
            self.recipient = recipient
            self.program = program
            self.level = level
            self.levelTitle = levelTitle
            self.requires = requires
            self.grantedBy = grantedBy
            self.date = date
            self.note = note
        }
    }

    public static func html(_ c: Content) -> String {
        let h = HTMLText.escape
        let howEarned = c.grantedBy.map { "It was awarded by \(h($0)), who reviewed the work this level asks for." }
            ?? "It was earned by passing the program’s quiz on our service standards."
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<title>\(h(c.recipient)) · \(h(c.program)) level \(c.level)</title>",
            "<style>", style, "</style>", "</head>", "<body>", "<main class=\"letter\">",
            "<header>", "<p class=\"from\">\(h(c.boardName))</p>", "<p class=\"date\">\(h(c.date.longText))</p>", "</header>",
            "<p>To the family and friends of <strong>\(h(c.recipient))</strong>,</p>",
            "<p>We are delighted to tell you that \(h(c.recipient)) has earned a customer-service certification:</p>",
            "<section class=\"award\">",
            "<p class=\"program\">\(h(c.program))</p>",
            "<p class=\"level\">Level \(c.level) · \(h(c.levelTitle))</p>",
            "<p class=\"requires\">\(h(c.requires))</p>",
            "</section>",
            "<p>\(howEarned)</p>",
        ]
        if NameKey.hasVisibleGrapheme(c.note) { out.append("<p class=\"note\">“\(h(c.note))”</p>") }
        out += [
            "<p>Great service does not happen by chance. It comes from people who learn the standards, "
                + "practise them with every customer and keep improving when nobody is watching. "
                + "\(h(c.recipient)) has shown exactly that, and the whole company has been told.</p>",
            "<p>Please join us in congratulating them.</p>",
            "<p class=\"signature\">With thanks,<br>\(h(c.boardName))</p>",
            "</main>", "</body>", "</html>",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// On screen a centred sheet; on paper the sheet itself. `@page` leaves the size to the print
    /// dialog (`auto`) with 18 mm margins, and the text is set to fit one page of either paper
    /// (A4 is narrower, Letter shorter: the common area is 174 × 243 mm); the print tests of
    /// phase 2 render it in Chromium at both sizes.
    static let style = """
        :root { --ink: #1f2933; --muted: #52606d; --accent: #b7791f; --line: #e4e7eb; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f7fa; color: var(--ink);
               font: 12pt/1.55 Georgia, "Times New Roman", "Noto Serif", "Noto Serif CJK JP", serif; }
        .letter { max-width: 42rem; margin: 2rem auto; padding: 3rem 3.5rem; background: #fff;
                  border-top: 6px solid var(--accent); overflow-wrap: anywhere; }
        header { display: flex; justify-content: space-between; gap: 1rem; border-bottom: 1px solid var(--line);
                 margin-bottom: 2rem; }
        .from { font-weight: 700; letter-spacing: .04em; }
        .date { color: var(--muted); }
        .award { text-align: center; border: 2px solid var(--accent); border-radius: .5rem;
                 padding: 1.25rem 1rem; margin: 1.5rem 0; }
        .program { font-size: 1.6rem; font-weight: 700; margin: 0 0 .25rem; }
        .level { font-size: 1.2rem; color: var(--accent); margin: 0 0 .5rem; }
        .requires { color: var(--muted); font-style: italic; margin: 0; }
        .note { font-style: italic; border-left: 3px solid var(--line); padding-left: 1rem; }
        .signature { margin-top: 2.5rem; }
        @page { size: auto; margin: 18mm; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          .letter { max-width: none; margin: 0; padding: 0; border-top: none; break-inside: avoid; }
          .award { border-color: #000; }
          .level { color: #000; }
        }
        """
}

/// The newsletter as plain text for a terminal, an email body or a chat message: wrapped to
/// `width` display columns, every user string through `Sanitizer.singleLine`.
public enum NewsletterText {
    public static func render(_ issue: Newsletter, width: Int = 78) -> String {
        let s = Sanitizer.singleLine
        let w = max(20, width)
        var out: [String] = []
        func para(_ text: String) { out += DisplayWidth.wrap(text, width: w) }
        /// A list item: "* " on the first line, continuation lines indented under the text.
        func item(_ text: String) {
            out += DisplayWidth.wrap(text, width: w - 2).enumerated().map { ($0.offset == 0 ? "* " : "  ") + $0.element }
        }
        func heading(_ text: String) {
            out += ["", text.uppercased(), String(repeating: "-", count: min(w, DisplayWidth.of(text)))]
        }
        let title = s(issue.title)
        out += DisplayWidth.wrap(title, width: w)
        out.append(String(repeating: "=", count: min(w, DisplayWidth.of(title))))
        if let edition = issue.specialEdition { para("\(s(edition)) — special issue") }
        para(issue.period.text)
        out.append("")
        para(s(issue.introduction))
        if issue.isEmpty {
            out.append("")
            para(Newsletter.emptyMessage)
        }
        if !issue.highlights.isEmpty {
            heading("Highlights")
            for story in issue.highlights { out += block(story, width: w) }
        }
        if !issue.dailyHighlights.isEmpty {
            heading("Day by day")
            for daily in issue.dailyHighlights {
                let text = daily.story.map { "\(s($0.reference.title)) — \(s($0.reference.hero)) (\(counts($0.reference)), #\($0.reference.id))" }
                item("\(daily.day.longText): \(text ?? "no stories that day")")
            }
        }
        if !issue.departments.isEmpty {
            heading("Top stories by department")
            for section in issue.departments {
                out += ["", "[\(s(section.name))]"]
                for story in section.stories { out += block(story, width: w) }
            }
        }
        if !issue.medallions.isEmpty {
            heading("Medallions given")
            for line in issue.medallions {
                item("\(s(line.hero)): \(Plural.count(line.count, "medallion")) for \"\(s(line.story.title))\" (#\(line.story.id))")
            }
        }
        if !issue.newcomers.isEmpty {
            heading("New to the board")
            for newcomer in issue.newcomers {
                item("\(s(newcomer.name)), first story: \"\(s(newcomer.firstStory.title))\" (#\(newcomer.firstStory.id))")
            }
        }
        if !issue.certified.isEmpty {
            heading("Certified this period")
            for line in issue.certified { item("\(s(line.who)): \(s(line.program)), \(s(line.levelText)) (\(line.on.longText))") }
        }
        heading("By the numbers")
        para(issue.numbers.sentence)
        out += ["", String(repeating: "-", count: min(w, 40))]
        para("\(Newsletter.footer) Issue of \(issue.generatedOn.longText).")
        return out.joined(separator: "\n") + "\n"
    }

    /// A story: title, who and where, the excerpt indented, who told it.
    private static func block(_ story: NewsletterStory, width: Int) -> [String] {
        let s = Sanitizer.singleLine
        let r = story.reference
        let indent = "    "
        func wrapped(_ text: String) -> [String] {
            DisplayWidth.wrap(text, width: width - indent.count).map { indent + $0 }
        }
        var lines = [""] + DisplayWidth.wrap("#\(r.id)  \(s(r.title))", width: width)
        let department = Story.department(r.department, besideHero: r.hero).map { " · " + s($0) } ?? ""
        lines += wrapped("\(s(r.hero))\(department) · \(story.customer.rawValue) customer · \(counts(r))")
        if let note = story.pinNote { lines += wrapped("Pinned: \(s(note))") }
        // The story's own line breaks stay; a blank line between its paragraphs.
        for (i, paragraph) in story.paragraphs.enumerated() {
            if i > 0 { lines.append("") }
            for line in paragraph { lines += wrapped(s(line)) }
        }
        lines += wrapped("Posted by \(s(story.postedBy))")
        return lines
    }

    private static func counts(_ r: StoryReference) -> String {
        "\(Plural.count(r.votes, "vote")), \(Plural.count(r.medallions, "medallion"))"
    }
}

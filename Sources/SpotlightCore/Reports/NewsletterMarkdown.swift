/// The newsletter as Markdown for a forge's wiki, issue or README (GitHub, GitLab). Every
/// user string goes through `MarkdownText.escape`; our own words are written to need none.
/// Story numbers are code spans (`#12`) so forges do not turn them into issue links.
public enum NewsletterMarkdown {
    public static func render(_ issue: Newsletter) -> String {
        let md = MarkdownText.escape
        var out: [String] = ["# \(md(issue.title))", ""]
        if let edition = issue.specialEdition { out += ["**\(md(edition)) — special issue**", ""] }
        out += ["*\(issue.period.text)*", "", md(issue.introduction), ""]
        if issue.isEmpty {
            out += ["> \(md(Newsletter.emptyMessage))", ""]
        }
        if !issue.highlights.isEmpty {
            out += ["## 📌 Highlights", ""]
            for story in issue.highlights { out += storyBlock(story, heading: "###") }
        }
        if !issue.dailyHighlights.isEmpty {
            out += ["## 📅 Day by day", ""]
            for daily in issue.dailyHighlights {
                if let story = daily.story {
                    out.append("- **\(daily.day.longText)** — \(md(story.reference.title)) · \(md(story.reference.hero)) · \(counts(story.reference)) · \(ref(story.reference))")
                } else {
                    out.append("- **\(daily.day.longText)** — no stories that day")
                }
            }
            out.append("")
        }
        if !issue.departments.isEmpty {
            out += ["## 🏢 Top stories by department", ""]
            for section in issue.departments {
                out += ["### \(md(section.name))", ""]
                for story in section.stories { out += storyBlock(story, heading: nil) }
            }
        }
        if !issue.medallions.isEmpty {
            out += ["## 🏅 Medallions given", ""]
            for line in issue.medallions {
                out.append("- **\(md(line.hero))** — \(Plural.count(line.count, "medallion")) for “\(md(line.story.title))” \(ref(line.story))")
            }
            out.append("")
        }
        if !issue.newcomers.isEmpty {
            out += ["## 👋 New to the board", ""]
            for newcomer in issue.newcomers {
                out.append("- **\(md(newcomer.name))** — first story: “\(md(newcomer.firstStory.title))” \(ref(newcomer.firstStory))")
            }
            out.append("")
        }
        if !issue.certified.isEmpty {
            out += ["## 🎓 Certified this period", ""]
            for line in issue.certified {
                out.append("- **\(md(line.who))** — \(md(line.program)), \(md(line.levelText)) · \(line.on.longText)")
            }
            out.append("")
        }
        out += ["## 📊 By the numbers", "", md(issue.numbers.sentence), "", "---", "",
                "*\(md(Newsletter.footer)) Issue of \(issue.generatedOn.longText).*"]
        return out.joined(separator: "\n") + "\n"
    }

    /// A story as a heading (highlights) or a list item (department sections).
    private static func storyBlock(_ story: NewsletterStory, heading: String?) -> [String] {
        let md = MarkdownText.escape
        let r = story.reference
        let department = Story.department(r.department, besideHero: r.hero).map { " · " + md($0) } ?? ""
        let meta = "**\(md(r.hero))**\(department) · \(story.customer.rawValue) customer · \(counts(r)) · \(ref(r))"
        // A backslash at the end of a line is CommonMark's hard break (trailing spaces would be
        // invisible); it keeps the story's own line breaks. Each line is escaped on its own, so
        // none can start a block.
        var lines: [String]
        if let heading {
            lines = ["\(heading) \(md(r.title))", "", meta, ""]
            if let note = story.pinNote { lines += ["> Pinned: \(md(note))", ""] }
            for paragraph in story.paragraphs { lines += [paragraph.map(md).joined(separator: "\\\n"), ""] }
            lines += ["*Posted by \(md(story.postedBy))*", ""]
        } else {
            // Inside a list item a blank line would loosen the list, so paragraphs are line breaks too.
            lines = ["- **\(md(r.title))**\\", "  \(meta)\\"]
            lines += story.paragraphs.joined().map { "  \(md($0))\\" }
            lines += ["  *Posted by \(md(story.postedBy))*", ""]
        }
        return lines
    }

    static func counts(_ r: StoryReference) -> String {
        RecognitionMarks.unicode.counts(votes: r.votes, medallions: r.medallions)
    }

    static func ref(_ r: StoryReference) -> String { "`#\(r.id)`" }
}

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
                out.append("- **\(md(line.hero))** — \(line.count) \(line.count == 1 ? "medallion" : "medallions") for “\(md(line.story.title))” \(ref(line.story))")
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
        out += ["## 📊 By the numbers", "", md(issue.numbers.sentence), "", "---", "",
                "*\(md(Newsletter.footer)) Issue of \(issue.generatedOn.longText).*"]
        return out.joined(separator: "\n") + "\n"
    }

    /// A story as a heading (highlights) or a list item (department sections).
    private static func storyBlock(_ story: NewsletterStory, heading: String?) -> [String] {
        let md = MarkdownText.escape
        let r = story.reference
        let meta = "**\(md(r.hero))** · \(md(r.department)) · \(story.customer.rawValue) customer · \(counts(r)) · \(ref(r))"
        var lines: [String]
        if let heading {
            lines = ["\(heading) \(md(r.title))", "", meta, ""]
            if let note = story.pinNote { lines += ["> Pinned: \(md(note))", ""] }
            if !story.excerpt.isEmpty { lines += [md(story.excerpt), ""] }
            lines += ["*Posted by \(md(story.postedBy))*", ""]
        } else {
            // A backslash at the end of a line is CommonMark's hard break (trailing spaces would be invisible).
            lines = ["- **\(md(r.title))**\\", "  \(meta)\\"]
            if !story.excerpt.isEmpty { lines.append("  \(md(story.excerpt))\\") }
            lines += ["  *Posted by \(md(story.postedBy))*", ""]
        }
        return lines
    }

    static func counts(_ r: StoryReference) -> String {
        "▲ \(r.votes) \(r.votes == 1 ? "vote" : "votes") · ◆ \(r.medallions) \(r.medallions == 1 ? "medallion" : "medallions")"
    }

    static func ref(_ r: StoryReference) -> String { "`#\(r.id)`" }
}

/// The newsletter as one self-contained HTML file: inline CSS, no scripts, no external
/// resources, every user string through `HTMLText.escape`. It can be mailed, put on an
/// intranet or printed as it is. Counts carry the board's ★ and 🏅 with their words ("★ 3
/// votes"), so a print server without an emoji font shows a box but loses no meaning.
public enum NewsletterHTML {
    public static func render(_ issue: Newsletter) -> String {
        let h = HTMLText.escape
        var out: [String] = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            // Belt and braces: even if something slipped through, the page may not run or fetch anything.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
            "<title>\(h(issue.title + (issue.specialEdition.map { " · \($0)" } ?? "")))</title>",
            "<style>", NewsletterStyle.css, "</style>", "</head>", "<body>", "<main>", "<header>",
            "<h1>\(h(issue.title))</h1>",
        ]
        if let edition = issue.specialEdition { out.append("<p class=\"edition\">\(h(edition)) — special issue</p>") }
        out += ["<p class=\"period\">\(h(issue.period.text))</p>", "</header>", "<p class=\"intro\">\(h(issue.introduction))</p>"]
        if issue.isEmpty { out.append("<p class=\"empty\">\(h(Newsletter.emptyMessage))</p>") }
        if !issue.highlights.isEmpty {
            out.append("<section>\n<h2>Highlights</h2>")
            out += issue.highlights.map(article)
            out.append("</section>")
        }
        if !issue.dailyHighlights.isEmpty {
            out.append("<section>\n<h2>Day by day</h2>\n<ul>")
            for daily in issue.dailyHighlights {
                let text = daily.story.map { "\(h($0.reference.title)) · <span class=\"hero\">\(h($0.reference.hero))</span> · \(counts($0.reference)) \(ref($0.reference))" }
                out.append("<li><strong>\(h(daily.day.longText))</strong> — \(text ?? "no stories that day")</li>")
            }
            out.append("</ul>\n</section>")
        }
        if !issue.departments.isEmpty {
            out.append("<section>\n<h2>Top stories by department</h2>")
            for section in issue.departments {
                out.append("<h3>\(h(section.name))</h3>")
                out += section.stories.map(article)
            }
            out.append("</section>")
        }
        if !issue.medallions.isEmpty {
            out.append("<section>\n<h2>Medallions given</h2>\n<ul>")
            for line in issue.medallions {
                out.append("<li><span class=\"hero\">\(h(line.hero))</span> — \(Plural.count(line.count, "medallion")) for “\(h(line.story.title))” \(ref(line.story))</li>")
            }
            out.append("</ul>\n</section>")
        }
        if !issue.newcomers.isEmpty {
            out.append("<section>\n<h2>New to the board</h2>\n<ul>")
            for newcomer in issue.newcomers {
                out.append("<li><span class=\"hero\">\(h(newcomer.name))</span> — first story: “\(h(newcomer.firstStory.title))” \(ref(newcomer.firstStory))</li>")
            }
            out.append("</ul>\n</section>")
        }
        if !issue.certified.isEmpty {
            out.append("<section>\n<h2>Certified this period</h2>\n<ul>")
            for line in issue.certified {
                out.append("<li><span class=\"hero\">\(h(line.who))</span> — \(h(line.program)), \(h(line.levelText)) · \(h(line.on.longText))</li>")
            }
            out.append("</ul>\n</section>")
        }
        out += ["<section>\n<h2>By the numbers</h2>", "<p>\(h(issue.numbers.sentence))</p>", "</section>",
                "<footer>\(h(Newsletter.footer)) Issue of \(h(issue.generatedOn.longText)).</footer>",
                "</main>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    private static func article(_ story: NewsletterStory) -> String {
        let h = HTMLText.escape
        let r = story.reference
        let department = Story.department(r.department, besideHero: r.hero).map { " · " + h($0) } ?? ""
        var parts = [
            "<article>", "<h4>\(h(r.title))</h4>",
            "<p class=\"meta\"><span class=\"hero\">\(h(r.hero))</span>\(department) · \(story.customer.rawValue) customer · \(counts(r)) \(ref(r))</p>",
        ]
        if let note = story.pinNote { parts.append("<p class=\"note\">Pinned: \(h(note))</p>") }
        // The story's own line breaks, as the wall shows them: a paragraph each, <br> inside.
        for paragraph in story.paragraphs {
            parts.append("<p class=\"excerpt\">\(paragraph.map(h).joined(separator: "<br>\n"))</p>")
        }
        parts += ["<p class=\"by\">Posted by \(h(story.postedBy))</p>", "</article>"]
        return parts.joined(separator: "\n")
    }

    private static func counts(_ r: StoryReference) -> String { NewsletterMarkdown.counts(r) }

    private static func ref(_ r: StoryReference) -> String { "<span class=\"ref\">#\(r.id)</span>" }
}

/// "Excellence in Service" as an aligned text table and as Markdown.
public enum AwardsText {
    static func heading(_ report: AwardsReport) -> String {
        var text = "Excellence in Service — \(report.title)"
        if let customer = report.customer { text += " (\(customer.rawValue) customers)" }
        return text
    }

    static func placeName(_ place: Int) -> String {
        switch place {
        case 1: "winner"
        case 2: "2nd"
        case 3: "3rd"
        default: "\(place)th"
        }
    }

    /// Why a place was won when scores were equal, e.g. "tie on score; more medallions".
    static func tieNote(_ standing: AwardStanding) -> String {
        guard let by = standing.aheadOfNextBy, by != .score else { return "" }
        return by == .name ? "tie; by name A–Z" : "tie on score; more \(by.rawValue)"
    }

    /// The department heading of a winner's stories: "Billing — Priya Shah", or the name once
    /// for a team named after its department.
    static func winnerHeading(_ department: String, _ hero: String, escape: (String) -> String) -> String {
        Story.department(department, besideHero: hero) == nil ? escape(department) : "\(escape(department)) — \(escape(hero))"
    }

    /// `marks` are ASCII where the output is (a non-UTF-8 locale).
    public static func text(_ report: AwardsReport, marks: RecognitionMarks = .unicode) -> String {
        var out = [Sanitizer.singleLine(heading(report)), report.period.text, AwardFormula.description, ""]
        guard !report.departments.isEmpty else {
            out.append("No stories in this period\(report.customer.map { " for \($0.rawValue) customers" } ?? ""), so no awards yet.")
            return out.joined(separator: "\n") + "\n"
        }
        var table = TextTable([.init("DEPARTMENT", maxWidth: 24), .init("PLACE"), .init("HERO", maxWidth: 28),
                               .init("SCORE", .right), .init("STORIES", .right), .init("VOTES", .right),
                               .init("MEDALLIONS", .right), .init("")])
        for award in report.departments {
            for standing in award.standings {
                let t = standing.tally
                table.add([standing.place == 1 ? award.department : "", placeName(standing.place), standing.hero,
                           String(standing.score), String(t.stories), String(t.votes), String(t.medallions), tieNote(standing)])
            }
        }
        out += table.lines()
        out += ["", "The stories that earned it"]
        for award in report.departments {
            guard let winner = award.winner else { continue }
            out += ["", winnerHeading(award.department, winner.hero, escape: Sanitizer.singleLine)]
            var stories = TextTable([.init("", .right), .init("", maxWidth: 60), .init("", .right), .init("", .right)])
            for story in winner.stories {
                stories.add(["#\(story.id)", story.title, "\(marks.votes) \(story.votes)", "\(marks.medallion) \(story.medallions)"])
            }
            out += stories.lines(indent: "  ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ report: AwardsReport) -> String {
        let md = MarkdownText.escape
        var out = ["# 🏆 \(md(heading(report)))", "", "*\(report.period.text)*", "", md(AwardFormula.description), ""]
        guard !report.departments.isEmpty else {
            out.append(md("No stories in this period, so no awards yet."))
            return out.joined(separator: "\n") + "\n"
        }
        out += ["| Department | Place | Hero | Score | Stories | Votes | Medallions | |",
                "|---|---|---|--:|--:|--:|--:|---|"]
        for award in report.departments {
            for standing in award.standings {
                let t = standing.tally
                let department = standing.place == 1 ? "**\(md(award.department))**" : ""
                out.append("| \(department) | \(placeName(standing.place)) | \(md(standing.hero)) | \(standing.score) | \(t.stories) | \(t.votes) | \(t.medallions) | \(md(tieNote(standing))) |")
            }
        }
        out += ["", "## The stories that earned it"]
        let marks = RecognitionMarks.unicode
        for award in report.departments {
            guard let winner = award.winner else { continue }
            out += ["", "### " + winnerHeading(award.department, winner.hero, escape: md), ""]
            for story in winner.stories {
                out.append("- `#\(story.id)` \(md(story.title)) · \(marks.votes) \(story.votes) · \(marks.medallion) \(story.medallions)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

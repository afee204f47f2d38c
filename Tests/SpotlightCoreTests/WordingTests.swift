import Foundation
import Testing
@testable import SpotlightCore

/// Plurals, possessives, pin ends and the hero/department pair as every screen and report words them.
@Suite struct WordingTests {
    @Test func countsAgreeWithTheirNoun() {
        #expect(Plural.count(1, "vote") == "1 vote")
        #expect(Plural.count(0, "vote") == "0 votes")
        #expect(Plural.count(2, "vote") == "2 votes")
        #expect(Plural.count(1, "story") == "1 story")
        #expect(Plural.count(3, "story") == "3 stories")
        #expect(Plural.count(3, "day") == "3 days")
        #expect(Plural.count(2, "box") == "2 boxes")
        #expect(Plural.count(2, "hero", "heroes") == "2 heroes")
        #expect(Plural.count(1, "medallion was", "medallions were") == "1 medallion was")
        #expect(Plural.count(0, "medallion", zero: "no") == "no medallions")
        #expect(Plural.count(1, "medallion", zero: "no") == "1 medallion")
        #expect(Plural.noun(1, "story") == "story" && Plural.noun(5, "story") == "stories")
    }

    @Test func possessivesOfNamesEndingInSTakeTheApostropheAlone() {
        #expect(Possessive.of("Facilities") == "Facilities'")
        #expect(Possessive.of("SALES") == "SALES'")
        #expect(Possessive.of("Mary") == "Mary's")
        #expect(Possessive.of("IT Help Desk") == "IT Help Desk's")
        #expect(Possessive.of("") == "")
    }

    /// "until friday" is stored as the midnight that starts Saturday: the people-facing text
    /// names Friday, the last day the pin covers; a pin ending mid-day shows its time.
    @Test func aPinEndingAtMidnightShowsTheLastDayItCovers() {
        let utc = TimeZone(identifier: "UTC")!
        let saturdayMidnight = Date(timeIntervalSince1970: 1_796_428_800)  // 2026-12-05T00:00:00Z
        #expect(ClockText.pinEnd(saturdayMidnight, timeZone: utc) == "Fri 4 Dec")
        #expect(ClockText.pinEnd(saturdayMidnight.addingTimeInterval(17 * 3600), timeZone: utc) == "Sat 5 Dec 17:00")
        // The same moment where it is not midnight is shown with its local time.
        #expect(ClockText.pinEnd(saturdayMidnight, timeZone: TimeZone(identifier: "America/New_York")!) == "Fri 4 Dec 19:00")
    }

    @Test func aDepartmentThatOnlyRepeatsTheHeroIsShownOnce() {
        let team = Story(id: 1, title: "t", hero: "IT Help Desk", department: "it  help desk", author: "a", authorName: "A", createdAt: .distantPast)
        #expect(team.departmentBesideHero == nil)
        let person = Story(id: 2, title: "t", hero: "Dara Quinn", department: "IT Help Desk", author: "a", authorName: "A", createdAt: .distantPast)
        #expect(person.departmentBesideHero == "IT Help Desk")
    }

    @Test func recognitionMarksAreTheWallsWithTheirWords() {
        #expect(RecognitionMarks.unicode.counts(votes: 1, medallions: 2) == "★ 1 vote · 🏅 2 medallions")
        #expect(RecognitionMarks.forOutput(unicode: false).counts(votes: 0, medallions: 1) == "* 0 votes · (m) 1 medallion")
    }

    @Test func awardsUseTheBoardsMarksAndNameATeamOnce() {
        let year = ReportPeriod(first: CalendarDate(year: 2026, month: 1, day: 1)!, last: CalendarDate(year: 2026, month: 12, day: 31)!,
                                timeZone: TimeZone(identifier: "UTC")!)
        let stories = [Story(id: 1, title: "Desk", hero: "IT Help Desk", department: "IT Help Desk", author: "a", authorName: "A",
                             createdAt: Date(timeIntervalSince1970: 1_790_000_000), votes: 4, medallions: 1)]
        let report = Awards.compute(title: "Acme 2026", stories: stories, period: year)
        let text = AwardsText.text(report)
        #expect(text.contains("★ 4") && text.contains("🏅 1") && !text.contains("▲") && !text.contains("◆"))
        #expect(text.contains("\nIT Help Desk\n") && !text.contains("IT Help Desk — IT Help Desk"))
        #expect(AwardsText.text(report, marks: .ascii).contains("* 4  (m) 1"))
        #expect(AwardsText.markdown(report).contains("### IT Help Desk\n"))
    }
}

import Foundation
import Testing
@testable import SpotlightCore

/// What goes into an issue: highlights, departments, medallions, newcomers, numbers.
@Suite struct ReportNewsletterTests {
    typealias F = ReportFixtures
    let week = F.period("2026-10-05", "2026-10-09")

    func issue(_ stories: [Story], pinned: [Story] = [], medallions: [GivenMedallion] = [], firstPosts: [String: Date] = [:],
               special: String? = nil) -> Newsletter {
        NewsletterBuilder.build(NewsletterInput(boardName: "Acme", period: week, now: F.now, stories: stories, pinned: pinned,
                                                medallions: medallions, firstPosts: firstPosts, specialEdition: special))
    }

    func given(_ story: Story, at time: String, id: Int = 1, hero: String? = nil) -> GivenMedallion {
        GivenMedallion(medallion: Medallion(id: id, storyID: story.id, giver: "dana", hero: hero ?? story.hero, givenAt: F.at(time), year: 2026),
                       story: StoryReference(story))
    }

    @Test func departmentsAreListedAToZWithTheirTopThreeStories() {
        let stories = [
            F.story(1, hero: "A", department: "Support", votes: 1), F.story(2, hero: "B", department: "Support", votes: 5),
            F.story(3, hero: "C", department: "Support", votes: 3), F.story(4, hero: "D", department: "support", votes: 0),
            F.story(5, hero: "E", department: "Billing", votes: 2),
        ]
        let sections = issue(stories).departments
        #expect(sections.map(\.name) == ["Billing", "Support"])
        #expect(sections[1].stories.map(\.reference.id) == [2, 3, 1])
    }

    @Test func aPeriodWithOneDepartmentHasOneSection() {
        let sections = issue([F.story(1, hero: "A", department: "Legal"), F.story(2, hero: "B", department: "Legal")]).departments
        #expect(sections.map(\.name) == ["Legal"])
        #expect(sections[0].stories.count == 2)
    }

    @Test func pinnedHighlightsAreNotRepeatedUnderTheirDepartment() {
        let pinned = F.story(1, hero: "A", votes: 9, pin: Pin(pinnedBy: "dana", pinnedAt: F.at("2026-10-05T12:00"), note: "Story of the week"))
        let result = issue([pinned, F.story(2, hero: "B")], pinned: [pinned])
        #expect(result.highlights.map(\.reference.id) == [1])
        #expect(result.highlights.first?.pinNote == "Story of the week")
        #expect(result.departments.flatMap(\.stories).map(\.reference.id) == [2])
    }

    @Test func anOlderStoryPinnedDuringThePeriodIsAHighlightButAnExpiredPinIsNot() {
        let live = F.story(1, hero: "A", at: "2026-08-01T10:00", pin: Pin(pinnedBy: "dana", pinnedAt: F.at("2026-09-01T00:00")))
        let expired = F.story(2, hero: "B", at: "2026-08-01T10:00",
                              pin: Pin(pinnedBy: "dana", pinnedAt: F.at("2026-09-01T00:00"), until: F.at("2026-10-04T00:00")))
        let later = F.story(3, hero: "C", at: "2026-08-01T10:00", pin: Pin(pinnedBy: "dana", pinnedAt: F.at("2026-10-10T00:00")))
        #expect(issue([], pinned: [live, expired, later]).highlights.map(\.reference.id) == [1])
    }

    @Test func hiddenAndRemovedStoriesAppearNowhere() {
        let pin = Pin(pinnedBy: "dana", pinnedAt: F.at("2026-10-05T12:00"))
        let hidden = F.story(1, hero: "Secret Hero", status: .hidden, pin: pin)
        let removed = F.story(2, hero: "Gone Hero", status: .removed, pin: pin)
        let result = issue([hidden, removed, F.story(3, hero: "Shown")], pinned: [hidden, removed])
        #expect(result.highlights.isEmpty)
        #expect(result.departments.flatMap(\.stories).map(\.reference.id) == [3])
        #expect(result.numbers.stories == 1)
        for text in [NewsletterMarkdown.render(result), NewsletterHTML.render(result), NewsletterText.render(result)] {
            #expect(!text.contains("Secret Hero") && !text.contains("Gone Hero") && !text.contains("Story 1") && !text.contains("Story 2"))
        }
    }

    @Test func medallionsGivenInThePeriodAreGroupedByStory() {
        let a = F.story(1, hero: "Mary Lopez", at: "2026-09-01T10:00"), b = F.story(2, hero: "Tom")
        let result = issue([b], medallions: [
            given(a, at: "2026-10-06T09:00", id: 1, hero: "Mary"), given(a, at: "2026-10-07T09:00", id: 2),
            given(b, at: "2026-10-08T09:00", id: 3), given(b, at: "2026-09-30T09:00", id: 4),  // before the period
        ])
        #expect(result.medallions.map(\.story.id) == [1, 2])
        #expect(result.medallions.map(\.count) == [2, 1])
        #expect(result.medallions.first?.hero == "Mary")  // as named when the first was given
        #expect(result.numbers.medallions == 3)
    }

    @Test func newcomersAreAuthorsWhoseFirstStoryIsInThePeriod() {
        let stories = [
            F.story(1, hero: "A", at: "2026-10-05T09:00", author: "old", authorName: "Old Hand"),
            F.story(2, hero: "B", at: "2026-10-06T09:00", author: "new", authorName: "New Face"),
            F.story(3, hero: "C", at: "2026-10-07T09:00", author: "new", authorName: "New Face"),
        ]
        let result = issue(stories, firstPosts: ["old": F.at("2025-01-01T00:00"), "new": F.at("2026-10-06T09:00")])
        #expect(result.newcomers.map(\.name) == ["New Face"])
        #expect(result.newcomers.first?.firstStory.id == 2)
    }

    @Test func theNumbersCountTellersHeroesDepartmentsAndCustomers() {
        let result = issue([
            F.story(1, hero: "Mary", department: "Support", votes: 3, customer: .internal, author: "a"),
            F.story(2, hero: "mary", department: "support", votes: 2, author: "a"),
            F.story(3, hero: "Tom", department: "Billing", author: "kiosk", onBehalfOf: "Rita"),
            F.story(4, hero: "Tom", department: "Billing", author: "kiosk", onBehalfOf: "Sam"),
        ])
        // Storytellers are accounts (a and the kiosk), not the names typed as on-behalf-of.
        #expect(result.numbers == NewsletterNumbers(stories: 4, storytellers: 2, heroes: 2, departments: 2,
                                                    internalCustomers: 1, externalCustomers: 3, votes: 5, medallions: 0))
        #expect(result.numbers.sentence.hasPrefix("4 stories posted by 2 storytellers recognised 2 people and teams in 2 departments"))
    }

    @Test func anEmptyPeriodMakesAFriendlyIssue() {
        let result = issue([])
        #expect(result.isEmpty)
        for text in [NewsletterMarkdown.render(result), NewsletterHTML.render(result), NewsletterText.render(result)] {
            #expect(text.contains("No stories in this period"))
        }
    }

    @Test func theServiceWeekIssueHasEachDaysMostUpvotedStory() {
        let result = issue([
            F.story(1, hero: "A", votes: 2, at: "2026-10-05T09:00"), F.story(2, hero: "B", votes: 7, at: "2026-10-05T15:00"),
            F.story(3, hero: "C", votes: 1, at: "2026-10-07T09:00"), F.story(4, hero: "D", votes: 1, at: "2026-10-07T10:00"),
        ], special: "Customer Service Week 2026")
        #expect(result.dailyHighlights.map(\.day.description) == ["2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09"])
        #expect(result.dailyHighlights.map { $0.story?.reference.id } == [2, nil, 3, nil, nil])  // a tie goes to the first posted
        #expect(issue([]).dailyHighlights.isEmpty)
    }

    @Test func excerptsKeepTheStorysLineBreaksAndAreCutAtAWord() {
        let body = "\n  First   line\r\nstill first paragraph\n\n\n\nsecond   line " + String(repeating: "word ", count: 80)
        let story = NewsletterStory(F.story(1, hero: "A", body: body))
        #expect(story.excerpt.hasPrefix("First line\nstill first paragraph\n\nsecond line word"))
        #expect(story.paragraphs.count == 2 && story.paragraphs[0] == ["First line", "still first paragraph"])
        #expect(story.excerpt.hasSuffix("word…"))
        #expect(story.excerpt.count <= Newsletter.excerptLength)
        #expect(NewsletterStory.excerpt(String(repeating: "x", count: 300), length: 10) == "xxxxxxxxx…")
        // A cut at a paragraph break leaves no blank line before the ellipsis.
        #expect(NewsletterStory.excerpt("one two\n\nthree four", length: 10) == "one two…")
    }

    /// The wall keeps a story's line breaks; so does every newsletter format, still escaped.
    @Test func everyFormatKeepsLineBreaksAndEscapesEachLine() {
        let body = "Line <one>\n- line two\n\nNew *paragraph*"
        let result = issue([F.story(1, hero: "A", votes: 3, at: "2026-10-05T09:00", body: body)])
        let html = NewsletterHTML.render(result)
        #expect(html.contains("<p class=\"excerpt\">Line &lt;one&gt;<br>\n- line two</p>\n<p class=\"excerpt\">New *paragraph*</p>"))
        let markdown = NewsletterMarkdown.render(result)
        #expect(markdown.contains("  Line \\<one\\>\\\n  \\- line two\\\n  New \\*paragraph\\*\\\n"))
        let text = NewsletterText.render(result)
        #expect(text.contains("    Line <one>\n    - line two\n\n    New *paragraph*\n"))
    }

    @Test func countsAreSingularForOne() {
        var numbers = NewsletterNumbers()
        (numbers.stories, numbers.storytellers, numbers.heroes, numbers.departments) = (1, 1, 1, 1)
        (numbers.votes, numbers.medallions) = (1, 1)
        #expect(numbers.sentence == "1 story posted by 1 storyteller recognised 1 person or team in 1 department "
            + "(0 for internal customers, 0 for external). They received 1 vote, and 1 medallion was given.")
        let markdown = NewsletterMarkdown.render(issue([F.story(1, hero: "A", votes: 1, at: "2026-10-05T09:00")]))
        #expect(markdown.contains("★ 1 vote · 🏅 0 medallions") && !markdown.contains("▲") && !markdown.contains("◆"))
    }
}

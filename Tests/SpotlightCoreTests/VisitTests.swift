import Foundation
import SpotlightCore
import Testing

@Suite struct VisitTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let now = Date(timeIntervalSince1970: 1_796_083_200)   // Tue 1 Dec 2026 00:00 UTC

    static func story(_ id: StoryID, hero: String = "Sam", department: String = "Billing", author: String = "ann") -> Story {
        Story(id: id, title: "Story \(id)", hero: hero, department: department, author: author, authorName: author, createdAt: now)
    }

    @Test func seenStoriesFoldIntoTheMarkOnlyWhenNothingUnseenIsInTheWay() {
        var marks = VisitMarks(board: "b", seenThrough: 10, auditThrough: 0, visitedAt: Self.now)
        marks.see([12, 13, 9])
        #expect(marks.hasSeen(9) && marks.hasSeen(12) && !marks.hasSeen(11))
        marks.compact(visibleAbove: [11, 12, 13])
        #expect(marks.seenThrough == 10 && marks.seenAbove == [12, 13], "11 is unseen: nothing folds")
        marks.see([11])
        marks.compact(visibleAbove: [11, 12, 13, 14])
        #expect(marks.seenThrough == 13 && marks.seenAbove == [])
        marks.see([15])   // 14 was removed meanwhile
        marks.compact(visibleAbove: [15])
        #expect(marks.seenThrough == 15 && marks.seenAbove == [])
    }

    @Test func storiesAboutYouOrYourDepartmentComeFirstThenOldestFirst() {
        let me = Account(login: "mlopez", displayName: "Mary Lopez")
        let stories = [Self.story(5), Self.story(3, department: "Support"), Self.story(4, hero: "mary  LOPEZ"), Self.story(2)]
        let ordered = News.ordered(stories, for: me, departments: ["support"])
        #expect(ordered.map(\.id) == [3, 4, 2, 5])
    }

    @Test func theSummarySaysWhatAndSinceWhen() {
        let tuesdayWeekAgo = Self.now.addingTimeInterval(-4 * 86_400)   // Fri 27 Nov
        var news = News(stories: (1...7).map { Self.story($0) }, recognitions: [], since: tuesdayWeekAgo)
        #expect(news.summary(now: Self.now, timeZone: Self.utc) == "7 new stories since Friday")
        news.recognitions = [.init(story: Self.story(9), votes: 23, medallions: 0)]
        #expect(news.summary(now: Self.now, timeZone: Self.utc) == "7 new stories and 23 votes on yours since Friday")
        news.stories = [Self.story(1)]
        news.since = Self.now.addingTimeInterval(-3600)
        #expect(news.summary(now: Self.now, timeZone: Self.utc) == "1 new story and 23 votes on yours since yesterday")
        news = News(stories: [], recognitions: [], since: Self.now.addingTimeInterval(-40 * 86_400))
        #expect(news.summary(now: Self.now, timeZone: Self.utc) == "Nothing new since 22 Oct")
        #expect(news.bannerLine() == nil)
    }

    @Test func yourStoriesRecognitionIsOneLineEach() {
        let line = News.line(for: .init(story: Self.story(42, hero: "Mary"), votes: 5, medallions: 1))
        #expect(line == "Mary's story you posted got 5 votes and a medallion (#42)")
        #expect(News(stories: [Self.story(1), Self.story(2), Self.story(3)], recognitions: [], since: Self.now).bannerLine()
                == "3 new stories since your last visit — type `spotlight`")
    }
}

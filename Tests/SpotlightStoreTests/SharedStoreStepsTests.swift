import Foundation
import SpotlightCore
import SpotlightStore
import Testing

/// Steps every board takes alike: the wall's working set and a program's stored form.
@Suite struct SharedStoreStepsTests {
    static func story(_ id: StoryID, _ title: String = "") -> Story {
        Story(id: id, title: title.isEmpty ? "Story \(id)" : title, hero: "Sam", author: "ann", authorName: "Ann",
              createdAt: TempBoard.now)
    }

    @Test func theWorkingSetKeepsEachStoryOnceWhereItFirstAppears() {
        let pinned = [Self.story(7, "pinned")], hottest = [Self.story(3), Self.story(7, "hot copy")]
        let newest = [Self.story(9), Self.story(3)], best = [Self.story(1), Self.story(9)]
        let working = WallSnapshot.workingSet([pinned, hottest, newest, best])
        #expect(working.map(\.id) == [7, 3, 9, 1])
        #expect(working.first?.title == "pinned")
        #expect(WallSnapshot.workingSet([]).isEmpty)
    }

    @Test func aStoredProgramReadsBackAndDamageIsNamed() throws {
        let program = OutsideChangesTests.program
        let text = try StoredProgram.encode(program)
        #expect(try StoredProgram.decode(text) == program)
        #expect(text.hasPrefix("{\"description\""), "keys sorted, so both stores write the same text")
        #expect(throws: SpotlightError.runtime("a certification program on the board is damaged (it is not a program): run `spotlight doctor`")) {
            _ = try StoredProgram.decode("{")
        }
        var empty = program
        empty.levels = []
        let damaged = try StoredProgram.encode(empty)
        #expect(throws: SpotlightError.runtime(
            "the certification program Basics on the board is damaged (the program has no levels): run `spotlight doctor`")) {
            _ = try StoredProgram.decode(damaged)
        }
    }
}

import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// Golden frames of the board (DESIGN §11): list, detail, help for staff and managers, the
/// managers screen, dialogs, search and empty lists, at 80×24, 120×40 and 40×12, with CJK, emoji
/// and hostile text. `SNAPSHOT_UPDATE=1 swift test` rewrites them.
@Suite struct BoardFrameTests {
    typealias F = BoardFixtures
    static let context = BoardContext(boardName: "Acme Support", now: F.now, timeZone: TimeZone(identifier: "UTC")!)
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    func render(_ state: BoardState, _ width: Int, _ height: Int, context: BoardContext = Self.context) -> Grid {
        let grid = BoardScreen.render(state, context: context, width: width, height: height).grid
        #expect(frameProblems(grid, width: width, height: height) == [], "\(width)×\(height)")
        return grid
    }

    func sized(_ state: BoardState, _ width: Int, _ height: Int) -> BoardState {
        var state = state
        _ = state.resize(width: width, height: height)
        return state
    }

    @Test(arguments: ["demo", "cjk", "hostile"])
    func listFrames(_ fixture: String) {
        let stories = ["demo": F.demo, "cjk": F.cjk, "hostile": F.hostile][fixture]!
        for (w, h) in Self.sizes {
            var state = F.state(F.manager, stories: stories, width: w, height: h, voted: [41])
            _ = state.press(.down)
            expectGolden(render(state, w, h), "board-list-\(fixture)-\(w)x\(h)")
        }
    }

    @Test(arguments: ["demo", "cjk", "hostile"])
    func detailFrames(_ fixture: String) {
        let stories = ["demo": F.demo, "cjk": F.cjk, "hostile": F.hostile][fixture]!
        for (w, h) in Self.sizes {
            var state = F.state(F.staff, stories: stories, width: w, height: h)
            _ = state.press(.enter)
            expectGolden(render(state, w, h), "board-detail-\(fixture)-\(w)x\(h)")
        }
    }

    @Test func helpFramesForStaffAndManager() {
        for (name, viewer) in [("staff", F.staff), ("manager", F.manager)] {
            for (w, h) in [(80, 24), (40, 12)] {
                var state = F.state(viewer, width: w, height: h)
                _ = state.press(.char("?"))
                let grid = render(state, w, h)
                expectGolden(grid, "board-help-\(name)-\(w)x\(h)")
                let text = grid.plainText()
                #expect(text.contains("pin with an expiry") == (name == "manager" && h >= 24))
            }
        }
        var detail = F.state(F.manager)
        _ = detail.press(.enter, .char("?"))
        expectGolden(render(detail, 80, 24), "board-help-detail-manager-80x24")
    }

    @Test func managersScreenFrames() {
        for (w, h) in [(80, 24), (40, 12)] {
            var state = F.state(F.manager, width: w, height: h)
            _ = state.press(.char("M"))
            state.managersLoaded(["dana", "jpark", "root"])
            _ = state.press(.down)
            expectGolden(render(state, w, h), "board-managers-\(w)x\(h)")
        }
    }

    @Test func dialogFrames() {
        var remove = F.state(F.manager)
        _ = remove.press(.char("x"))
        expectGolden(render(remove, 80, 24), "board-confirm-remove-80x24")
        var medal = F.state(F.staff, width: 40, height: 12)
        _ = medal.press(.char("m"))
        medal.offerMedal(42, left: 1, perYear: 1)
        expectGolden(render(medal, 40, 12), "board-confirm-medal-40x12")
        var pin = F.state(F.manager)
        _ = pin.press(.down, .char("p"))
        _ = pin.typeText("friday")
        let frame = BoardScreen.render(pin, context: Self.context, width: 80, height: 24)
        expectGolden(frame.grid, "board-pin-form-80x24")
        #expect(frame.cursor != nil, "the terminal cursor sits in the form field")
        var refused = F.state(F.manager, width: 100, height: 30)
        _ = refused.press(.down, .char("p"))
        _ = refused.typeText("frday")
        _ = refused.press(.tab)
        _ = refused.typeText("Story of the week")
        _ = refused.press(.enter)
        refused.writeFailed(.usage("cannot read 'frday' as a time: use a weekday (friday), tomorrow, a date 2026-12-01, "
                                   + "2026-12-01T17:00, or a duration such as 12h, 3d, 2w"))
        expectGolden(render(refused, 100, 30), "board-pin-form-refused-100x30")
        var departments = F.state(F.staff)
        _ = departments.press(.char("d"))
        departments.departmentsLoaded([DepartmentCount(name: "Billing", stories: 2), DepartmentCount(name: "Customer Support", stories: 3),
                                       DepartmentCount(name: "東京オフィス", stories: 1)])
        _ = departments.press(.down)
        expectGolden(render(departments, 80, 24), "board-departments-80x24")
    }

    @Test func searchAndEmptyFrames() {
        var search = F.state(F.staff)
        _ = search.press(.char("/"))
        _ = search.typeText("mary 東京")
        let frame = BoardScreen.render(search, context: Self.context, width: 80, height: 24)
        expectGolden(frame.grid, "board-search-typing-80x24")
        #expect(frame.cursor?.y == 22 && frame.cursor?.x == 1 + "Search: mary ".count + 4)
        var none = F.state(F.staff, stories: [])
        expectGolden(render(none, 80, 24), "board-empty-80x24")
        _ = none.press(.char("/"))
        let effects = none.typeText("zzz")
        for case .load(let request) in effects { _ = none.loaded(ListPage(request: request, stories: [], total: 0)) }
        _ = none.press(.enter)
        expectGolden(render(none, 40, 12), "board-no-match-40x12")
    }

    @Test func readOnlyAndAsciiFrames() {
        var viewer = F.staff
        viewer.writeBlocked = "the board is read-only for sam"
        var state = F.state(viewer)
        _ = state.press(.char("n"))
        expectGolden(render(state, 80, 24), "board-read-only-80x24")
        var ascii = Self.context
        ascii.isUTF8 = false
        ascii.banner = "SERVICE SPOTLIGHT"
        let grid = render(F.state(F.manager), 80, 24, context: ascii)
        expectGolden(grid, "board-list-ascii-80x24")
        #expect(grid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func selectionAndMarkersHaveTheirRoles() throws {
        var state = F.state(F.manager, voted: [41])
        _ = state.press(.down)
        let grid = render(state, 80, 24)
        let rows = grid.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        let selected = try #require(rows.firstIndex { $0.contains("IT brought") })
        #expect(grid[0, selected].role == .selection && grid[40, selected].role == .selection)
        let hidden = try #require(rows.firstIndex { $0.contains("(hidden)") })
        #expect(rows[hidden].contains("Facilities fixed"))
        #expect(rows.contains { $0.contains("📌 Mary turned") })
    }

    @Test func anySizeRendersAGridOfThatSize() {
        var seed: UInt64 = 0xB0A2D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound + 1))
        }
        var sizes = [(0, 0), (1, 1), (39, 11), (40, 12), (300, 100)]
        while sizes.count < 30 { sizes.append((next(300), next(100))) }
        for (w, h) in sizes {
            for stories in [F.demo, F.cjk, F.hostile] {
                for keys in [[Key](), [.enter], [.char("?")], [.char("x")], [.char("M")]] {
                    var state = F.state(F.manager, stories: stories, width: w, height: h)
                    _ = keys.map { state.handle($0) }
                    _ = render(state, w, h)
                }
            }
        }
    }
}

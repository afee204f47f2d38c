import Testing
@testable import SpotlightUI

@Suite struct GoldenRolesTests {
    @Test func everyRoleHasItsOwnLetter() {
        let letters = Role.allCases.map(GoldenRoles.letter)
        #expect(Set(letters).count == Role.allCases.count)
        #expect(!letters.contains(" "), "a blank letter would hide a role")
    }

    @Test func theLayerFollowsTheTextCellForCell() {
        var grid = Grid(width: 5, height: 2)
        grid.put("a日", x: 0, y: 0, role: .title)
        grid.put("!", x: 4, y: 1, role: .error)
        #expect(GoldenRoles.golden(grid) == "a日  \n    !\n" + GoldenRoles.legend + "\nTTT..\n....E\n")
    }

    @Test func aRoleOnlyDifferenceChangesTheGolden() {
        var grid = Grid(width: 3, height: 1)
        grid.put("abc", x: 0, y: 0, role: .body)
        var selected = grid
        selected[1, 0].role = .selection
        #expect(grid.plainText() == selected.plainText())
        #expect(GoldenRoles.golden(grid) != GoldenRoles.golden(selected))
    }
}

import Foundation
import Testing
@testable import SpotlightCore

/// Sparklines and bars: pure functions, block characters or an ASCII fallback.
@Suite struct ReportChartsTests {
    @Test func aSparklineHasOneCellPerValueFromLowestToTop() {
        #expect(Charts.sparkline([0, 1, 2, 4, 8], glyphs: .unicode) == "▁▃▄▅█")
        #expect(Charts.sparkline([0, 1, 2, 4, 8], glyphs: .ascii) == "_:-=#")
        #expect(Charts.sparkline([], glyphs: .unicode) == "")
        #expect(Charts.sparkline([0, 0], glyphs: .unicode) == "▁▁")
        #expect(Charts.sparkline([5, 5], glyphs: .unicode) == "██")
    }

    @Test func anyNonZeroValueIsAboveTheZeroLevel() {
        let line = Array(Charts.sparkline([1, 0, 1000], glyphs: .unicode))
        #expect(line[0] == "▂")
        #expect(line[1] == "▁")
    }

    @Test func theAsciiFallbackIsPureASCII() {
        let values = Array(0...40)
        #expect(Charts.sparkline(values, glyphs: .ascii).unicodeScalars.allSatisfy { $0.isASCII })
        #expect(Charts.barChart([("a", 3), ("b", 1)], barWidth: 10, glyphs: .ascii).joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func barsScaleToTheLargestAndNeverVanish() {
        #expect(Charts.bar(500, maximum: 500, width: 30, glyphs: .unicode) == String(repeating: "█", count: 30))
        #expect(Charts.bar(1, maximum: 500, width: 30, glyphs: .unicode) == "█")
        #expect(Charts.bar(0, maximum: 500, width: 30, glyphs: .unicode) == "")
        #expect(Charts.bar(5, maximum: 10, width: 10, glyphs: .ascii) == "#####")
    }

    @Test func barLabelsLineUpWithWideCharacters() {
        let lines = Charts.barChart([("東京オフィス", 2), ("Sales", 4)], barWidth: 4, glyphs: .unicode)
        #expect(lines == ["  東京オフィス  ██ 2", "  Sales         ████ 4"])
    }

    @Test func labelsAreSanitizedAndCut() {
        let lines = Charts.barChart([("\u{1B}[31mRed" + String(repeating: "x", count: 50), 1)], barWidth: 2, glyphs: .ascii, labelWidth: 10)
        #expect(lines == ["  ␛[31mRedx…  ## 1"])
    }

    @Test func tableColumnsAlignByDisplayWidth() {
        var table = TextTable([.init("NAME"), .init("N", .right)])
        table.add(["佐藤", "1"])
        table.add(["Ana", "22"])
        #expect(table.lines() == ["NAME   N", "佐藤   1", "Ana   22"])
    }
}

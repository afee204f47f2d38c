import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// A query that should give one value and gives none is an error, never a quiet 0 or "": a
/// damaged board must not read as "no votes yet" or "schema version 0".
@Suite struct ScalarQueryTests {
    @Test func aMissingRowIsAnErrorNotZero() async throws {
        let store = try await TempBoard().open()
        #expect(try await store.scalarInt("SELECT 7") == 7)
        await #expect(throws: SpotlightError.self) { try await store.scalarInt("SELECT 1 WHERE 0") }
        await #expect(throws: SpotlightError.self) { try await store.scalarInt("SELECT NULL") }
        await #expect(throws: SpotlightError.self) { try await store.scalarInt("SELECT 'seven'") }
        await store.close()
    }

    @Test func aMissingTextIsAnErrorNotEmpty() async throws {
        let store = try await TempBoard().open()
        #expect(try await store.scalarText("SELECT 'wal'") == "wal")
        await #expect(throws: SpotlightError.self) { try await store.scalarText("SELECT 'x' WHERE 0") }
        await #expect(throws: SpotlightError.self) { try await store.scalarText("SELECT NULL") }
        await store.close()
    }
}

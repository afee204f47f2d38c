import SpotlightPostgres
import Testing

@Suite struct PostgresSupportTests {
    @Test func theTraitDecidesWhetherPostgreSQLIsBuiltIn() {
        #if PostgreSQLSupport
        #expect(PostgresSupport.isAvailable)
        #else
        #expect(!PostgresSupport.isAvailable)
        #endif
    }
}

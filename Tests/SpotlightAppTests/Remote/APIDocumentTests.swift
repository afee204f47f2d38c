import Foundation
import Testing
import SpotlightApp

/// docs/api.md documents exactly the endpoints of `BoardAPI`: each `### \`METHOD /path\`` heading
/// is in the table, and each endpoint of the table has its heading.
@Suite struct APIDocumentTests {
    static var documentPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/api.md").path
    }

    static func documented() throws -> [String] {
        let text = try String(contentsOfFile: documentPath, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        }
    }

    @Test func theDocumentListsEveryEndpointOfTheTableAndNoOther() throws {
        let documented = try Self.documented()
        let table = BoardAPI.all.map(\.description)
        #expect(documented.count == Set(documented).count, "each endpoint documented once")
        #expect(Set(table).subtracting(documented).sorted() == [], "in the table, not documented")
        #expect(Set(documented).subtracting(table).sorted() == [], "documented, not in the table")
        #expect(table.count == Set(table).count, "each endpoint once in the table")
        #expect(table.count > 50)
    }

    @Test func writesAreMarkedAsWrites() throws {
        let text = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let sections = text.components(separatedBy: "\n### `").dropFirst()
        for section in sections {
            let heading = String(section.prefix { $0 != "`" })
            guard let endpoint = BoardAPI.all.first(where: { $0.description == heading }) else { continue }
            let body = section.drop { $0 != "\n" }.prefix(200)
            #expect(body.contains("*Write") == endpoint.isWrite, "\(heading): marked *Write* exactly when it writes")
        }
    }

    @Test func everyPathIsVersionedAndRoutesToItself() {
        for endpoint in BoardAPI.all {
            #expect(endpoint.path.hasPrefix("/v1/"))
            let path = endpoint.path.replacingOccurrences(of: "{id}", with: "42")
            #expect(BoardAPI.route(method: endpoint.method, path: path) == .found(endpoint, id: endpoint.path.contains("{id}") ? 42 : nil))
        }
    }
}

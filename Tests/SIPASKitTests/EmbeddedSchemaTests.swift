import Foundation
import XCTest
@testable import SIPASKit

/// The binary carries a copy of schema/ (scripts/embed-schema.sh). The copy must not drift from the files.
final class EmbeddedSchemaTests: XCTestCase {
    private let schema = ImportFixtures.repoRoot.appendingPathComponent("schema")
    private let fix = "run `make embed` (scripts/embed-schema.sh) and commit Sources/SIPASKit/Storage/EmbeddedSchema.swift"

    private func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    func testMigrationsEqualTheFiles() throws {
        let dir = schema.appendingPathComponent("migrations")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
        XCTAssertFalse(names.isEmpty, "no migration files found in \(dir.path)")
        XCTAssertEqual(EmbeddedSchema.migrations.map(\.name), names,
                       "the embedded migrations are not the files of schema/migrations: \(fix)")
        for (index, name) in names.enumerated() where index < EmbeddedSchema.migrations.count {
            let file = try read(dir.appendingPathComponent(name))
            let embedded = EmbeddedSchema.migrations[index]
            XCTAssertEqual(embedded.name, name, "migration \(index + 1): \(fix)")
            XCTAssertTrue(embedded.sql + "\n" == file,
                          "schema/migrations/\(name) differs from its embedded copy: \(fix)")
        }
    }

    func testMigrationNamesAreOrderedAndNumbered() {
        let names = EmbeddedSchema.migrations.map(\.name)
        XCTAssertEqual(names, names.sorted())
        // Numbered NNNN_, 0001 to N without a gap: the database's user_version is the count of them.
        let numbers = names.map { Int($0.prefix(4)) ?? -1 }
        XCTAssertEqual(numbers, Array(1...names.count), "migrations must be numbered 0001…\(names.count) without a gap")
        for name in names {
            XCTAssertTrue(name.dropFirst(4).hasPrefix("_"), "\(name) should start NNNN_")
        }
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(Set(numbers).count, numbers.count, "two migrations with one number")
    }

    func testDefaultCatalogueEqualsTheFile() throws {
        let file = try read(schema.appendingPathComponent("catalogs/sipas-2023.json"))
        XCTAssertTrue(EmbeddedSchema.defaultCatalog + "\n" == file,
                      "schema/catalogs/sipas-2023.json differs from its embedded copy: \(fix)")
        XCTAssertEqual(Catalog.standard.elements, try Catalog.parse(json: file, source: "sipas-2023.json").elements, fix)
    }

    func testTheEmbedScriptIsWhereTheMessageSays() {
        let script = ImportFixtures.repoRoot.appendingPathComponent("scripts/embed-schema.sh").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: script), "\(script) should exist and be executable")
    }
}

import Foundation
import GRDB
import XCTest
import SIPASStatistics
@testable import SIPASKit

/// The tally tables kept up to date inside each import equal the counts recomputed from the stored
/// responses, for every year and grouping, after every kind of import.
final class ImportTallyConsistencyTests: ImportTestCase {
    private let years = [2023, 2024]

    private func importBundled(_ name: String, options: ImportOptions = ImportOptions()) throws -> FileReceipt {
        let (receipt, _) = try importPath(ImportFixtures.survey(name), options: options)
        assertReceiptAddsUp(receipt)
        return receipt
    }

    /// The bundled surveys as surveys/README.md describes them (the numbers are read from the README).
    func testBundledSurveysImportAsDocumented() throws {
        let readme = ImportFixtures.SurveysReadme.current
        let paths = try ImportFixtures.bundledSurveys()
        let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        XCTAssertEqual(names, ["2023-trung-tam-hcc.csv", "2024-may-danh-gia-tai-quay.csv", "2024-q1-q2-trung-tam-hcc.csv",
                               "2024-q3-q4-cong-dvc.csv"])
        XCTAssertEqual(Set(readme.records.keys), Set(names), "surveys/README.md: table 'What the importer should end up with'")
        let portalName = "2024-q3-q4-cong-dvc.csv"
        let bad = readme.badRows
        XCTAssertEqual(bad.count, 8, "surveys/README.md: the bad rows table")
        let rejectedCodes = bad.filter { !["duplicate", "conflict"].contains($0.code) }

        let outcome = Importer(database: db).importFiles(paths, options: ImportOptions())
        XCTAssertEqual(outcome.failures.count, 0)
        XCTAssertEqual(outcome.exitCode, 1, "rows of the portal file are set aside")
        let receipts = Dictionary(uniqueKeysWithValues: outcome.files.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0) })
        func check(_ name: String, encoding: String, delimiter: String, scale: Int, line: UInt = #line) {
            guard let r = receipts[name] else { return XCTFail("no receipt for \(name)", line: line) }
            let isPortal = name == portalName
            XCTAssertEqual(r.encoding, encoding, name, line: line)
            XCTAssertEqual(r.delimiter, delimiter, name, line: line)
            XCTAssertEqual(r.scale, scale, name, line: line)
            XCTAssertEqual(r.rows, readme.records[name], "\(name): records", line: line)
            XCTAssertEqual(r.imported, readme.stored[name], "\(name): stored", line: line)
            XCTAssertEqual(r.duplicates, isPortal ? bad.filter { $0.code == "duplicate" }.count : 0, name, line: line)
            XCTAssertEqual(r.conflicts, isPortal ? bad.filter { $0.code == "conflict" }.count : 0, name, line: line)
            XCTAssertEqual(r.rejected, isPortal ? rejectedCodes.count : 0, name, line: line)
            assertReceiptAddsUp(r, line: line)
        }
        check("2023-trung-tam-hcc.csv", encoding: "windows-1258", delimiter: ",", scale: 5)
        check("2024-q1-q2-trung-tam-hcc.csv", encoding: "utf-8-bom", delimiter: ",", scale: 5)
        check(portalName, encoding: "utf-8", delimiter: ";", scale: 5)
        check("2024-may-danh-gia-tai-quay.csv", encoding: "utf-16le", delimiter: "tab", scale: 3)
        XCTAssertEqual(receipts["2024-may-danh-gia-tai-quay.csv"]?.scaleInferred, true)
        XCTAssertEqual(readme.stored.values.reduce(0, +) - readme.stored["2023-trung-tam-hcc.csv", default: 0], 2962,
                       "surveys/README.md: 2024 total")
        XCTAssertEqual(try db.responseCount(), readme.stored.values.reduce(0, +))
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE day / 10000 = 2024"), 2962)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE day / 10000 = 2023"),
                       readme.stored["2023-trung-tam-hcc.csv"])

        // The bad rows of the portal file, where the README says they are, each kept with its raw text.
        let portal = ImportFixtures.survey(portalName)
        let rejects = try db.rejectRecords(file: portal)
        let keptAside = bad.filter { $0.code != "duplicate" }
        XCTAssertEqual(rejects.map(\.row), keptAside.map(\.row))
        XCTAssertEqual(rejects.map(\.code), keptAside.map(\.code))
        XCTAssertEqual(rejects.map(\.column), keptAside.map(\.column))
        XCTAssertEqual(try db.rejectRecords().count, keptAside.count, "the other files set nothing aside")
        for (reject, expected) in zip(rejects, keptAside) {
            let fields = try ImportFixtures.fields(ofCSV: reject.raw, delimiter: 0x3B)
            XCTAssertEqual(fields.count, 1, "row \(reject.row) raw text is one record")
            XCTAssertEqual(fields.first?.count, reject.code == "ragged-row" ? 28 : 29, "row \(reject.row)")
            XCTAssertEqual(fields.first?.first, expected.id, "row \(reject.row)")
        }
        // The duplicate is stored once, from its first row.
        for duplicate in bad where duplicate.code == "duplicate" {
            XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE response_key = ?", [duplicate.id]), 1)
            XCTAssertLessThan(try ImportFixtures.int(db.path, "SELECT row_number FROM response WHERE response_key = ?", [duplicate.id]),
                              duplicate.row)
        }
        // Comments: as many as the README counts, line breaks kept.
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE comment IS NOT NULL"), readme.comments)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE instr(comment, char(10)) > 0"),
                       readme.storedLineBreakComments)
        XCTAssertGreaterThan(readme.storedLineBreakComments, 0)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM procedure"), 15)
        try ImportFixtures.assertTalliesMatchResponses(db, years: years, context: "bundled")
    }

    func testTalliesEqualRecomputationAfterEveryKindOfImport() throws {
        // 1. One file.
        _ = try importBundled("2023-trung-tam-hcc.csv")
        try ImportFixtures.assertTalliesMatchResponses(db, years: years, context: "after 2023")
        // 2. The other three, one of them with duplicates, a conflict and rejects, another on the 3-level scale.
        for name in ["2024-q1-q2-trung-tam-hcc.csv", "2024-q3-q4-cong-dvc.csv", "2024-may-danh-gia-tai-quay.csv"] {
            _ = try importBundled(name)
            try ImportFixtures.assertTalliesMatchResponses(db, years: years, context: "after \(name)")
        }
        let tallies = try ImportFixtures.dumpTallies(db.path)

        // 3. A re-import of every file: nothing changes.
        for path in try ImportFixtures.bundledSurveys() {
            let (receipt, _) = try importPath(path)
            XCTAssertTrue(receipt.alreadyImported, path)
        }
        XCTAssertEqual(try ImportFixtures.dumpTallies(db.path), tallies)
        try ImportFixtures.assertTalliesMatchResponses(db, years: years, context: "after re-import")

        // 4. The same responses in other bytes (LF instead of CRLF): all duplicates, tallies unchanged.
        let h1 = try Data(contentsOf: URL(fileURLWithPath: ImportFixtures.survey("2024-q1-q2-trung-tam-hcc.csv")))
        var lf = [UInt8]()
        var previous: UInt8 = 0
        for byte in h1 {
            if previous == 0x0D && byte == 0x0A { lf.removeLast() }
            lf.append(byte)
            previous = byte
        }
        let (_, relf, _) = try importBytes(lf, as: "h1-lf.csv")
        XCTAssertEqual(relf.duplicates, ImportFixtures.SurveysReadme.current.stored["2024-q1-q2-trung-tam-hcc.csv"])
        XCTAssertEqual(relf.imported, 0)
        XCTAssertEqual(try ImportFixtures.dumpTallies(db.path), tallies)

        // 5. A replace: corrected versions of responses of 2023 and 2024, one moved to another procedure.
        var options = ImportOptions()
        options.onConflict = .replace
        let header = ["response_id", "date", "procedure_code", "unit", "channel", "TC1", "TT2", "CC3", "KQ1", "PA1"]
        let corrected = ImportFixtures.csv(header, [
            ["KHCN-2023-000001", "03/01/2023", "1.010843.000.00.00.H33", "Phòng Quản lý chuyên ngành", "Trực tiếp", "1", "1", "2", "", "1"],
            ["KHCN-2024-000010", "05/01/2024", "1.000411.000.00.00.H33", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trực tuyến", "2", "3", "3", "2", ""],
            ["KHCN-2024-002000", "15/11/2024", "1.004482.000.00.00.H33", "Phòng Quản lý chuyên ngành", "Trực tuyến", "5", "5", "5", "5", "5"],
            ["QUAY-2024-00007", "20/05/2024", "1.000411.000.00.00.H33", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trực tiếp", "", "", "1", "1", ""],
        ])
        let (_, replaced, _) = try importText(corrected, as: "corrections.csv", options: options)
        XCTAssertEqual(replaced.replaced, 4)
        XCTAssertEqual(replaced.imported, 4)
        XCTAssertEqual(try db.responseCount(), ImportFixtures.SurveysReadme.current.stored.values.reduce(0, +))
        try ImportFixtures.assertTalliesMatchResponses(db, years: years, context: "after replace")

        // 6. A second, new file.
        let extra = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(300, prefix: "EXTRA"))
        let (_, added, _) = try importText(extra, as: "extra.csv")
        XCTAssertEqual(added.imported, 300)
        try ImportFixtures.assertTalliesMatchResponses(db, years: years, context: "after a second file")
    }

    /// Many rows in one group (more than any block of rows the accumulator may keep), duplicates inside
    /// the file and in a second file: the counts still equal the recomputation, and a hand count.
    func testLargeGroupsAndDuplicates() throws {
        let values = ["1", "2", "3", "4", "5", "", "KTL", "Hài lòng", "Rất hài lòng", "Bình thường", "Không hài lòng"]
        var rows: [[String]] = []
        for i in 0..<1_000 {
            let ratings = (0..<5).map { c in values[(i * (c + 3) + c * 7 + i / 11) % values.count] }
            rows.append(ImportFixtures.row("LG-\(i)", "1\(i % 9 + 1)/05/2024", procedure: "P-BIG", unit: "Một đơn vị",
                                           channel: "Trực tiếp", ratings: ratings))
        }
        let withDuplicates = rows + rows[100..<170]
        let (_, receipt, _) = try importText(ImportFixtures.csv(ImportFixtures.standardHeader, withDuplicates), as: "big-group.csv")
        XCTAssertEqual(receipt.imported, 1_000)
        XCTAssertEqual(receipt.duplicates, 70)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024], context: "one big group")
        let before = try ImportFixtures.dumpTallies(db.path)
        let (_, again, _) = try importText(ImportFixtures.csv(ImportFixtures.standardHeader, Array(rows.reversed())), as: "reversed.csv")
        XCTAssertEqual(again.duplicates, 1_000)
        XCTAssertEqual(try ImportFixtures.dumpTallies(db.path), before)

        // A hand count for TC1 from the fixture itself.
        var expected = [Int](repeating: 0, count: 6)
        let code: [String: Int] = ["1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "": 0, "KTL": 0, "Hài lòng": 4, "Rất hài lòng": 5,
                                   "Bình thường": 3, "Không hài lòng": 2]
        for row in rows { expected[code[row[7]]!] += 1 }
        let total = try XCTUnwrap(db.tallies(period: .year(2024), by: nil)).total
        XCTAssertEqual(total.ratings[0], expected)
        XCTAssertEqual(total.responses, 1_000)
    }

    func testCriterionRatesOfTheBundledYearAreAsDocumented() throws {
        for path in try ImportFixtures.bundledSurveys() { _ = try importPath(path) }
        // Pooled rate = all satisfied answers / all answers (surveys/README.md, column "Pooled", to 0.1 point).
        let pooledFigures = ImportFixtures.SurveysReadme.current.pooled
        XCTAssertEqual(pooledFigures.keys.sorted(), [2023, 2024])
        for (year, pooled) in pooledFigures.sorted(by: { $0.key < $1.key }) {
            let total = try XCTUnwrap(db.tallies(period: .year(year), by: nil)).total
            let answered = (0..<total.criterionCount).reduce(0) { $0 + total.answered($1) }
            let satisfied = (0..<total.criterionCount).reduce(0) { $0 + total.satisfied($1) }
            XCTAssertEqual(Double(satisfied) / Double(answered), pooled, accuracy: 0.0005, "\(year)")
        }
        let byProcedure = try XCTUnwrap(db.tallies(period: .year(2024), by: .procedure))
        XCTAssertEqual(byProcedure.groups["1.000411.000.00.00.H33"]?.responses, 610)
        XCTAssertEqual(byProcedure.groups["1.004482.000.00.00.H33"]?.responses, 300)
        XCTAssertEqual(byProcedure.groups["1.010843.000.00.00.H33"]?.responses, 40)
        XCTAssertEqual(byProcedure.groups["2.001269.000.00.00.H33"]?.responses, 22)
        XCTAssertEqual(byProcedure.groups.count, 15)
    }
}

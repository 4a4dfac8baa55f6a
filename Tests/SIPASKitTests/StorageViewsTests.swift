import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// The SQL views (schema/migrations/0002_views.sql) are the supported way for SQL tools to read the
/// data: on the bundled surveys they must count exactly what `sipas summary` counts.
final class StorageViewsTests: ImportTestCase {
    func testViewsAgreeWithSummaryOnTheBundledSurveys() throws {
        let paths = try ImportFixtures.bundledSurveys() + [ImportFixtures.survey("2025-q1-trung-tam-hcc.xlsx")]
        let outcome = Importer(database: db).importFiles(paths, options: ImportOptions())
        XCTAssertEqual(outcome.failures.count, 0)
        for year in [2023, 2024, 2025] {
            var options = AnalysisOptions()
            options.year = year
            let summary = try Analyst(database: db).summary(options)
            XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM responses WHERE year = ?", [year]),
                           summary.responses, "\(year): responses")
            let rows = try ImportFixtures.rows(db.path, """
                SELECT criterion, COUNT(rating), COALESCE(SUM(satisfied), 0), COALESCE(SUM(rating <= 2), 0),
                       SUM(asked = 1 AND rating IS NULL)
                FROM ratings WHERE year = ? GROUP BY criterion
                """, [year])
            let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, [$0[1] as Int, $0[2], $0[3], $0[4]]) })
            let criteria = summary.elements.flatMap(\.criteria)
            XCTAssertEqual(criteria.count, 19)
            for c in criteria {
                XCTAssertEqual(byCode[c.code], [c.answered, c.satisfied, c.dissatisfied, c.noAnswer], "\(year) \(c.code)")
            }
        }
        // Every response has one ratings row per criterion of its catalogue; dates are ISO text.
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM ratings"),
                       try ImportFixtures.int(db.path, "SELECT COUNT(*) * 19 FROM response"))
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM responses WHERE date NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"), 0)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM ratings WHERE rating NOT BETWEEN 1 AND 5"), 0)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM ratings WHERE satisfied IS NOT (rating >= 4)"), 0)
        let labels = try ImportFixtures.rows(db.path, "SELECT criterion, label_vi, element FROM criteria WHERE catalog = 'sipas-2023' ORDER BY position")
        XCTAssertEqual(labels.count, 19)
        XCTAssertEqual(labels.first?[0] as String?, "TC1")
        XCTAssertEqual(labels.first?[1] as String?, "Thông tin về thủ tục dễ tìm, dễ hiểu")
        XCTAssertEqual(labels.last?[2] as String?, "PA")
        // A tablet response: five questions asked, the other fourteen not.
        XCTAssertEqual(try ImportFixtures.int(db.path, """
            SELECT SUM(asked) FROM ratings WHERE response_id = 'QUAY-2024-00001'
            """), 5)
        // A stored date and time read back from the view as the file had them.
        let first = try ImportFixtures.rows(db.path, "SELECT date, time FROM responses WHERE response_id = 'KHCN-2024-001260'")
        XCTAssertEqual(first.first.map { [$0[0] as String, $0[1] as String] }, ["2024-07-01", "07:46:59"])
    }
}

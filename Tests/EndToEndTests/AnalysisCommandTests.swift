import Foundation
import SIPASKit
import SIPASTestSupport
import XCTest

/// `sipas summary`, `flag`, `report` and `baseline` on the bundled surveys, output pinned.
final class AnalysisCommandTests: XCTestCase {
    /// One database for the class: the bundled surveys and a published 2023 figure.
    nonisolated(unsafe) static var database = ""

    override class func setUp() {
        super.setUp()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-e2e-\(UUID().uuidString).sqlite").path
        database = path
        _ = try? Sipas.run(["import", "--db", path] + Sipas.surveys)
        // The same published figure as `make demo` records, so the README's output is this test's output.
        _ = try? Sipas.run(["baseline", "set", "--db", path, "--year", "2023", "--index", "94,1", "--rank", "7", "--of", "20",
                            "--element", "TC=95.2", "--element", "CC=93", "--source", "QĐ 2385/QĐ-UBND (số liệu minh hoạ)"])
        // …and the province's ranking table, as `make demo` records it.
        _ = try? Sipas.run(["baseline", "table", "--db", path, "--year", "2023", "--self", "Sở Khoa học và Công nghệ",
                            "--source", "QĐ 2385/QĐ-UBND (số liệu minh hoạ)", "surveys/published/2023-bang-xep-hang.csv"])
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: database)
        super.tearDown()
    }

    func run(_ arguments: [String]) throws -> SipasRun {
        let run = try Sipas.run(arguments + ["--db", Self.database])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        return run
    }

    func testSummaryTable() throws {
        assertGolden(try run(["summary", "--year", "2024"]).stdout, named: "summary-2024.txt")
        assertGolden(try run(["summary", "--year", "2024", "--lang", "en"]).stdout, named: "summary-2024-en.txt")
    }

    func testSummaryByProcedureAndQuarter() throws {
        assertGolden(try run(["summary", "--year", "2024", "--by", "procedure"]).stdout, named: "summary-2024-by-procedure.txt")
        assertGolden(try run(["summary", "--year", "2024", "--by", "quarter", "--format", "markdown"]).stdout,
                     named: "summary-2024-by-quarter.md")
    }

    func testSummaryJSONHasTheDocumentedShape() throws {
        let text = try run(["summary", "--year", "2024", "--format", "json"]).stdout
        assertGolden(text, named: "summary-2024.json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["year", "method", "target", "responses", "index", "elements", "previous", "change"] {
            XCTAssertNotNil(object[key], key)
        }
        XCTAssertEqual(object["method"] as? String, "criteria-mean")
        let elements = try XCTUnwrap(object["elements"] as? [[String: Any]])
        XCTAssertEqual(elements.map { $0["code"] as? String }, ["TC", "TT", "CC", "KQ", "PA"])
        XCTAssertEqual(elements.flatMap { ($0["criteria"] as? [[String: Any]]) ?? [] }.count, 19)
        let previous = try XCTUnwrap(object["previous"] as? [String: Any])
        XCTAssertEqual(previous["source"] as? String, "responses")
        let published = try XCTUnwrap(object["previous_published"] as? [String: Any])
        XCTAssertEqual(published["source"] as? String, "published")
        XCTAssertEqual(published["rank"] as? Int, 7)
    }

    func testSummaryCSVOpensInExcel() throws {
        let text = try run(["summary", "--year", "2024", "--by", "procedure", "--format", "csv"]).stdout
        XCTAssertTrue(text.hasPrefix("\u{FEFF}"))
        XCTAssertTrue(text.contains("\r\n"))
        assertGolden(text, named: "summary-2024-by-procedure.csv")
    }

    func testAPeriodThatIsNotWholeMonthsIsRecomputedFromResponses() throws {
        let text = try run(["summary", "--from", "15/03/2024", "--to", "14/06/2024", "--format", "json"]).stdout
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let period = try XCTUnwrap(object["period"] as? [String: Any])
        XCTAssertEqual(period["from"] as? String, "2024-03-15")
        XCTAssertEqual(period["to"] as? String, "2024-06-14")
        XCTAssertNil(object["previous_published"] as? [String: Any], "a published year is not compared with a part of a year")
        XCTAssertGreaterThan(object["responses"] as? Int ?? 0, 300)
    }

    func testFlags() throws {
        assertGolden(try run(["flag", "--year", "2024"]).stdout, named: "flag-2024.txt")
        assertGolden(try run(["flag", "--year", "2024", "--lang", "en", "--format", "markdown"]).stdout, named: "flag-2024-en.md")
        let json = try run(["flag", "--year", "2024", "--format", "json"]).stdout
        assertGolden(json, named: "flag-2024.json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let procedures = try XCTUnwrap(object["procedures"] as? [[String: Any]])
        XCTAssertFalse(procedures.isEmpty)
        for p in procedures {
            for key in ["code", "name", "unit", "responses", "index", "flags", "impact", "previous", "weakest", "comments"] {
                XCTAssertTrue(p.keys.contains(key), "\(key) missing")
            }
        }
        // The busy procedure slightly under target outranks the rare one far under it.
        let codes = procedures.map { $0["code"] as? String }
        let busy = try XCTUnwrap(codes.firstIndex(of: "1.000411.000.00.00.H33"))
        let rare = try XCTUnwrap(codes.firstIndex(of: "1.010843.000.00.00.H33"))
        XCTAssertLessThan(busy, rare)
    }

    func testFlagExitsZeroEvenWhenNothingIsFlagged() throws {
        let text = try run(["flag", "--year", "2024", "--target", "50"]).stdout
        XCTAssertTrue(text.contains("Không có thủ tục nào bị cảnh báo") || text.contains("ít phiếu"), text)
    }

    func testReportIsOneSelfContainedFile() throws {
        let out = try temporaryDirectory(self).appendingPathComponent("bao-cao.html")
        let run = try Sipas.run(["report", "--db", Self.database, "--year", "2024", "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(html.contains("src="))
        XCTAssertFalse(html.contains("href=\"http"))
        XCTAssertFalse(html.contains("<script"), "no script tag, not even from a citizen's comment")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2)
        XCTAssertTrue(html.contains("1.000411.000.00.00.H33"))
    }

    func testBaselineList() throws {
        assertGolden(try run(["baseline", "list"]).stdout, named: "baseline-list.txt")
    }

    func testAnEmptyDatabaseSaysWhatToDo() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("empty.sqlite").path
        let run = try Sipas.run(["summary", "--db", db])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "sipas: lỗi: \(db): chưa có cơ sở dữ liệu ở đây\n  gợi ý: nhập dữ liệu trước: sipas import --db \(db) TỆP.csv; hoặc kiểm tra lại --db\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "a read command creates nothing")
    }

    /// Docs run: every `<!-- output: sipas … -->` block of the README is what that command prints now.
    func testTheReadmeShowsRealOutput() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let parts = readme.components(separatedBy: "<!-- output: sipas ")
        XCTAssertGreaterThanOrEqual(parts.count - 1, 3, "the README should show the demo's output")
        for part in parts.dropFirst() {
            let command = String(part.prefix { $0 != "\n" }).replacingOccurrences(of: " -->", with: "")
            let block = try XCTUnwrap(part.components(separatedBy: "```text\n").dropFirst().first?
                .components(separatedBy: "```\n").first, command)
            if command.hasPrefix("import") {
                let db = try temporaryDirectory(self).appendingPathComponent("readme.sqlite").path
                XCTAssertEqual(try Sipas.run(["import", "--db", db] + Sipas.surveys).stderr, block, command)
            } else {
                let arguments = command.split(separator: " ").map(String.init)
                XCTAssertEqual(try run(arguments).stdout, block, "README block of 'sipas \(command)' is stale")
            }
        }
    }
}

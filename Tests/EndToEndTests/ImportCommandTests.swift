import Foundation
import SIPASKit
import SIPASTestSupport
import XCTest

/// `sipas import`, run as a user runs it: stdout, stderr and exit code pinned.
final class ImportCommandTests: XCTestCase {
    func testImportsTheBundledSurveysWithAReceiptAndKeepsBadRowsAside() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        let run = try Sipas.run(["import", "--db", db] + Sipas.surveys)
        XCTAssertEqual(run.status, 1, "rows were rejected, so the exit code is 1")
        XCTAssertEqual(run.stdout, "")
        assertGolden(run.stderr, named: "import-surveys.stderr")
        XCTAssertEqual(try AppDatabase(path: db).responseCount(), 2_380 + 294 + 1_259 + 1_409)
    }

    func testJSONReceiptGoesToStdoutWithEveryFile() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        let run = try Sipas.run(["import", "--db", db, "--format", "json"] + Sipas.surveys)
        XCTAssertEqual(run.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, Sipas.surveys)
        for file in files {
            for key in ["path", "rows", "imported", "duplicates", "rejected", "encoding", "delimiter"] {
                XCTAssertNotNil(file[key], "\(key) missing in \(file["path"] ?? "?")")
            }
        }
        XCTAssertEqual(files.map { $0["encoding"] as? String }, ["windows-1258", "utf-16le", "utf-8-bom", "utf-8"])
        XCTAssertEqual(files.map { $0["delimiter"] as? String }, [",", "tab", ",", ";"])
        XCTAssertEqual(files.map { $0["imported"] as? Int }, [2_380, 294, 1_259, 1_409])
        XCTAssertEqual(files.map { $0["rejected"] as? Int }, [0, 0, 0, 6])
        XCTAssertEqual(files[3]["duplicates"] as? Int, 1)
        XCTAssertEqual(files[3]["conflicts"] as? Int, 1)
        XCTAssertEqual(object["exit_code"] as? Int, 1)
    }

    func testImportingAgainAddsNothingAndSaysSo() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        _ = try Sipas.run(["import", "--db", db] + Sipas.surveys)
        let before = try AppDatabase(path: db).responseCount()
        let again = try Sipas.run(["import", "--db", db, "--lang", "en"] + Sipas.surveys)
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stderr.components(separatedBy: "[already-imported]").count - 1, 4)
        XCTAssertTrue(again.stderr.contains("imported 0 responses from 4 file(s)."), again.stderr)
        XCTAssertEqual(try AppDatabase(path: db).responseCount(), before)
    }

    func testAKillMidFileLeavesTheDatabaseAsItWas() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        XCTAssertEqual(try Sipas.run(["import", "--db", db, Sipas.surveys[0]]).status, 0)
        let before = try AppDatabase(path: db).responseCount()
        let killed = try Sipas.run(["import", "--db", db, Sipas.surveys[2]], environment: ["SIPAS_FAULT": "kill-after:1000"])
        XCTAssertTrue(killed.signaled, "the process should have been killed")
        XCTAssertEqual(killed.status, 9)
        let database = try AppDatabase(path: db)
        XCTAssertEqual(try database.responseCount(), before)
        XCTAssertEqual(try database.importRecords().map(\.path), [Sipas.surveys[0]])
        let retry = try Sipas.run(["import", "--db", db, Sipas.surveys[2]])
        XCTAssertEqual(retry.status, 0, retry.stderr)
        XCTAssertEqual(try database.responseCount(), before + 1_259)
    }

    func testAFailureMidFileIsReportedAndChangesNothing() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        let run = try Sipas.run(["import", "--db", db, Sipas.surveys[0]], environment: ["SIPAS_FAULT": "throw-after:1"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("lỗi giả lập sau hàng"), run.stderr)
        XCTAssertEqual(try AppDatabase(path: db).responseCount(), 0)
        XCTAssertEqual(try AppDatabase(path: db).importRecords(), [])
    }

    /// A file over 8 MiB shows a progress bar when stderr is a terminal, cleared before the receipt;
    /// with stderr not a terminal (a pipe, a log file) there is no bar at all.
    func testAProgressBarOnATerminalOnly() throws {
        let dir = try temporaryDirectory(self)
        var text = "response_id,date,procedure_code,comment,TC1,TT1,KQ1\n"
        let comment = String(repeating: "Thủ tục nhanh gọn, cán bộ hướng dẫn tận tình. ", count: 5)
        for i in 1...40_000 {
            text += "P-\(i),\(i % 28 + 1)/03/2024,1.004490.000.00.00.H33,\"\(comment)\",5,4,5\n"
        }
        let csv = dir.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: csv)
        XCTAssertGreaterThan(text.utf8.count, 8 << 20)

        let onTerminal = try Sipas.runOnTerminal(["import", "--db", dir.appendingPathComponent("a.sqlite").path, csv.path])
        XCTAssertEqual(onTerminal.status, 0, onTerminal.terminal)
        let bar = onTerminal.terminal
        XCTAssertTrue(bar.contains("\r" + String(repeating: "█", count: 30) + " 100%"), bar)
        XCTAssertTrue(bar.contains("░"), "the bar is drawn before it is full")
        guard let cleared = bar.range(of: "\r\u{1B}[2K"), let receipt = bar.range(of: "40000") ?? bar.range(of: "40.000")
        else { return XCTFail("no clearing or no receipt: \(bar)") }
        XCTAssertLessThan(cleared.lowerBound, receipt.lowerBound, "the bar is cleared before the receipt")

        let piped = try Sipas.run(["import", "--db", dir.appendingPathComponent("b.sqlite").path, csv.path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("█") || piped.stderr.contains("░") || piped.stderr.contains("\r"), piped.stderr)
    }

    func testCouldNotRunNamesTheFileAndExitsTwo() throws {
        let dir = try temporaryDirectory(self)
        let db = dir.appendingPathComponent("t.sqlite").path
        let missing = try Sipas.run(["import", "--db", db, "surveys/khong-co.csv"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("surveys/khong-co.csv: không đọc được tệp"), missing.stderr)

        let noProcedure = dir.appendingPathComponent("thieu-cot.csv")
        try Data("Mã phiếu,Ngày đánh giá,TC1\nA1,02/01/2024,5\n".utf8).write(to: noProcedure)
        let run = try Sipas.run(["import", "--db", db, noProcedure.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(noProcedure.path):1: thiếu cột bắt buộc 'procedure_code'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("gợi ý:"), run.stderr)
        XCTAssertEqual(try AppDatabase(path: db).responseCount(), 0)
    }

    func testUsageErrorsExitSixtyFour() throws {
        XCTAssertEqual(try Sipas.run(["import"]).status, 64)
        XCTAssertEqual(try Sipas.run(["import", "--scale", "4", "x.csv"]).status, 64)
        XCTAssertEqual(try Sipas.run(["summary", "--target", "150"]).status, 64)
        XCTAssertEqual(try Sipas.run(["nonsense"]).status, 64)
    }

    func testRejectsCanBeListedAsAnExcelCSV() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        _ = try Sipas.run(["import", "--db", db] + Sipas.surveys)
        let table = try Sipas.run(["rejects", "--db", db])
        XCTAssertEqual(table.status, 0)
        assertGolden(table.stdout, named: "rejects.txt")
        let csv = try Sipas.run(["rejects", "--db", db, "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}tep,hang,cot,ma_loi,ly_do,noi_dung_hang\r\n"), csv.stdout)
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("surveys/") }.count, 7)
    }

    func testHelpIsPinned() throws {
        let run = try Sipas.run(["--help"], environment: ["COLUMNS": "100"])
        XCTAssertEqual(run.status, 0)
        assertGolden(run.stdout, named: "help.txt")
        let importHelp = try Sipas.run(["import", "--help"], environment: ["COLUMNS": "100"])
        assertGolden(importHelp.stdout, named: "help-import.txt")
    }
}

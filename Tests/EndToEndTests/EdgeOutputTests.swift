import Foundation
import SIPASKit
import SIPASTestSupport
import WorkbookTestSupport
import XCTest

/// Output paths, streams, terminal safety, encodings, personal data and fixed rejects, through the
/// binary (issue 10, items 1, 2, 9–13).
final class EdgeOutputTests: XCTestCase {
    var dir: URL!
    var db: String!

    override func setUpWithError() throws {
        dir = try temporaryDirectory(self)
        db = dir.appendingPathComponent("t.sqlite").path
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func importSurveys() throws {
        XCTAssertEqual(try Sipas.run(["import", "--db", db] + Sipas.surveys).status, 1)
    }

    func write(_ text: String, _ name: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    // MARK: 1. --out writes in place

    func testReportOutWritesThroughASymlinkAndKeepsTheFilesMode() throws {
        try importSurveys()
        let target = try write("t\n", "t.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: path("l.html"), withDestinationPath: "t.txt")
        let run = try Sipas.run(["report", "--db", db, "--year", "2024", "--out", path("l.html")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("l.html")), "t.txt", "still a link")
        let html = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), String(html.prefix(40)))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600, "the file keeps its mode")
    }

    func testReportOutToAFullDeviceIsAnErrorAndTheDeviceStays() throws {
        try importSurveys()
        let run = try Sipas.run(["report", "--db", db, "--year", "2024", "--out", "/dev/full", "--lang", "en"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("/dev/full: cannot write (No space left on device)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("written"), run.stderr)
        var info = stat()
        XCTAssertEqual(stat("/dev/full", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/full is still a device")
    }

    // MARK: 11. messages

    func testReportOutToADirectorySaysItIsAWrite() throws {
        try importSurveys()
        let run = try Sipas.run(["report", "--db", db, "--year", "2024", "--out", dir.path, "--lang", "en"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr, """
            sipas: error: \(dir.path): cannot write (Is a directory)
              hint: name a writable file with --out (not a directory)

            """)
        let vi = try Sipas.run(["report", "--db", db, "--year", "2024", "--out", dir.path])
        XCTAssertFalse(vi.stderr.contains("không đọc được"), vi.stderr)
        XCTAssertFalse(vi.stderr.contains("NSCocoaErrorDomain"), vi.stderr)
    }

    func testOmittedWarningsDoNotPointToRejects() throws {
        let header = ["Mã phiếu", "Ngày đánh giá", "Mã TTHC", "TC1"] + (1...25).map { "Cột lạ \($0)" }
        let row = ["A1", "02/01/2024", "1.004482.000.00.00.H33", "5"] + Array(repeating: "x", count: 25)
        let file = try write(header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n", "unknown.csv")
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(file): … and 5 more [unknown-column] (no row was rejected for them)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("sipas rejects"), run.stderr)
    }

    func testUTF16WithoutBOMSaysWhichEncodingReadsIt() throws {
        let text = "Mã phiếu,Ngày đánh giá,Mã TTHC,TC1\r\nA1,02/01/2024,1.004482.000.00.00.H33,5\r\n"
        let file = path("utf16.csv")
        try Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: file))
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", file])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("looks like utf-16le text without a byte order mark"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: read it with --encoding utf-16le"), run.stderr)
        let given = try Sipas.run(["import", "--db", db, "--encoding", "utf-16le", file])
        XCTAssertEqual(given.status, 0, given.stderr)
    }

    // MARK: 2. encoding on the file's evidence

    func testOneBadByteInAUTF8FileRejectsThatRowAndReadsTheRestAsUTF8() throws {
        let source = try Data(contentsOf: repositoryRoot.appendingPathComponent("surveys/2024-q3-q4-cong-dvc.csv"))
        var bytes = [UInt8](source)
        // Row 6: put one byte that is never UTF-8 into its first cell with a letter.
        var line = 1, i = 0
        while line < 6 { if bytes[i] == 0x0A { line += 1 }; i += 1 }
        bytes.insert(0xFF, at: i + 3)
        let file = path("one-bad-byte.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", "--format", "json", file])
        XCTAssertEqual(run.status, 1, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let receipt = try XCTUnwrap((object["files"] as? [[String: Any]])?.first)
        XCTAssertEqual(receipt["encoding"] as? String, "utf-8")
        XCTAssertEqual(receipt["imported"] as? Int, 1_409 - 1)
        XCTAssertTrue(run.stderr.contains("\(file):6:1: error: [invalid-encoding]"), run.stderr)
        let units = try Sipas.run(["summary", "--db", db, "--year", "2024", "--by", "unit", "--format", "csv"])
        XCTAssertTrue(units.stdout.contains("Chi cục Tiêu chuẩn Đo lường Chất lượng"), units.stdout)
        XCTAssertFalse(units.stdout.contains("á»"), "no mojibake stored")
    }

    func testUTF8ReadAsWindows1258IsRefusedWithAHint() throws {
        let file = repositoryRoot.appendingPathComponent("surveys/2024-q3-q4-cong-dvc.csv").path
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", "--encoding", "windows-1258", file])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("the bytes are utf-8; read as windows-1258 they would become mojibake"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: import it with --encoding utf-8"), run.stderr)
        // A real Windows-1258 export still reads as Windows-1258.
        let real = try Sipas.run(["import", "--db", db, "--format", "json", Sipas.surveys[0]])
        XCTAssertEqual(real.status, 0, real.stderr)
        XCTAssertTrue(real.stdout.contains("\"encoding\" : \"windows-1258\""), real.stdout)
    }

    // MARK: 9. unwritable stdout

    func testAFullStdoutIsAnErrorOnStderrNotACrash() throws {
        try importSurveys()
        let run = try Sipas.start(["summary", "--db", db, "--year", "2024", "--lang", "en"], stdout: "/dev/full").wait()
        XCTAssertFalse(run.signaled, "crashed: \(run.stderr)")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr, "sipas: error: cannot write to standard output (No space left on device)\n")
    }

    func testAFullStderrDoesNotCrashAndKeepsTheExitCode() throws {
        let run = try Sipas.start(["import", "--db", db] + Sipas.surveys, stderr: "/dev/full").wait()
        XCTAssertFalse(run.signaled)
        XCTAssertEqual(run.status, 1, "rows were rejected: the exit code says so even with nowhere to print")
        XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 2_380 + 294 + 1_259 + 1_409)
    }

    func testAClosedPipeEndsQuietly() throws {
        try importSurveys()
        // The reader is gone before sipas writes (EPIPE every time); before, this died of SIGPIPE (141).
        let script = "set -o pipefail; { sleep 0.5; \"$0\" report --db \"$1\" --year 2024; } | true"
        let run = try Sipas.runProgram(["/bin/bash", "-c", script, Sipas.binary.path, db])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
    }

    // MARK: 10. terminal safety

    func testControlCharactersInFileNamesAreEscapedEverywhere() throws {
        let evil = "x\u{1B}[31m\nfake.csv:1:1: error: [conflict] fake\r.csv"
        let file = try write("Mã phiếu,Ngày đánh giá,Mã TTHC,TC1\nA1,02/01/2024,1.004482.000.00.00.H33,5\nA2,31/02/2024,1.004482.000.00.00.H33,5\n", evil)
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", file])
        XCTAssertEqual(run.status, 1, run.stderr)
        for output in [run.stderr, try Sipas.run(["imports", "--db", db]).stdout, try Sipas.run(["rejects", "--db", db]).stdout] {
            XCTAssertFalse(output.contains("\u{1B}"), output)
            XCTAssertFalse(output.contains("\r"), output)
            XCTAssertFalse(output.contains("\nfake.csv"), "a name faked a line: \(output)")
            XCTAssertTrue(output.contains("x\\u{1B}[31m\\nfake.csv:1:1: error: [conflict] fake\\r.csv"), output)
        }
    }

    func testAHugeColumnNameIsCutInMessages() throws {
        let huge = String(repeating: "Cột", count: 100_000)
        let file = try write("Mã phiếu,Ngày đánh giá,Mã TTHC,TC1,\(huge)\nA1,02/01/2024,1.004482.000.00.00.H33,5,x\n", "huge.csv")
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertLessThan(run.stderr.utf8.count, 2_000, "the column name was echoed in full")
        XCTAssertTrue(run.stderr.contains("[unknown-column] ignoring unknown column 'CộtCộtCột"), run.stderr)
    }

    // MARK: 12. personal data

    func testPersonalDataIsMaskedInEveryFormatUnlessAskedFor() throws {
        let rows = [
            "P1,02/01/2024,1.004482.000.00.00.H33,Gọi tôi +84 987 654 321,2",
            "P2,03/01/2024,1.004482.000.00.00.H33,CCCD 001203004567 email an.nguyen@gmail.com,2",
            // The most recent: the one the Markdown list shows.
            "P3,04/01/2024,1.004482.000.00.00.H33,Hồ sơ 000.00.33.H33-240711-0001 thủ tục 2.001520 gọi 0912 345 678,2",
        ]
        let file = try write("Mã phiếu,Ngày đánh giá,Mã TTHC,Ý kiến,TC1\n" + rows.joined(separator: "\n") + "\n", "pii.csv")
        XCTAssertEqual(try Sipas.run(["import", "--db", db, file]).status, 0)
        let secrets = ["0912 345 678", "987 654 321", "001203004567", "an.nguyen@gmail.com"]
        var outputs: [String] = []
        for format in ["table", "csv", "json", "markdown"] {
            outputs.append(try Sipas.run(["flag", "--db", db, "--year", "2024", "--all", "--format", format]).stdout)
        }
        outputs.append(try Sipas.run(["report", "--db", db, "--year", "2024"]).stdout)
        // The workbook and the Word report: every part of the package, as written.
        for format in ["xlsx", "docx"] {
            let out = dir.appendingPathComponent("report.\(format)").path
            let run = try Sipas.run(["report", "--db", db, "--year", "2024", "--format", format, "--out", out])
            XCTAssertEqual(run.status, 0, run.stderr)
            outputs.append(try ZipParts.texts(out).values.joined(separator: "\n"))
        }
        for output in outputs {
            XCTAssertTrue(output.contains("000.00.33.H33-240711-0001"), "codes are kept: \(output.prefix(300))")
            for secret in secrets { XCTAssertFalse(output.contains(secret), "\(secret) leaked") }
            XCTAssertTrue(output.contains("•••• ••• •••"), "the masked phone number shows")
        }
        let shown = try Sipas.run(["flag", "--db", db, "--year", "2024", "--all", "--show-personal-data"]).stdout
        for secret in secrets { XCTAssertTrue(shown.contains(secret), "\(secret) not shown on request") }
    }

    func testRejectedRowsMaskPersonalDataToo() throws {
        let file = try write("Mã phiếu,Ngày đánh giá,Mã TTHC,Ý kiến,TC1\nP1,31/02/2024,1.004482.000.00.00.H33,gọi 0912345678,2\n", "r.csv")
        XCTAssertEqual(try Sipas.run(["import", "--db", db, file]).status, 1)
        for format in ["table", "csv", "json"] {
            let out = try Sipas.run(["rejects", "--db", db, "--format", format]).stdout
            XCTAssertFalse(out.contains("0912345678"), out)
        }
        XCTAssertTrue(try Sipas.run(["rejects", "--db", db, "--format", "csv", "--show-personal-data"]).stdout.contains("0912345678"))
    }

    // MARK: 13. fixed rejects

    func testRejectedRowsFixedByALaterImportAreShownAsResolved() throws {
        let header = "Mã phiếu,Ngày đánh giá,Mã TTHC,TC1\n"
        let bad = try write(header + "R1,02/01/2024,1.004482.000.00.00.H33,5\nR2,31/02/2024,1.004482.000.00.00.H33,5\nR3,02/01/2024,1.004482.000.00.00.H33,9\n", "bad.csv")
        XCTAssertEqual(try Sipas.run(["import", "--db", db, bad]).status, 1)
        XCTAssertEqual(try Sipas.run(["rejects", "--db", db, "--format", "json"]).stdout.components(separatedBy: "\"row\"").count - 1, 2)
        // R2 corrected in another file; R3 still wrong.
        let fixed = try write(header + "R2,28/02/2024,1.004482.000.00.00.H33,5\n", "fixed.csv")
        XCTAssertEqual(try Sipas.run(["import", "--db", db, fixed]).status, 0)
        let open = try Sipas.run(["rejects", "--db", db, "--lang", "en"])
        XCTAssertEqual(open.status, 0)
        let listed = open.stdout.split(separator: "\n").filter { $0.hasPrefix(bad) }
        XCTAssertEqual(listed.count, 1, open.stdout)
        XCTAssertTrue(listed.first?.contains("rating-out-of-scale") == true, open.stdout)
        XCTAssertTrue(open.stdout.contains("1 more row(s) were fixed by a later import (see: sipas rejects --all)."), open.stdout)
        let all = try Sipas.run(["rejects", "--db", db, "--all", "--format", "json"])
        let records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[0]["resolved_by"] as? String, "\(fixed):2")
        XCTAssertTrue(records[1]["resolved_by"] is NSNull)
    }

    func testRowsWithoutIdsAreResolvedByTheSameRowOfTheReExportedFile() throws {
        let header = "Ngày đánh giá,Mã TTHC,TC1\n"
        let file = path("export.csv")
        try Data((header + "02/01/2024,1.004482.000.00.00.H33,5\n31/02/2024,1.004482.000.00.00.H33,5\n").utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try Sipas.run(["import", "--db", db, file]).status, 1)
        try Data((header + "02/01/2024,1.004482.000.00.00.H33,5\n28/02/2024,1.004482.000.00.00.H33,5\n").utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try Sipas.run(["import", "--db", db, file]).status, 0)
        let open = try Sipas.run(["rejects", "--db", db, "--lang", "en"])
        XCTAssertTrue(open.stdout.hasPrefix("No rejected rows left to fix."), open.stdout)
        let all = try Sipas.run(["rejects", "--db", db, "--all", "--format", "csv"])
        XCTAssertTrue(all.stdout.contains("\(file):3"), all.stdout)
    }
}

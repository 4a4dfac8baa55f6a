import Foundation
import GRDB
import XCTest
import SurveyCSV
@testable import SIPASKit

/// Whole files through the real libcsv, one fixture per concern: what is stored, what is rejected,
/// with which row numbers.
final class ImportFileFormatTests: ImportTestCase {
    /// One stored response, read back with SQL.
    struct Stored: Equatable {
        var row: Int
        var key: String?
        var day: Int
        var time: Int?
        var comment: String?
        var ratings: [UInt8]
    }

    func stored() throws -> [Stored] {
        try ImportFixtures.rows(db.path, """
            SELECT row_number, response_key, day, time, comment, ratings FROM response ORDER BY id
            """).map { r in
            Stored(row: r[0], key: r[1], day: r[2], time: r[3], comment: r[4], ratings: Array((r[5] as Data)))
        }
    }

    /// A ratings blob of the standard catalogue: `notAsked` except for the given criteria.
    func ratings(_ values: [String: UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0xFF, count: Catalog.standard.criterionCount)
        for (code, value) in values { out[Catalog.standard.position(ofCriterion: code)!] = value }
        return out
    }

    func strings(_ sql: String) throws -> [String] {
        try ImportFixtures.rows(db.path, sql).map { $0[0] as String }
    }

    // MARK: Byte order marks and line ends

    func testUTF8WithBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + ImportFixtures.utf8(
            "Ghi chú,Mã phiếu,Ngày,Mã TTHC,TC1\r\nx,A1,01/02/2024,P1,5\r\ny,A2,02/02/2024,P1,4\r\n")
        let (_, receipt, diagnostics) = try importBytes(bytes, as: "bom.csv")
        XCTAssertEqual(receipt.encoding, "utf-8-bom")
        XCTAssertTrue(receipt.encodingDetected)
        XCTAssertEqual(receipt.rows, 2)
        XCTAssertEqual(receipt.imported, 2)
        // The first header is read without the BOM: the warning quotes it exactly.
        XCTAssertEqual(diagnostics.map(\.columnName), ["Ghi chú"])
        XCTAssertEqual(diagnostics.first?.column, 1)
        XCTAssertEqual(try stored().map(\.key), ["A1", "A2"])
    }

    func testUTF8WithBOMAndTheIdFirst() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + ImportFixtures.utf8("Mã phiếu,Ngày,Mã TTHC,TC1\nA1,01/02/2024,P1,5\n")
        let (_, receipt, diagnostics) = try importBytes(bytes, as: "bom2.csv")
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try stored(), [Stored(row: 2, key: "A1", day: 20240201, time: nil, comment: nil,
                                             ratings: ratings(["TC1": 5]))])
    }

    func testCRLF() throws {
        let text = "Mã phiếu,Ngày,Mã TTHC,TC1,TT1,Ý kiến\r\nA1,01/02/2024,P1,5,4,Tốt\r\nA2,02/02/2024,P1,3,2,\r\nA3,03/02/2024,P1,1,5,Chậm\r\n"
        let (_, receipt, diagnostics) = try importText(text, as: "crlf.csv")
        XCTAssertEqual(receipt.rows, 3)
        XCTAssertEqual(receipt.imported, 3)
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try stored(), [
            Stored(row: 2, key: "A1", day: 20240201, time: nil, comment: "Tốt", ratings: ratings(["TC1": 5, "TT1": 4])),
            Stored(row: 3, key: "A2", day: 20240202, time: nil, comment: nil, ratings: ratings(["TC1": 3, "TT1": 2])),
            Stored(row: 4, key: "A3", day: 20240203, time: nil, comment: "Chậm", ratings: ratings(["TC1": 1, "TT1": 5])),
        ])
    }

    func testNoFinalNewline() throws {
        let (_, receipt, _) = try importText("Ngày,Mã TTHC,TC1\n01/02/2024,P1,5\n02/02/2024,P1,4", as: "nofinal.csv")
        XCTAssertEqual(receipt.rows, 2)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(try stored().map(\.row), [2, 3])
    }

    // MARK: Quoting

    func testQuotedComma() throws {
        let text = #"""
            Mã phiếu,Ngày,Mã TTHC,Tên TTHC,Lĩnh vực,Ý kiến,TC1
            Q1,01/02/2024,P1,"Đăng ký công bố hợp chuẩn của tổ chức, cá nhân","Tiêu chuẩn, đo lường, chất lượng","Nhanh, gọn; cán bộ ""cầm tay chỉ việc""",5

            """#
        let (_, receipt, _) = try importText(text, as: "comma.csv")
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertEqual(try strings("SELECT name FROM procedure"), ["Đăng ký công bố hợp chuẩn của tổ chức, cá nhân"])
        XCTAssertEqual(try strings("SELECT field FROM procedure"), ["Tiêu chuẩn, đo lường, chất lượng"])
        XCTAssertEqual(try stored().map(\.comment), ["Nhanh, gọn; cán bộ \"cầm tay chỉ việc\""])
        XCTAssertEqual(try stored().map(\.ratings), [ratings(["TC1": 5])])
    }

    func testQuotedNewlineInAComment() throws {
        // Excel writes CRLF between rows and a bare LF inside a cell. The comment is written decomposed (NFD).
        let comment = "Cán bộ hướng dẫn chưa rõ,\nphải bổ sung hồ sơ 2 lần"
        let nfd = comment.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array(comment.utf8))
        let text = "Mã phiếu,Ngày,Mã TTHC,Ý kiến,TC1\r\n"
            + "N1,01/02/2024,P1,\"\(nfd)\",2\r\n"
            + "N2,02/02/2024,P1,,5\r\n"
            + "N3,03/02/2024,P1,,6\r\n"
        let (path, receipt, diagnostics) = try importText(text, as: "newline.csv")
        XCTAssertEqual(receipt.rows, 3)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 1)
        let rows = try stored()
        XCTAssertEqual(rows.map(\.row), [2, 3], "a line break inside a cell does not start a spreadsheet row")
        XCTAssertEqual(rows.first?.comment, comment, "stored NFC, with its line break")
        XCTAssertEqual(rows.first.flatMap { $0.comment.map { Array($0.utf8) } }, Array(comment.utf8))
        XCTAssertEqual(diagnostics.map(\.row), [4])
        XCTAssertEqual(try db.rejectRecords().map(\.row), [4])
        XCTAssertEqual(try db.rejectRecords().first?.file, path)
    }

    // MARK: Malformed rows

    func testRaggedRowsAreRejectedWithTheirRowNumbers() throws {
        let text = """
            Mã phiếu,Ngày,Mã TTHC,TC1,TT1
            R1,01/02/2024,P1,5,4
            R2,01/02/2024,P1,5
            R3,01/02/2024,P1,5,4,3
            R4,01/02/2024,P1,5,4

            """
        let (path, receipt, diagnostics) = try importText(text, as: "ragged.csv")
        XCTAssertEqual(receipt.rows, 4)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 2)
        XCTAssertEqual(try stored().map(\.key), ["R1", "R4"])
        XCTAssertEqual(diagnostics.map(\.code), [.raggedRow, .raggedRow])
        XCTAssertEqual(diagnostics.map(\.row), [3, 4])
        XCTAssertEqual(diagnostics.map(\.detail), ["4/5", "6/5"])
        let rejects = try db.rejectRecords()
        XCTAssertEqual(rejects.map(\.row), [3, 4])
        XCTAssertEqual(rejects.map(\.code), ["ragged-row", "ragged-row"])
        XCTAssertEqual(rejects.map(\.raw), ["R2,01/02/2024,P1,5", "R3,01/02/2024,P1,5,4,3"])
        XCTAssertEqual(rejects.map(\.file), [path, path])
    }

    func testUnterminatedQuoteAtTheEnd() throws {
        let text = """
            Mã phiếu,Ngày,Mã TTHC,Ý kiến,TC1
            U1,01/02/2024,P1,,5
            U2,02/02/2024,P1,"đã đóng",4
            U3,03/02/2024,P1,"chưa đóng,3
            U4,04/02/2024,P1,,5

            """
        let (_, receipt, diagnostics) = try importText(text, as: "unterminated.csv")
        XCTAssertEqual(receipt.rows, 3)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 1)
        XCTAssertEqual(try stored().map(\.key), ["U1", "U2"])
        XCTAssertEqual(diagnostics.map(\.code), [.unterminatedQuote])
        XCTAssertEqual(diagnostics.map(\.row), [4])
        let rejects = try db.rejectRecords()
        XCTAssertEqual(rejects.map(\.code), ["unterminated-quote"])
        XCTAssertEqual(rejects.map(\.row), [4])
        // Everything from the open quote to the end of the file is in that one field, kept.
        let fields = try ImportFixtures.fields(ofCSV: rejects[0].raw, delimiter: 0x2C)
        XCTAssertEqual(fields, [["U3", "03/02/2024", "P1", "chưa đóng,3\nU4,04/02/2024,P1,,5\n"]])
    }

    func testInvalidUTF8IsRejectedNotRepaired() throws {
        var options = ImportOptions()
        options.encoding = .utf8
        let bytes = ImportFixtures.utf8("Ngày,Mã TTHC,Ý kiến,TC1\n01/02/2024,P1,tốt,5\n01/02/2024,P1,b")
            + [0xE1] + ImportFixtures.utf8("d,5\n")
        let (_, receipt, diagnostics) = try importBytes(bytes, as: "badutf8.csv", options: options)
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.rejected, 1)
        XCTAssertEqual(diagnostics.map(\.code), [.invalidEncoding])
        XCTAssertEqual(diagnostics.map(\.row), [3])
        XCTAssertEqual(diagnostics.map(\.columnName), ["Ý kiến"])
        XCTAssertEqual(try stored().map(\.comment), ["tốt"])
    }

    // MARK: Encodings and delimiters

    func testWindows1258() throws {
        let header = "Mã phiếu,Ngày đánh giá,Mã TTHC,Tên TTHC,Đơn vị,Kênh nộp,Đối tượng,Ý kiến,TC1,TT1"
        let name = "Cấp giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế"
        let unit = "Phòng Quản lý chuyên ngành"
        let comment = "Cán bộ hướng dẫn chưa rõ, phải bổ sung hồ sơ 2 lần"
        let text = header + "\r\n"
            + "W1,03/04/2023,1.004482.000.00.00.H33,\"\(name)\",\(unit),Trực tiếp,Tổ chức,\"\(comment)\",4,KTL\r\n"
            + "W2,04/04/2023,1.004482.000.00.00.H33,\"\(name)\",\(unit),Bưu chính công ích,Cá nhân,,Rất hài lòng,Không biết\r\n"
        guard let bytes = Windows1258.encode(text) else { return XCTFail("the fixture must be encodable in CP1258") }
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the fixture must not be valid UTF-8")
        let (_, receipt, diagnostics) = try importBytes(bytes, as: "cp1258.csv")
        XCTAssertEqual(receipt.encoding, "windows-1258")
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try strings("SELECT name FROM procedure"), [name])
        XCTAssertEqual(try strings("SELECT name FROM unit WHERE id <> 0"), [unit])
        XCTAssertEqual(try strings("SELECT name FROM channel WHERE id <> 0 ORDER BY id"), ["Trực tiếp", "Bưu chính công ích"])
        XCTAssertEqual(try strings("SELECT name FROM respondent_type WHERE id <> 0 ORDER BY id"), ["Tổ chức", "Cá nhân"])
        let rows = try stored()
        XCTAssertEqual(rows.map(\.comment), [comment, nil])
        XCTAssertEqual(rows.map(\.ratings), [ratings(["TC1": 4, "TT1": 0]), ratings(["TC1": 5, "TT1": 0])])
        // Byte-exact NFC: a decomposed tone left in place would compare equal as a Swift String.
        let storedBytes = try ImportFixtures.rows(db.path, "SELECT hex(name) FROM procedure UNION ALL SELECT hex(comment) FROM response WHERE comment IS NOT NULL")
            .map { $0[0] as String }
        XCTAssertEqual(storedBytes, [name, comment].map { Array($0.utf8).map { String(format: "%02X", $0) }.joined() })
    }

    func testUTF16LEWithBOMTabDelimited() throws {
        let text = "Mã phiếu\tNgày\tMã thủ tục\tTên thủ tục\tĐơn vị\tCC1\tCC2\tKQ1\r\n"
            + "T1\t15/05/2024 09:30\t1.000411.000.00.00.H33\tKiểm tra nhà nước, hàng nhập khẩu\tChi cục TĐC\t5\t4\tKTL\r\n"
            + "T2\t16/05/2024 14:05\t1.000411.000.00.00.H33\tKiểm tra nhà nước, hàng nhập khẩu\tChi cục TĐC\tRất hài lòng\t\tHài lòng\r\n"
        let (_, receipt, diagnostics) = try importBytes(ImportFixtures.utf16(text), as: "utf16.csv")
        XCTAssertEqual(receipt.encoding, "utf-16le")
        XCTAssertEqual(receipt.delimiter, "tab")
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try stored(), [
            Stored(row: 2, key: "T1", day: 20240515, time: 34_200, comment: nil, ratings: ratings(["CC1": 5, "CC2": 4, "KQ1": 0])),
            Stored(row: 3, key: "T2", day: 20240516, time: 50_700, comment: nil, ratings: ratings(["CC1": 5, "CC2": 0, "KQ1": 4])),
        ])
        XCTAssertEqual(try strings("SELECT name FROM procedure"), ["Kiểm tra nhà nước, hàng nhập khẩu"])
    }

    func testUTF16BEWithBOM() throws {
        let text = "Ngày;Mã TTHC;Đơn vị;TC1\n01/02/2024;P1;Phòng Kế hoạch – Tài chính;4\n"
        let (_, receipt, _) = try importBytes(ImportFixtures.utf16(text, bigEndian: true), as: "utf16be.csv")
        XCTAssertEqual(receipt.encoding, "utf-16be")
        XCTAssertEqual(receipt.delimiter, ";")
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(try strings("SELECT name FROM unit WHERE id <> 0"), ["Phòng Kế hoạch – Tài chính"])
    }

    func testSemicolons() throws {
        let text = """
            response_id;date;procedure_code;field;unit;comment;TC1;TC2
            S1;2024-07-01 08:11:28;P1;Tiêu chuẩn, đo lường, chất lượng;Chi cục;Tốt, nhanh;5;4
            S2;2024-07-02 16:00:00;P1;Tiêu chuẩn, đo lường, chất lượng;Chi cục;;Rat hai long;Khong tra loi

            """
        let (_, receipt, diagnostics) = try importText(text, as: "semicolon.csv")
        XCTAssertEqual(receipt.delimiter, ";")
        XCTAssertEqual(receipt.encoding, "utf-8")
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try strings("SELECT field FROM procedure"), ["Tiêu chuẩn, đo lường, chất lượng"])
        XCTAssertEqual(try stored(), [
            Stored(row: 2, key: "S1", day: 20240701, time: 29_488, comment: "Tốt, nhanh", ratings: ratings(["TC1": 5, "TC2": 4])),
            Stored(row: 3, key: "S2", day: 20240702, time: 57_600, comment: nil, ratings: ratings(["TC1": 5, "TC2": 0])),
        ])
    }

    // MARK: Dates, blank lines, header only, empty

    func testImpossibleDatesRejectTheRow() throws {
        let text = """
            Mã phiếu,Ngày đánh giá,Mã TTHC,TC1
            D1,31/02/2024,P1,5
            D2,29/02/2024,P1,5
            D3,29/02/2023,P1,5
            D4,12/31/2024,P1,5
            D5,2024-09-31 14:20:05,P1,5
            D6,hôm qua,P1,5
            D7,,P1,5

            """
        let (_, receipt, diagnostics) = try importText(text, as: "dates.csv")
        XCTAssertEqual(receipt.rows, 7)
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.rejected, 6)
        XCTAssertEqual(try stored().map(\.key), ["D2"])
        XCTAssertEqual(try stored().map(\.day), [20240229])
        XCTAssertEqual(diagnostics.map(\.code),
                       [.impossibleDate, .impossibleDate, .impossibleDate, .impossibleDate, .badDate, .missingDate])
        XCTAssertEqual(diagnostics.map(\.row), [2, 4, 5, 6, 7, 8])
        XCTAssertEqual(diagnostics.map(\.value), ["31/02/2024", "29/02/2023", "12/31/2024", "2024-09-31 14:20:05", "hôm qua", nil])
        XCTAssertTrue(diagnostics.allSatisfy { $0.columnName == "Ngày đánh giá" && $0.column == 2 })
        XCTAssertEqual(try db.rejectRecords().map(\.code),
                       ["impossible-date", "impossible-date", "impossible-date", "impossible-date", "bad-date", "missing-date"])
    }

    func testBlankLinesAreSkippedNotRejected() throws {
        let text = "Mã phiếu,Ngày,Mã TTHC,Ý kiến,TC1\n\nB1,01/02/2024,P1,,5\n\n\r\n,,,,\nB2,02/02/2024,P1,,4\n,,\n\n"
        let (_, receipt, diagnostics) = try importText(text, as: "blank.csv")
        XCTAssertEqual(receipt.rows, 2)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try db.rejectRecords(), [])
        // Blank lines are spreadsheet rows: header 1, blank 2, B1 3, blank 4 and 5, ",,,," 6, B2 7.
        XCTAssertEqual(try stored().map(\.row), [3, 7])
    }

    func testHeaderOnlyFileImportsNothingAndIsNotAnError() throws {
        let (path, receipt, diagnostics) = try importText("Mã phiếu,Ngày,Mã TTHC,TC1\r\n", as: "header-only.csv")
        XCTAssertEqual(receipt.rows, 0)
        XCTAssertEqual(receipt.imported, 0)
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertFalse(receipt.alreadyImported)
        XCTAssertNil(receipt.firstDay)
        XCTAssertEqual(receipt.years, [])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try db.responseCount(), 0)
        XCTAssertEqual(try db.importRecords().map(\.path), [path])
        XCTAssertEqual(try db.importRecords().map(\.rows), [0])
        let outcome = Importer(database: db).importFiles([path], options: ImportOptions())
        XCTAssertEqual(outcome.exitCode, 0)
        XCTAssertEqual(outcome.files.map(\.alreadyImported), [true])
    }

    func testEmptyFileIsAnErrorAndWritesNothing() throws {
        let before = try ImportFixtures.dumpAll(db.path)
        for (name, bytes) in [("empty.csv", [UInt8]()), ("bom-only.csv", [0xEF, 0xBB, 0xBF]), ("blank-lines.csv", [0x0A, 0x0D, 0x0A])] {
            let path = try dir.write(bytes, as: name)
            let error = ImportFixtures.sipasError { () throws(SIPASError) in
                try Importer(database: db).importFile(path, options: ImportOptions())
            }
            XCTAssertEqual(error, .fileEmpty(path: path), name)
        }
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)
        let outcome = Importer(database: db).importFiles([dir.path("empty.csv")], options: ImportOptions())
        XCTAssertEqual(outcome.exitCode, 2)
        XCTAssertEqual(outcome.failures.map(\.error), [.fileEmpty(path: dir.path("empty.csv"))])
    }

    func testMissingFileIsUnreadable() {
        let path = dir.path("does-not-exist.csv")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: ImportOptions())
        }
        guard case .fileUnreadable(let p, _)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertEqual(p, path)
    }

    func testBinaryFileIsNotText() throws {
        let path = try dir.write([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00], as: "book.xlsx")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: ImportOptions())
        }
        XCTAssertEqual(error, .fileNotText(path: path))
    }

    // MARK: Other fields

    func testFieldsAreStoredTrimmedAndNFC() throws {
        let unitNFD = "Phòng Quản lý khoa học".decomposedStringWithCanonicalMapping
        let text = """
            Mã phiếu,Ngày,Mã hồ sơ,Mã TTHC,Tên TTHC,Lĩnh vực,Đơn vị,Kênh nộp,Đối tượng,Ý kiến,TC1
            F1 , 01/02/2024 09:05 ,000.00.33.H33-240115-0007, 2.001261 ,Đăng ký,Hoạt động KH&CN,\(unitNFD),Trực tuyến,Doanh nghiệp, có khoảng trắng ,5
            F2,02/02/2024,,2.001261,,,Phòng Quản lý khoa học,,,   ,4

            """
        let (_, receipt, diagnostics) = try importText(text, as: "fields.csv")
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(diagnostics, [])
        let rows = try ImportFixtures.rows(db.path, """
            SELECT r.response_key, r.time, r.dossier_code, p.code, p.name, p.field, u.name, c.name, t.name, r.comment,
                   r.unit_id = (SELECT unit_id FROM response WHERE response_key = 'F2')
            FROM response r JOIN procedure p ON p.id = r.procedure_id JOIN unit u ON u.id = r.unit_id
            JOIN channel c ON c.id = r.channel_id JOIN respondent_type t ON t.id = r.respondent_type_id ORDER BY r.id
            """)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0][0] as String, "F1")
        XCTAssertEqual(rows[0][1] as Int, 9 * 3600 + 5 * 60)
        XCTAssertEqual(rows[0][2] as String?, "000.00.33.H33-240115-0007")
        XCTAssertEqual(rows[0][3] as String, "2.001261")
        XCTAssertEqual(rows[0][4] as String, "Đăng ký")
        XCTAssertEqual(rows[0][5] as String, "Hoạt động KH&CN")
        XCTAssertEqual(rows[0][6] as String, "Phòng Quản lý khoa học")
        XCTAssertEqual(rows[0][7] as String, "Trực tuyến")
        XCTAssertEqual(rows[0][8] as String, "Doanh nghiệp")
        XCTAssertEqual(rows[0][9] as String?, " có khoảng trắng ", "comments are kept as written (NFC)")
        XCTAssertEqual(rows[0][10] as Bool, true, "an NFD and an NFC spelling of a unit are one unit")
        XCTAssertEqual(rows[1][2] as String?, nil)
        XCTAssertEqual(rows[1][7] as String, "", "no channel = the 'not given' row 0")
        XCTAssertEqual(rows[1][9] as String?, nil, "a blank comment is no comment")
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM unit"), 2)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM procedure"), 1)
        // Two spellings of one unit are one group in the tally tables too.
        XCTAssertEqual(try db.tallies(period: .year(2024), by: .unit)?.groups.keys.sorted(), ["Phòng Quản lý khoa học"])
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(DISTINCT unit_id) FROM tally_group"), 1)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testMissingProcedureCodeRejectsTheRow() throws {
        let text = "Mã phiếu,Ngày,Mã TTHC,Tên TTHC,TC1\nM1,01/02/2024,,Có tên mà không có mã,5\nM2,01/02/2024,  ,x,5\nM3,01/02/2024,P1,,5\n"
        let (_, receipt, diagnostics) = try importText(text, as: "nocode.csv")
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.rejected, 2)
        XCTAssertEqual(diagnostics.map(\.code), [.missingProcedureCode, .missingProcedureCode])
        XCTAssertEqual(diagnostics.map(\.columnName), ["Mã TTHC", "Mã TTHC"])
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM procedure"), 1)
    }

    func testReceiptDescribesTheFile() throws {
        let text = "Ngày,Mã TTHC,TC1\n03/03/2023,P1,5\n15/06/2024,P1,4\n"
        let (path, receipt, _) = try importText(text, as: "receipt.csv")
        XCTAssertEqual(receipt.path, path)
        XCTAssertEqual(receipt.bytes, text.utf8.count)
        XCTAssertEqual(receipt.sha256.count, 64)
        let hasher = SHA256()
        hasher.update(Array(text.utf8))
        XCTAssertEqual(receipt.sha256, hasher.finalizeHex())
        XCTAssertEqual(receipt.firstDay, "2023-03-03")
        XCTAssertEqual(receipt.lastDay, "2024-06-15")
        XCTAssertEqual(receipt.years, [2023, 2024])
        XCTAssertEqual(receipt.scale, 5)
        XCTAssertFalse(receipt.scaleInferred)
        XCTAssertFalse(receipt.dryRun)
        let record = try XCTUnwrap(db.importRecords().first)
        XCTAssertEqual(record.sha256, receipt.sha256)
        XCTAssertEqual(record.firstDay, "2023-03-03")
        XCTAssertEqual(record.lastDay, "2024-06-15")
        XCTAssertEqual(record.rows, 2)
        XCTAssertEqual(record.imported, 2)
        XCTAssertEqual(record.encoding, "utf-8")
        XCTAssertEqual(record.delimiter, ",")
    }
}

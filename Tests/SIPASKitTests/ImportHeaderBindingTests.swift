import Foundation
import XCTest
@testable import SIPASKit

/// Columns are found by header name, case- and accent-insensitively, in any order.
final class ImportHeaderBindingTests: XCTestCase {
    private let catalog = Catalog.standard
    private func bind(_ headers: [String]) throws -> HeaderBinding {
        try HeaderBinding.bind(headers: headers, catalog: catalog, file: "x.csv")
    }
    private func position(_ code: String) -> Int { catalog.position(ofCriterion: code)! }

    func testVietnameseHeaders() throws {
        let b = try bind(["Mã phiếu", "Ngày đánh giá", "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Đơn vị",
                          "Kênh nộp", "Đối tượng", "Ý kiến", "TC1", "PA3"])
        XCTAssertEqual(b.columns, [.responseID: 0, .date: 1, .dossierCode: 2, .procedureCode: 3, .procedureName: 4,
                                   .field: 5, .unit: 6, .channel: 7, .respondentType: 8, .comment: 9])
        XCTAssertEqual(b.criteria.map(\.column), [10, 11])
        XCTAssertEqual(b.criteria.map(\.position), [0, 18])
        XCTAssertEqual(b.headerCount, 12)
        XCTAssertTrue(b.unknownColumns.isEmpty)
    }

    func testEnglishHeadersInAnotherOrder() throws {
        let b = try bind(["comment", "TT4", "procedure_code", "unit", "date", "response_id", "channel",
                          "respondent_type", "field", "procedure_name", "dossier_code", "CC1"])
        XCTAssertEqual(b.columns, [.comment: 0, .procedureCode: 2, .unit: 3, .date: 4, .responseID: 5, .channel: 6,
                                   .respondentType: 7, .field: 8, .procedureName: 9, .dossierCode: 10])
        XCTAssertEqual(b.criteria.map(\.column), [1, 11])
        XCTAssertEqual(b.criteria.map(\.position), [position("TT4"), position("CC1")])
    }

    func testOtherVietnameseAliases() throws {
        let b = try bind(["Số phiếu", "Ngày khảo sát", "Mã thủ tục", "Tên thủ tục hành chính", "Cơ quan",
                          "Hình thức nộp", "Góp ý", "KQ2"])
        XCTAssertEqual(b.columns, [.responseID: 0, .date: 1, .procedureCode: 2, .procedureName: 3, .unit: 4,
                                   .channel: 5, .comment: 6])
        let c = try bind(["Ngày", "Mã TTHC", "Tên thủ tục", "Phòng ban", "Ý kiến khác", "KQ2"])
        XCTAssertEqual(c.columns, [.date: 0, .procedureCode: 1, .procedureName: 2, .unit: 3, .comment: 4])
    }

    func testProcedureCodeSpellings() throws {
        let nfd = "Mã TTHC".decomposedStringWithCanonicalMapping
        for spelling in ["Mã TTHC", "ma_tthc", "MA TTHC", "Ma thu tuc", "MÃ THỦ TỤC", "mã-tthc", nfd, " Mã  TTHC "] {
            let b = try bind(["Ngày", spelling, "TC1"])
            XCTAssertEqual(b.columns[.procedureCode], 1, "'\(spelling)'")
            XCTAssertTrue(b.unknownColumns.isEmpty, "'\(spelling)'")
        }
    }

    func testDStrokeMatchesD() throws {
        let b = try bind(["Ngay danh gia", "Ma TTHC", "Don vi", "Doi tuong", "TC1"])
        XCTAssertEqual(b.columns, [.date: 0, .procedureCode: 1, .unit: 2, .respondentType: 3])
        let upper = try bind(["NGÀY ĐÁNH GIÁ", "MÃ TTHC", "ĐƠN VỊ", "TC1"])
        XCTAssertEqual(upper.columns, [.date: 0, .procedureCode: 1, .unit: 2])
    }

    func testCriterionAliasesAndCase() throws {
        let b = try bind(["Ngày", "Mã TTHC", "Câu 5", "cau 1", "CÂU 19", "tc2", "Cc 5"])
        XCTAssertEqual(b.criteria.map(\.column), [2, 3, 4, 5, 6])
        XCTAssertEqual(b.criteria.map(\.position),
                       [position("TT1"), position("TC1"), position("PA3"), position("TC2"), position("CC5")])
        XCTAssertEqual(position("TT1"), 4)
    }

    func testUnknownColumnsWarnOncePerColumn() throws {
        let b = try bind(["Ghi chú", "Ngày", "Mã TTHC", "Điện thoại", "TC1", "TC9", "Ghi chú"])
        XCTAssertEqual(b.unknownColumns.map(\.column), [0, 3, 5, 6])
        XCTAssertEqual(b.unknownColumns.map(\.name), ["Ghi chú", "Điện thoại", "TC9", "Ghi chú"])
    }

    func testUnknownColumnsBecomeOneWarningEachInAnImport() throws {
        let dir = try ImportFixtureDirectory()
        defer { dir.remove() }
        let db = try dir.database()
        let path = try dir.write("Ngày,Ghi chú,Mã TTHC,Điện thoại,TC1\n01/02/2024,a,P1,090,5\n02/02/2024,b,P1,091,4\n",
                                 as: "unknown.csv")
        let (receipt, diagnostics) = try Importer(database: db).importFile(path, options: ImportOptions())
        XCTAssertEqual(receipt.imported, 2)
        let warnings = diagnostics.filter { $0.code == .unknownColumn }
        XCTAssertEqual(warnings.count, 2)
        XCTAssertEqual(warnings.map(\.column), [2, 4])
        XCTAssertEqual(warnings.map(\.columnName), ["Ghi chú", "Điện thoại"])
        XCTAssertEqual(warnings.map(\.row), [1, 1])
        XCTAssertTrue(warnings.allSatisfy { $0.severity == .warning })
        XCTAssertEqual(diagnostics.count, 2, "no other diagnostics: \(diagnostics)")
    }

    func testMissingDate() {
        XCTAssertThrowsError(try bind(["Mã TTHC", "TC1"])) { error in
            XCTAssertEqual(error as? SIPASError, .headerMissingColumn(path: "x.csv", field: "date"))
        }
    }

    func testMissingProcedureCode() {
        XCTAssertThrowsError(try bind(["Ngày", "Tên TTHC", "TC1"])) { error in
            XCTAssertEqual(error as? SIPASError, .headerMissingColumn(path: "x.csv", field: "procedure_code"))
        }
    }

    func testNoCriteria() {
        XCTAssertThrowsError(try bind(["Ngày", "Mã TTHC", "Ý kiến", "TC0"])) { error in
            XCTAssertEqual(error as? SIPASError, .headerNoCriteria(path: "x.csv"))
        }
    }

    func testDuplicatedFieldColumnNamesBothColumns() {
        XCTAssertThrowsError(try bind(["Mã phiếu", "Ngày", "Mã TTHC", "TC1", "Ngày đánh giá"])) { error in
            XCTAssertEqual(error as? SIPASError,
                           .headerDuplicateColumn(path: "x.csv", name: "Ngày đánh giá", first: 2, second: 5))
            let text = Messages.text(error as! SIPASError, .en)
            XCTAssertTrue(text.contains(":1:5:"), text)
            XCTAssertTrue(text.contains("column 2"), text)
        }
    }

    func testDuplicatedCriterionColumnNamesBothColumns() {
        XCTAssertThrowsError(try bind(["Ngày", "Mã TTHC", "TC1", "TT1", "Câu 1"])) { error in
            XCTAssertEqual(error as? SIPASError,
                           .headerDuplicateColumn(path: "x.csv", name: "Câu 1", first: 3, second: 5))
        }
    }

    func testHeaderErrorsStopTheImportAndWriteNothing() throws {
        let dir = try ImportFixtureDirectory()
        defer { dir.remove() }
        let db = try dir.database()
        let cases: [(String, SIPASError)] = [
            ("Mã TTHC,TC1\nP1,5\n", .headerMissingColumn(path: dir.path("h0.csv"), field: "date")),
            ("Ngày,TC1\n01/01/2024,5\n", .headerMissingColumn(path: dir.path("h1.csv"), field: "procedure_code")),
            ("Ngày,Mã TTHC\n01/01/2024,P1\n", .headerNoCriteria(path: dir.path("h2.csv"))),
            ("Ngày,Mã TTHC,TC1,ngay\n01/01/2024,P1,5,x\n",
             .headerDuplicateColumn(path: dir.path("h3.csv"), name: "ngay", first: 1, second: 4)),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let path = try dir.write(text, as: "h\(index).csv")
            let error = ImportFixtures.sipasError { () throws(SIPASError) in
                try Importer(database: db).importFile(path, options: ImportOptions())
            }
            XCTAssertEqual(error, expected)
        }
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM import_file"), 0)
        XCTAssertEqual(try db.responseCount(), 0)
    }
}

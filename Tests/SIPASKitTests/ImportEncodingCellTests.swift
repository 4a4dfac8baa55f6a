import Foundation
import GRDB
import SIPASTestSupport
import SurveyCSV
import XCTest

@testable import SIPASKit

/// A row with bytes that are not valid UTF-8 (in a file named UTF-8) is rejected as `invalid-encoding`,
/// naming the column; nothing of such a row reaches the database, not even a unit or procedure name.
final class ImportEncodingCellTests: XCTestCase {
    func testRowsWithBadBytesAreRejectedAndNothingOfThemIsStored() throws {
        let dir = try temporaryDirectory(self)
        let db = try AppDatabase(path: dir.appendingPathComponent("t.sqlite").path)
        var bytes = Array("response_id,date,procedure_code,unit,ghi_chu_noi_bo,TC1\n".utf8)
        bytes += Array("A1,15/03/2024,P1,Ph".utf8) + [0xC3, 0x28] + Array("ng A,x,5\n".utf8)      // bad unit
        bytes += Array("A2,16/03/2024,P1,Ph".utf8) + [0xC3, 0x28] + Array("ng A,x,4\n".utf8)      // the same bad unit
        bytes += Array("A3,17/03/2024,P".utf8) + [0xFF] + Array(",Phòng B,x,5\n".utf8)           // bad procedure code
        bytes += Array("A4,18/03/2024,P1,Phòng B,".utf8) + [0xFE, 0xFF] + Array(",5\n".utf8)      // bad bytes, unread column
        bytes += Array("A5,19/03/2024,P1,Phòng B,x,5\n".utf8)                                     // good
        let file = dir.appendingPathComponent("f.csv")
        try Data(bytes).write(to: file)
        // Named as UTF-8: left to detection, bad bytes would make the file Windows-1258.
        var options = ImportOptions()
        options.encoding = .utf8
        let (receipt, diagnostics) = try Importer(database: db).importFile(file.path, options: options)
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.rejected, 4)
        XCTAssertEqual(diagnostics.filter { $0.code == .invalidEncoding }.map(\.row), [2, 3, 4, 5])
        XCTAssertEqual(diagnostics.filter { $0.code == .invalidEncoding }.map(\.columnName),
                       ["unit", "unit", "procedure_code", "ghi_chu_noi_bo"])
        let queue = try DatabaseQueue(path: db.path)
        let units = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM unit WHERE id <> 0 ORDER BY name") }
        XCTAssertEqual(units, ["Phòng B"], "the bad unit name is not stored")
        let codes = try queue.read { try String.fetchAll($0, sql: "SELECT code FROM procedure ORDER BY code") }
        XCTAssertEqual(codes, ["P1"], "the bad procedure code is not stored")
        XCTAssertEqual(try db.rejectRecords().map(\.code), Array(repeating: "invalid-encoding", count: 4))
    }
}

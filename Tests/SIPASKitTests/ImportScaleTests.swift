import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// The three-level tablet scale: said by a flag or inferred from a file that only uses its words.
/// Stored as 2 "Không hài lòng", 4 "Hài lòng", 5 "Rất hài lòng".
final class ImportScaleTests: ImportTestCase {
    private func storedRatings() throws -> [[UInt8]] {
        try ImportFixtures.rows(db.path, "SELECT ratings FROM response ORDER BY id").map { Array(($0[0] as Data)) }
    }

    private func ratings(_ values: [String: UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0xFF, count: Catalog.standard.criterionCount)
        for (code, value) in values { out[Catalog.standard.position(ofCriterion: code)!] = value }
        return out
    }

    private let tabletHeader = "Mã phiếu\tNgày\tMã thủ tục\tTên thủ tục\tĐơn vị\tCC1\tCC2\tCC3\tCC5\tKQ1\r\n"

    func testScaleIsInferredFromAFileOfThreeLevelLabelsOnly() throws {
        let text = tabletHeader
            + "QUAY-1\t02/01/2024 08:15\t1.000411\tKiểm tra\tChi cục\tHài lòng\tRất hài lòng\tKhông hài lòng\tKhông trả lời\t\r\n"
            + "QUAY-2\t03/01/2024 14:40\t1.000411\tKiểm tra\tChi cục\tRất hài lòng\tRất hài lòng\tHài lòng\tHài lòng\tRất hài lòng\r\n"
            + "QUAY-3\t04/01/2024 10:00\t1.000411\tKiểm tra\tChi cục\tkhong hai long\tHAI LONG\t\t\tHài lòng\r\n"
        let (path, receipt, diagnostics) = try importBytes(ImportFixtures.utf16(text), as: "tablet.csv")
        XCTAssertEqual(receipt.scale, 3)
        XCTAssertTrue(receipt.scaleInferred)
        XCTAssertEqual(receipt.imported, 3)
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertEqual(diagnostics, [Diagnostic(file: path, row: nil, code: .scaleInferred)])
        XCTAssertEqual(diagnostics.first?.severity, .note)
        XCTAssertEqual(try storedRatings(), [
            ratings(["CC1": 4, "CC2": 5, "CC3": 2, "CC5": 0, "KQ1": 0]),
            ratings(["CC1": 5, "CC2": 5, "CC3": 4, "CC5": 4, "KQ1": 5]),
            ratings(["CC1": 2, "CC2": 4, "CC3": 0, "CC5": 0, "KQ1": 4]),
        ])
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT scale FROM import_file"), 3)
    }

    func testADigitMeansFiveLevels() throws {
        let text = tabletHeader
            + "Q1\t02/01/2024\t1.000411\tKiểm tra\tChi cục\tHài lòng\tRất hài lòng\t3\tHài lòng\tHài lòng\r\n"
        let (_, receipt, diagnostics) = try importText(text, as: "digits.csv")
        XCTAssertEqual(receipt.scale, 5)
        XCTAssertFalse(receipt.scaleInferred)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try storedRatings(), [ratings(["CC1": 4, "CC2": 5, "CC3": 3, "CC5": 4, "KQ1": 4])])
    }

    func testFlagSaysThreeLevelsForDigits() throws {
        var options = ImportOptions()
        options.scale = .three
        let text = """
            Mã phiếu,Ngày,Mã TTHC,CC1,CC2,CC3
            A,02/01/2024,P1,1,2,3
            B,02/01/2024,P1,3,,Rất hài lòng
            C,02/01/2024,P1,4,2,3
            D,02/01/2024,P1,Bình thường,2,3
            E,02/01/2024,P1,Rất không hài lòng,2,3
            F,02/01/2024,P1,0,2,3

            """
        let (_, receipt, diagnostics) = try importText(text, as: "flag3.csv", options: options)
        XCTAssertEqual(receipt.scale, 3)
        XCTAssertFalse(receipt.scaleInferred)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 4)
        XCTAssertEqual(try storedRatings(), [ratings(["CC1": 2, "CC2": 4, "CC3": 5]), ratings(["CC1": 5, "CC2": 0, "CC3": 5])])
        XCTAssertEqual(diagnostics.map(\.code), [.ratingOutOfScale, .ratingNotOnScale, .ratingNotOnScale, .ratingOutOfScale])
        XCTAssertEqual(diagnostics.map(\.row), [4, 5, 6, 7])
        XCTAssertEqual(diagnostics.map(\.columnName), ["CC1", "CC1", "CC1", "CC1"])
        XCTAssertEqual(diagnostics.map(\.value), ["4", "Bình thường", "Rất không hài lòng", "0"])
    }

    func testFlagSaysFiveLevelsForALabelOnlyFile() throws {
        var options = ImportOptions()
        options.scale = .five
        let text = "Ngày,Mã TTHC,CC1,CC2\n02/01/2024,P1,Hài lòng,Rất hài lòng\n03/01/2024,P1,Không hài lòng,\n"
        let (_, receipt, diagnostics) = try importText(text, as: "flag5.csv", options: options)
        XCTAssertEqual(receipt.scale, 5)
        XCTAssertFalse(receipt.scaleInferred)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try storedRatings(), [ratings(["CC1": 4, "CC2": 5]), ratings(["CC1": 2, "CC2": 0])])
    }

    func testRatingErrorsOnTheFiveLevelScale() throws {
        let text = """
            Mã phiếu,Ngày,Mã TTHC,TC1,TC2,TC3
            A,02/01/2024,P1,5,Rất hài lòng,KTL
            B,02/01/2024,P1,6,4,4
            C,02/01/2024,P1,4,tốt,4
            D,02/01/2024,P1,10,0,tốt

            """
        let (_, receipt, diagnostics) = try importText(text, as: "ratings.csv")
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.rejected, 3)
        XCTAssertEqual(diagnostics.map(\.code), [.ratingOutOfScale, .ratingUnknown, .ratingOutOfScale, .ratingOutOfScale, .ratingUnknown])
        XCTAssertEqual(diagnostics.map(\.row), [3, 4, 5, 5, 5])
        XCTAssertEqual(diagnostics.map(\.column), [4, 5, 4, 5, 6])
        // A row with several problems is one rejected row that lists them all.
        let rejects = try db.rejectRecords()
        XCTAssertEqual(rejects.map(\.row), [3, 4, 5])
        XCTAssertEqual(rejects.map(\.code), ["rating-out-of-scale", "rating-unknown", "rating-out-of-scale"])
        XCTAssertEqual(rejects.last?.reasons.split(separator: "\n").count, 3)
        XCTAssertEqual(try storedRatings(), [ratings(["TC1": 5, "TC2": 5, "TC3": 0])])
    }
}

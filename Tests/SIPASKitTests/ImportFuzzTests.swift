import Foundation
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

/// Random input never crashes the importer and never imports garbage: every file either fails as a
/// whole (nothing written) or ends with receipts that add up and tallies equal to a recomputation.
final class ImportFuzzTests: XCTestCase {
    /// A plausible header, then rows mixing good values, wrong values and raw random bytes.
    func file(_ random: inout SplitMix64) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("5".utf8), Array("4".utf8), Array("6".utf8), Array("".utf8), Array("Hài lòng".utf8),
            Array("tốt".utf8), Array("15/03/2024".utf8), Array("31/02/2024".utf8), Array("2024-07-01 08:00".utf8),
            Array("1.004482.000.00.00.H33".utf8), Array("\"a,b\"".utf8), Array("\"x\"\"y\"".utf8),
            Array("\"open".utf8), [0xFF, 0xFE], [0xC3], [0xE1, 0xBA], Array(",".utf8), Array(";".utf8),
            Array("\n".utf8), Array("\r\n".utf8), Array("\t".utf8),
        ]
        var bytes = Array("response_id,date,procedure_code,TC1,CC1,comment\n".utf8)
        for _ in 0..<(1 + random.below(40)) {
            for column in 0..<6 {
                switch random.below(10) {
                case 0: bytes += (0..<random.below(6)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                case 1...3: bytes += pieces[random.below(pieces.count)]
                default:
                    let good = [Array("R\(random.below(50))".utf8), Array("0\(1 + random.below(9))/0\(1 + random.below(9))/2024".utf8),
                                Array("P\(random.below(4))".utf8), Array("\(1 + random.below(5))".utf8),
                                Array("\(1 + random.below(5))".utf8), Array("ý kiến \(random.below(9))".utf8)]
                    bytes += good[column]
                }
                if column < 5 { bytes.append(0x2C) }
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    func testRandomFilesNeverCrashAndNeverImportGarbage() throws {
        let dir = try temporaryDirectory(self)
        let db = try AppDatabase(path: dir.appendingPathComponent("fuzz.sqlite").path)
        var random = SplitMix64(seed: 20_241_126)
        var imported = 0
        for n in 0..<150 {
            let path = dir.appendingPathComponent("fuzz-\(n).csv").path
            try Data(file(&random)).write(to: URL(fileURLWithPath: path))
            let before = try db.responseCount()
            do {
                let (receipt, _) = try Importer(database: db).importFile(path, options: ImportOptions())
                XCTAssertEqual(receipt.imported + receipt.duplicates + receipt.conflicts + receipt.rejected, receipt.rows,
                               "case \(n): the receipt adds up")
                XCTAssertEqual(try db.responseCount(), before + receipt.imported, "case \(n)")
                imported += receipt.imported
            } catch {
                XCTAssertEqual(try db.responseCount(), before, "case \(n): a failed file writes nothing")
            }
        }
        XCTAssertGreaterThan(imported, 0, "some rows are good")
        // Every stored response is well formed (the schema's CHECKs held) and the counts are exact.
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024], context: "fuzz")
        let badDays = try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE day / 10000 <> 2024")
        XCTAssertEqual(badDays, 0)
    }
}

import Foundation
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

/// `Analyst.flags` on hand-built data where every verdict is unambiguous. Each procedure's respondents
/// rate TC1 and CC1 alike (a dissatisfied respondent is dissatisfied on both), so a procedure's index
/// equals its rate and its interval is close to the Wilson interval of that rate.
final class AnalysisFlagTests: XCTestCase {
    /// (code, responses in 2024, satisfied in 2024, responses in 2023, satisfied in 2023)
    let plan: [(String, Int, Int, Int, Int)] = [
        ("BUSY", 400, 372, 0, 0),     // 93%: Wilson ≈ [90.1%, 95.1%] → below target; many answers
        ("RARE", 40, 32, 0, 0),       // 80%: far under, but few people use it
        ("FELL", 200, 185, 200, 198), // 92.5% after 99%: below target and a clear fall
        ("MIN", 30, 27, 0, 0),        // exactly the minimum: judged (90%, interval reaches 96%)
        ("UNDER", 29, 29, 0, 0),      // one under the minimum: no verdict
        ("UNCLEAR", 50, 48, 50, 50),  // 96% after 100%: at target, fall not clear → no flag
    ]

    func makeDatabase() throws -> AppDatabase {
        let dir = try temporaryDirectory(self)
        let db = try AppDatabase(path: dir.appendingPathComponent("flags.sqlite").path)
        for year in [2023, 2024] {
            var lines = ["response_id,date,procedure_code,procedure_name,unit,TC1,CC1,comment"]
            for (code, n24, s24, n23, s23) in plan {
                let (n, s) = year == 2024 ? (n24, s24) : (n23, s23)
                for i in 0..<n {
                    let rating = i < s ? "5" : "2"
                    let comment = i == n - 1 && year == 2024 ? "Ý kiến cuối \(code)" : ""
                    lines.append("\(code)-\(year)-\(i),15/0\(1 + i % 9)/\(year),\(code),Thủ tục \(code),Phòng A,\(rating),\(rating),\(comment)")
                }
            }
            let file = dir.appendingPathComponent("\(year).csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            _ = try Importer(database: db).importFile(file.path, options: ImportOptions())
        }
        return db
    }

    func testVerdictsAndOrderOnHandBuiltData() throws {
        var options = AnalysisOptions()
        options.year = 2024
        let report = try Analyst(database: makeDatabase()).flags(options)
        // Impact = Σ_c w_c · (0.96·m_c − s_c)/n_c with w = ½ for TC1 and CC1, n_c = 749 answers each:
        //   BUSY 0.96·400 − 372 = 12 → 12/749 = 0.01602; FELL 192 − 185 = 7 → 0.00935;
        //   RARE 38.4 − 32 = 6.4 → 0.00854; MIN 28.8 − 27 = 1.8 → 0.00240; UNDER 0 (all satisfied).
        XCTAssertEqual(report.items.map(\.code), ["BUSY", "FELL", "RARE", "MIN", "UNDER"],
                       "judged groups by impact, then too-few-answers; UNCLEAR has no flag")
        let byCode = Dictionary(uniqueKeysWithValues: report.items.map { ($0.code, $0) })
        XCTAssertEqual(byCode["BUSY"]?.flags, [.belowTarget])
        XCTAssertEqual(byCode["FELL"]?.flags, [.belowTarget, .fell])
        XCTAssertEqual(byCode["RARE"]?.flags, [.belowTarget])
        XCTAssertEqual(byCode["MIN"]?.flags, [.possiblyBelowTarget], "exactly the minimum is judged")
        XCTAssertEqual(byCode["UNDER"]?.flags, [.tooFewAnswers])
        XCTAssertEqual(byCode["BUSY"]!.impact, 12.0 / 749, accuracy: 1e-12)
        XCTAssertEqual(byCode["FELL"]!.impact, 7.0 / 749, accuracy: 1e-12)
        XCTAssertEqual(byCode["RARE"]!.impact, 6.4 / 749, accuracy: 1e-12)
        XCTAssertEqual(byCode["MIN"]!.impact, 1.8 / 749, accuracy: 1e-12)
        XCTAssertEqual(byCode["BUSY"]?.dissatisfied, 56, "28 dissatisfied respondents × 2 criteria")
        XCTAssertEqual(byCode["BUSY"]?.comments.map(\.text), ["Ý kiến cuối BUSY"])
        XCTAssertEqual(byCode["FELL"]!.previous!, 0.99, accuracy: 1e-12)
        XCTAssertEqual(report.examined, 6)
    }

    func testAllListsTheUnflaggedToo() throws {
        var options = AnalysisOptions()
        options.year = 2024
        options.all = true
        let report = try Analyst(database: makeDatabase()).flags(options)
        let unclear = try XCTUnwrap(report.items.first { $0.code == "UNCLEAR" })
        XCTAssertEqual(unclear.flags, [], "at the target and a fall whose interval reaches zero: no flag")
        let change = try XCTUnwrap(unclear.change)
        XCTAssertLessThan(change.value, 0)
        XCTAssertGreaterThan(change.high, 0)
        XCTAssertFalse(change.clear)
    }
}

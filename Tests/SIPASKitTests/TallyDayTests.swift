import Foundation
import GRDB
import XCTest
@testable import SIPASKit
import SIPASTestSupport

/// Periods of any days are summarised from the daily tallies (`tally_day`) with the same figures as a
/// recomputation from the responses, through duplicates, conflicts and replacements; a database made
/// before the daily tallies gets them when it is migrated.
final class TallyDayTests: ImportTestCase {
    private let header = ImportFixtures.standardHeader

    /// 2,400 rows over 2024, the same ids again in other bytes (duplicates), some changed (conflicts,
    /// then replaced), and rows without ids.
    private func importHistory() throws {
        let rows = ImportFixtures.generatedRows(2_400)
        try importText(ImportFixtures.csv(header, rows), as: "a.csv")
        try importText(ImportFixtures.csv(header, rows.prefix(900) + ImportFixtures.generatedRows(300, prefix: "NEW"),
                                          newline: "\r\n"), as: "cumulative.csv")
        var changed = Array(rows[100..<160])
        for i in changed.indices { changed[i][7] = changed[i][7] == "1" ? "5" : "1"; changed[i][1] = "28/02/2024" }
        try importText(ImportFixtures.csv(header, changed), as: "conflicts.csv")
        var options = ImportOptions()
        options.onConflict = .replace
        try importText(ImportFixtures.csv(header, changed, newline: "\r\n"), as: "replace.csv", options: options)
        let noID = header.enumerated().map { $0.offset == 0 ? "Ghi chú" : $0.element }
        try importText(ImportFixtures.csv(noID, [ImportFixtures.row("", "29/02/2024"), ImportFixtures.row("", "01/03/2024")]),
                       as: "noid.csv")
    }

    private func randomPeriods(_ count: Int) -> [DayRange] {
        var rng = SplitMix64(seed: 12)
        var periods = [DayRange(from: 20240305, to: 20240920), DayRange(from: 20240229, to: 20240229),
                       DayRange(from: 20240102, to: 20241230), DayRange(from: 20241231, to: 20241231)]
        let days = (1...12).flatMap { m in (1...DateReader.daysIn(month: m, year: 2024)).map { 20240000 + m * 100 + $0 } }
        while periods.count < count {
            let a = days[Int(rng.next() % UInt64(days.count))], b = days[Int(rng.next() % UInt64(days.count))]
            periods.append(DayRange(from: min(a, b), to: max(a, b)))
        }
        return periods
    }

    private func assertSame(_ period: DayRange, file: StaticString = #filePath, line: UInt = #line) throws {
        for dimension in [nil, GroupDimension.month, .quarter] {
            let label = "\(period.from)–\(period.to) by \(dimension?.rawValue ?? "nil")"
            let answered = try db.talliesFromDays(period: period, by: dimension)
            let recomputed = try db.talliesFromResponses(period: period, by: dimension)
            guard let answered else { return XCTFail("\(label): not answered from days", file: file, line: line) }
            guard let days = answered, let recomputed else {
                XCTAssertTrue(answered == nil && recomputed == nil, "\(label): one side is empty", file: file, line: line)
                continue
            }
            XCTAssertEqual(days.catalog.sha256, recomputed.catalog.sha256, label, file: file, line: line)
            if days.total != recomputed.total {
                XCTFail("\(label): total: days ≠ responses: \(ImportFixtures.difference(days.total, recomputed.total))",
                        file: file, line: line)
            }
            XCTAssertEqual(days.groups.keys.sorted(), recomputed.groups.keys.sorted(), label, file: file, line: line)
            for (key, tally) in recomputed.groups where days.groups[key] != tally {
                XCTFail("\(label): group \(key) differs", file: file, line: line)
            }
            XCTAssertEqual(days.firstDay, recomputed.firstDay, "\(label): first day", file: file, line: line)
            XCTAssertEqual(days.lastDay, recomputed.lastDay, "\(label): last day", file: file, line: line)
            // The public entry point answers off-month periods from the days, with the same figures.
            if !period.isWholeMonths {
                XCTAssertEqual(try db.tallies(period: period, by: dimension)?.total, recomputed.total, label,
                               file: file, line: line)
            }
        }
    }

    func testAnyPeriodFromTheDailyTalliesEqualsTheRecomputation() throws {
        try importHistory()
        XCTAssertGreaterThan(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM tally_day"), 80)
        for period in randomPeriods(40) { try assertSame(period) }
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT SUM(responses) FROM tally_day"), try db.responseCount())
    }

    /// Grouped by procedure, unit, channel or respondent type, an off-month period is the monthly
    /// groups corrected by the edge days' responses: the same figures, group by group, as the
    /// recomputation, including groups the correction empties and single-month periods.
    func testAnyPeriodByAnyGroupingFromMonthsAndEdgeDaysEqualsTheRecomputation() throws {
        try importHistory()
        let periods = randomPeriods(30) + [DayRange(from: 20240310, to: 20240312), DayRange(from: 20240201, to: 20240228),
                                           DayRange(from: 20240102, to: 20240131), DayRange(from: 20240301, to: 20240330)]
        for period in periods where !period.isWholeMonths {
            for dimension in [GroupDimension.procedure, .unit, .channel, .respondentType, .month, nil] {
                let label = "\(period.from)–\(period.to) by \(dimension?.rawValue ?? "nil")"
                guard let answered = try db.talliesFromMonthsAndEdgeDays(period: period, by: dimension) else {
                    XCTFail("\(label): not answered from the months and edge days"); continue
                }
                XCTAssertTrue(AppDatabase.lastEdgeCountedByDay, "\(label): the edge days counted from the ratings by day")
                let recomputed = try db.talliesFromResponses(period: period, by: dimension)
                guard let edges = answered, let recomputed else {
                    XCTAssertTrue(answered == nil && recomputed == nil, "\(label): one side is empty"); continue
                }
                if edges.total != recomputed.total {
                    XCTFail("\(label): total: \(ImportFixtures.difference(edges.total, recomputed.total))")
                }
                XCTAssertEqual(edges.groups.keys.sorted(), recomputed.groups.keys.sorted(), label)
                for (key, tally) in recomputed.groups where edges.groups[key] != tally {
                    XCTFail("\(label): group \(key) differs")
                }
                XCTAssertEqual(edges.info, recomputed.info, label)
                XCTAssertEqual(edges.firstDay, recomputed.firstDay, "\(label): first day")
                XCTAssertEqual(edges.lastDay, recomputed.lastDay, "\(label): last day")
                XCTAssertEqual(try db.tallies(period: period, by: dimension)?.groups, recomputed.groups, label)
            }
        }
    }

    /// The reading thread counts every row it accepts by day and the writer takes out the rows it does
    /// not store: a day whose only rows in a file are refused conflicts keeps no daily row (a rebuild
    /// from the responses would have none), and the days still add up to the responses.
    func testADayWhoseRowsWereNotStoredHasNoDailyRow() throws {
        let rows = ImportFixtures.generatedRows(200)
        try importText(ImportFixtures.csv(header, rows), as: "a.csv")
        var changed = Array(rows.prefix(7))
        for i in changed.indices { changed[i][7] = changed[i][7] == "1" ? "5" : "1"; changed[i][1] = "30/12/2023" }
        let (_, receipt, _) = try importText(ImportFixtures.csv(header, changed + rows.suffix(3)), as: "conflicts.csv")
        XCTAssertEqual(receipt.conflicts, 7)
        XCTAssertEqual(receipt.duplicates, 3)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM tally_day WHERE day = 20231230"), 0)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT SUM(responses) FROM tally_day"), try db.responseCount())
        try assertSame(DayRange(from: 20231230, to: 20231230))
        try assertSame(DayRange(from: 20231230, to: 20240315))
    }

    func testOffMonthSummariesReadTheDailyTallies() throws {
        try importHistory()
        let period = DayRange(from: 20240305, to: 20240920)
        XCTAssertNotNil(try db.tallies(period: period, by: nil))
        let queue = try ImportFixtures.rawQueue(db.path)
        try queue.write { try $0.execute(sql: "DELETE FROM tally_day") }
        XCTAssertNil(try db.tallies(period: period, by: nil), "answered from tally_day, not from the responses")
        XCTAssertNotNil(try db.talliesFromResponses(period: period, by: nil))
    }

    func testMigratingADatabaseWithoutDailyTalliesBuildsThem() throws {
        try importHistory()
        let before = try ImportFixtures.dump(db.path, table: "tally_day")
        XCTAssertFalse(before.isEmpty)
        try reopenAsIfMadeBefore(migration: "0005_tally_day.sql", table: "tally_day")
        XCTAssertEqual(try ImportFixtures.dump(db.path, table: "tally_day"), before)
        for period in randomPeriods(10) { try assertSame(period) }
    }
}

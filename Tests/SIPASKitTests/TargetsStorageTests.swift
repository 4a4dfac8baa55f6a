import Foundation
import SIPASStatistics
import XCTest
import SurveyXLSX

@testable import SIPASKit

/// `sipas baseline table` and `sipas settings`: the published ranking table read from real CSV files
/// into a real database, its errors, the rank it gives, and the settings and unit names.
final class TargetsStorageTests: ImportTestCase {
    func read(_ text: String, selfName: String = "Sở Khoa học và Công nghệ") throws(RankTableFailure) -> RankTable {
        let path = try! dir.write(Array(text.utf8), as: "bang.csv")
        return try RankTableReader.read(path: path, year: 2023, selfName: selfName, source: "QĐ 1")
    }

    func testPercentagesFractionsAndDecimalCommas() throws {
        let table = try read("""
            STT;Cơ quan;Chỉ số (%);Hạng
            1;Sở Tư pháp;96,85%;1
            2;Sở Tài chính;0,9572;2
            3;SỞ KHOA HOC VA CONG NGHE;94.1;3

            """)
        XCTAssertEqual(table.rows.map(\.name), ["Sở Tư pháp", "Sở Tài chính", "SỞ KHOA HOC VA CONG NGHE"])
        for (value, expected) in zip(table.rows.map(\.index), [0.9685, 0.9572, 0.941]) { XCTAssertEqual(value, expected, accuracy: 1e-12) }
        XCTAssertEqual(table.rows.map(\.isSelf), [false, false, true], "--self matches ignoring case and accents")
        XCTAssertEqual(table.ownRank, 3)
        XCTAssertEqual(RankTableReader.parseIndex("95,5"), 0.955)
        XCTAssertEqual(RankTableReader.parseIndex("0,955"), 0.955)
        XCTAssertNil(RankTableReader.parseIndex("101"))
        XCTAssertNil(RankTableReader.parseIndex("cao"))
    }

    /// Without a rank column the rank follows the indices, ties sharing the better place.
    func testRankFromIndicesWhenTheFileHasNone() throws {
        let table = try read("Đơn vị,Chỉ số\nA,95\nSở Khoa học và Công nghệ,94\nB,95\nC,93\n")
        XCTAssertEqual(table.ownRank, 3)
        XCTAssertEqual(table.rankOf(table.rows[2]), 1)
    }

    /// Every bad row is named with its file, row and column; nothing is returned.
    func testBadRowsAreAllReported() throws {
        do {
            _ = try read("STT,Cơ quan,Chỉ số,Hạng\n1,A,96,1\n2,,95,2\n3,B,cao,3\n4,C,,4\n5,A,90,x\n6,Sở Khoa học và Công nghệ,94,6\n")
            XCTFail("a bad table was read")
        } catch let failure {
            guard case let .badRows(problems) = failure else { return XCTFail("\(failure)") }
            XCTAssertEqual(problems.map(\.row), [3, 4, 5, 6, 6])
            XCTAssertEqual(problems.map(\.column), [2, 3, 3, 4, 2])
            XCTAssertEqual(problems.map(\.kind), [.missingName, .badIndex, .missingIndex, .badRank, .duplicateName(firstRow: 2)])
            let lines = Messages.lines(problems[1], .vi)
            XCTAssertTrue(lines[0].hasSuffix("bang.csv:4:3: lỗi: [bad-index] 'Chỉ số' là 'cao': không phải chỉ số (phần trăm 0–100 hoặc tỷ lệ 0–1)"), lines[0])
            XCTAssertTrue(lines[1].hasPrefix("  gợi ý: "))
        }
    }

    func testMissingColumnsAndSelf() {
        XCTAssertThrowsError(try read("Tên,Điểm số lạ\nA,1\n")) { error in
            XCTAssertEqual(error as? RankTableFailure, .missingColumn(path: dir.path("bang.csv"), field: "Cơ quan"))
        }
        XCTAssertThrowsError(try read("Cơ quan,Chỉ số\nA,95\nB,94\n")) { error in
            guard case .selfNotFound(_, "Sở Khoa học và Công nghệ", ["A", "B"])? = error as? RankTableFailure else {
                return XCTFail("\(error)")
            }
        }
    }

    /// Recorded in one transaction; the department's row becomes the published figure when none was set,
    /// and a figure set by hand is left alone.
    func testRecordingTheTable() throws {
        let table = try read("Cơ quan;Chỉ số;Hạng\nA;96,85;1\nSở Khoa học và Công nghệ;94,10;2\nB;93;3\n")
        try db.setRankTable(table, recordedAt: "2024-01-01T00:00:00Z")
        XCTAssertEqual(try db.rankTable(year: 2023), table)
        let baseline = try XCTUnwrap(db.baseline(year: 2023))
        XCTAssertEqual(baseline.index, 0.941)
        XCTAssertEqual(baseline.rank, 2)
        XCTAssertEqual(baseline.rankOf, 3)
        try db.setBaseline(Baseline(year: 2023, index: 0.95, rank: 5, rankOf: 20))
        try db.setRankTable(table)
        XCTAssertEqual(try db.baseline(year: 2023)?.index, 0.95)
        XCTAssertNil(try db.rankTable(year: 2022))
    }

    /// The rank standing from the recorded table, through the analysis. Hand-computed: one other just above
    /// the interval's high end, two just under its low end, so rank 2 whatever the interval; last year 4.
    func testRankStandingThroughTheAnalysis() throws {
        let csv = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(60))
        try importText(csv, as: "a.csv")
        let summary = try Analyst(database: db).summary(AnalysisOptions())
        let index = try XCTUnwrap(summary.index)
        XCTAssertNil(summary.rank, "no table recorded")
        let year = summary.year - 1
        let above = min(1, index.high + 0.001), below = max(0, index.low - 0.001)
        try db.setRankTable(RankTable(year: year, rows: [
            .init(name: "A", index: above, rank: nil, isSelf: false),
            .init(name: "Me", index: 0.5, rank: 4, isSelf: true),
            .init(name: "B", index: below, rank: nil, isSelf: false),
            .init(name: "C", index: below, rank: nil, isSelf: false),
        ], source: nil))
        let rank = try XCTUnwrap(Analyst(database: db).summary(AnalysisOptions()).rank)
        XCTAssertEqual(rank.year, year)
        XCTAssertEqual(rank.previous, 4)
        XCTAssertEqual(rank.of, 4)
        XCTAssertEqual(rank.projected, 2)
        XCTAssertEqual(rank.projectedBest, 2)
        XCTAssertEqual(rank.projectedWorst, 2)
        XCTAssertEqual(rank.needed.map(\.places), [2, 4])
        XCTAssertEqual(rank.needed[0].index, below, "+2 places = rank 2: at most one other above, so the second highest other")
        XCTAssertNil(rank.needed[1].index, "+4 places would be above first place")
        XCTAssertEqual(rank.onTrack, true)
    }

    func testSettingsRoundTripAndIdentity() throws {
        XCTAssertEqual(try db.settings(), [:])
        try db.setSetting(.department, "Sở Tư pháp")
        try db.setSetting(.recipients, "Như trên\nLưu: VT")
        try db.setSetting(.department, "Sở Nội vụ")
        XCTAssertEqual(try db.settings(), [.department: "Sở Nội vụ", .recipients: "Như trên\nLưu: VT"])
        let identity = DocumentIdentity.resolve(try db.settings(), overrides: [.department: "Sở Y tế"], lang: .vi)
        XCTAssertEqual(identity.department, "Sở Y tế", "a per-run override wins")
        XCTAssertEqual(identity.recipients, ["Như trên", "Lưu: VT"])
        XCTAssertEqual(identity.abbreviation, "SKHCN", "default")
        XCTAssertNil(identity.signerName)
        try db.setSetting(.department, nil)
        XCTAssertEqual(try db.settings()[.department], nil)
    }

    /// A unit code some export used is reported under the unit's name: one group, comments found by name.
    func testUnitAliasesMergeUnits() throws {
        var rows = ImportFixtures.generatedRows(40, prefix: "A")
        let unitColumn = try XCTUnwrap(ImportFixtures.standardHeader.firstIndex(of: "Đơn vị"))
        for i in rows.indices { rows[i][unitColumn] = i % 2 == 0 ? "QLCN" : "Phòng Quản lý chuyên ngành" }
        try importText(ImportFixtures.csv(ImportFixtures.standardHeader, rows), as: "u.csv")
        var options = AnalysisOptions()
        options.by = .unit
        XCTAssertEqual(try Analyst(database: db).summary(options).groups?.count, 2)
        try db.setUnitAlias(code: "QLCN", name: "Phòng Quản lý chuyên ngành")
        let groups = try XCTUnwrap(Analyst(database: db).summary(options).groups)
        XCTAssertEqual(groups.map(\.key), ["Phòng Quản lý chuyên ngành"])
        XCTAssertEqual(groups[0].responses, 40)
        XCTAssertEqual(try db.unitAliases().map(\.code), ["QLCN"])
        try db.setUnitAlias(code: "QLCN", name: nil)
        XCTAssertEqual(try Analyst(database: db).summary(options).groups?.count, 2)
    }

    /// The province publishes its table as a workbook: a title block above the header, the index as a
    /// fraction with a percent format (read as the sheet shows it, 96.85%), as a plain percentage number
    /// or as text with a decimal comma, the rank as a number; a bad row is named by its sheet row and column.
    func testAPublishedWorkbookWithATitleBlock() throws {
        typealias V = WorkbookWriter.Value
        func book(_ rows: [(Int, [V])]) throws -> String {
            let path = dir.path("bang-\(UUID().uuidString).xlsx")
            let writer = try WorkbookWriter(date1904: false)
            try writer.addSheet(named: "Xếp hạng") { sink in for (n, cells) in rows { try sink.row(n, cells) } }
            try writer.write(to: path)
            return path
        }
        let title: [(Int, [V])] = [(1, [.text("UBND TỈNH LAI CHÂU")]), (2, [.text("KẾT QUẢ CHỈ SỐ SIPAS NĂM 2023")]),
                                   (4, [.text("STT"), .text("Cơ quan"), .text("Chỉ số"), .text("Hạng")])]
        let path = try book(title + [
            (5, [.number(1), .text("Sở Tư pháp"), .formattedNumber(0.9685, code: "0.00%"), .number(1)]),
            (6, [.number(2), .inlineText("Sở Tài chính"), .number(95.72), .number(2)]),
            (7, [.number(3), .text("Sở Khoa học và Công nghệ"), .text("94,1"), .number(3)]),
        ])
        let table = try RankTableReader.read(path: path, year: 2023, selfName: "Sở Khoa học và Công nghệ", source: nil)
        XCTAssertEqual(table.rows.map(\.name), ["Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ"])
        for (value, expected) in zip(table.rows.map(\.index), [0.9685, 0.9572, 0.941]) { XCTAssertEqual(value, expected, accuracy: 1e-12) }
        XCTAssertEqual(table.rows.map(\.rank), [1, 2, 3])
        XCTAssertEqual(table.rows.map(\.isSelf), [false, false, true])

        let bad = try book(title + [
            (5, [.number(1), .text("Sở Tư pháp"), .error("#N/A"), .number(1)]),
            (6, [.number(2), .text("Sở Khoa học và Công nghệ"), .number(0.941), .number(2)]),
        ])
        do {
            _ = try RankTableReader.read(path: bad, year: 2023, selfName: "Sở Khoa học và Công nghệ", source: nil)
            XCTFail("a #N/A index was accepted")
        } catch {
            guard case let .badRows(problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map(\.row), [5])
            XCTAssertEqual(problems.map(\.column), [3])
            XCTAssertEqual(problems.map(\.kind), [.badIndex])
        }
    }
}

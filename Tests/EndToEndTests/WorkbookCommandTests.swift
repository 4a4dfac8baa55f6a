import Foundation
import SIPASKit
import SIPASStatistics
import SIPASTestSupport
import WorkbookTestSupport
import XCTest

/// `--format xlsx --out`: every workbook is read back and each cell compared — type and value — with
/// the JSON output of the same command.
final class WorkbookCommandTests: XCTestCase {
    nonisolated(unsafe) static var database = ""
    nonisolated(unsafe) static var directory = URL(fileURLWithPath: "/")

    override class func setUp() {
        super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-xlsx-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("db.sqlite").path
        _ = try? Sipas.run(["import", "--db", database] + Sipas.surveys)
        _ = try? Sipas.run(["baseline", "set", "--db", database, "--year", "2023", "--index", "94,1", "--rank", "7", "--of", "20",
                            "--element", "TC=95.2", "--element", "CC=93", "--source", "QĐ 2385/QĐ-UBND (số liệu minh hoạ)"])
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let run = try Sipas.run(arguments + ["--format", "json", "--db", Self.database])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONDecoder().decode(T.self, from: Data(run.stdout.utf8))
    }

    /// Runs the command with `--format xlsx --out`, checks what it says, reads the workbook back.
    func workbook(_ arguments: [String], lang: Language = .vi) throws -> WorkbookReadBack {
        let path = Self.directory.appendingPathComponent("\(UUID().uuidString).xlsx").path
        let run = try Sipas.run(arguments + ["--format", "xlsx", "--out", path, "--db", Self.database])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "", "a workbook goes to its file, nothing to stdout")
        XCTAssertEqual(run.stderr, lang.pick("Đã ghi bảng tính: ", "Workbook written: ") + path + "\n")
        let book = try WorkbookReadBack(path: path)
        assertNoFormulas(book)
        return book
    }

    func assertNoFormulas(_ book: WorkbookReadBack, file: StaticString = #filePath, line: UInt = #line) {
        for (i, name) in book.sheetNames.enumerated() {
            let xml = book.part("xl/worksheets/sheet\(i + 1).xml") ?? ""
            XCTAssertFalse(xml.contains("<f>") || xml.contains("<f "), "\(name) holds a formula", file: file, line: line)
            XCTAssertTrue(book.rows(name).joined().allSatisfy { !$0.isFormula }, file: file, line: line)
        }
    }

    // MARK: Expectations from the JSON

    func change(_ c: ChangeValue?) -> [Expect] {
        [.number(c?.value), .number(c?.low), .number(c?.high), .flag(c?.clear)]
    }

    func overviewRows(_ r: SummaryReport) -> [[Expect]] {
        var rows: [[Expect]] = [[.text("SIPAS"), .text(nil), .integer(r.responses), .number(r.index?.value),
                                 .number(r.index?.low), .number(r.index?.high), .number(r.target), .number(r.gap),
                                 .number(r.previous?.index?.value)] + change(r.change)]
        for e in r.elements {
            let answers = e.criteria.map(\.answered).max() ?? 0
            rows.append([.text(e.code), .text(e.label), .integer(answers), .number(e.index?.value), .number(e.index?.low),
                         .number(e.index?.high), .number(r.target), .number(e.index.map { $0.value - r.target }),
                         .number(e.previous)] + change(e.change))
        }
        return rows
    }

    func criteriaRows(_ r: SummaryReport) -> [[Expect]] {
        r.elements.flatMap { e in
            e.criteria.map { c in
                [.text(e.code), .text(e.label), .text(c.code), .text(c.label), .integer(c.answered), .integer(c.noAnswer),
                 .integer(c.satisfied), .integer(c.dissatisfied), .number(c.rate?.value), .number(c.rate?.low),
                 .number(c.rate?.high), .number(r.target), .number(c.previous)] + change(c.change)
            }
        }
    }

    func groupRow(_ r: SummaryReport, _ g: SummaryReport.GroupRow, rank: Int?) -> [Expect] {
        var row: [Expect] = [.integer(rank), .text(g.key), .text(g.label)]
        if r.by == "procedure" { row.append(.text(g.unit)) }
        row += [.integer(g.responses), .number(g.index?.value), .number(g.index?.low), .number(g.index?.high),
                .number(r.target), .number(g.index.map { $0.value - r.target })]
        row += g.elements.map { .number($0.index) }
        row += [.number(g.previous)] + change(g.change) + [.flag(g.tooFewAnswers)]
        return row
    }

    /// Without the verdict words (the last column), which the JSON says as flags.
    func assertRows(_ book: WorkbookReadBack, _ sheet: String, _ expected: [[Expect]], verdictColumn: Bool = true,
                    file: StaticString = #filePath, line: UInt = #line) {
        let rows = book.dataRows(sheet)
        XCTAssertEqual(rows.count, expected.count, "\(sheet): rows", file: file, line: line)
        for (i, (row, e)) in zip(rows, expected).enumerated() {
            assertRow(verdictColumn ? Array(row.prefix(e.count)) : row, e, "\(sheet) row \(i + 2)", file: file, line: line)
        }
    }

    func assertSummarySheets(_ book: WorkbookReadBack, _ r: SummaryReport, lang: Language = .vi,
                             file: StaticString = #filePath, line: UInt = #line) {
        let overview = lang.pick("Tổng quan", "Overview"), criteria = lang.pick("Tiêu chí", "Criteria")
        var expected = overviewRows(r)
        expected[0][1] = .text(lang.pick("Chỉ số SIPAS", "SIPAS index"))
        assertRows(book, overview, expected, file: file, line: line)
        assertRows(book, criteria, criteriaRows(r), file: file, line: line)
        XCTAssertEqual(book.format(overview, column: lang.pick("Chỉ số", "Index")), "0.0%", file: file, line: line)
        XCTAssertEqual(book.format(overview, column: lang.pick("Thay đổi (điểm)", "Change (points)")), "+0.00%;-0.00%;0.00%",
                       file: file, line: line)
        XCTAssertEqual(book.format(criteria, column: lang.pick("Trả lời", "Answered")), "#,##0", file: file, line: line)
    }

    // MARK: summary

    func testSummaryWorkbookMatchesTheJSON() throws {
        let r = try json(SummaryReport.self, ["summary", "--year", "2024"])
        let book = try workbook(["summary", "--year", "2024"])
        XCTAssertEqual(book.sheetNames, ["Tổng quan", "Tiêu chí"])
        assertSummarySheets(book, r)
        XCTAssertEqual(book.header("Tổng quan").prefix(4), ["Mã", "Chỉ tiêu", "Số phiếu / lượt trả lời", "Chỉ số"])
        // The overview has the chart of the elements against the target.
        XCTAssertTrue(book.partNames().contains("xl/charts/chart1.xml"))
        let chart = book.part("xl/charts/chart1.xml") ?? ""
        XCTAssertTrue(chart.contains("'Tổng quan'!$D$3:$D$7"), "index series over the five element rows")
        XCTAssertTrue(chart.contains("'Tổng quan'!$G$3:$G$7"), "target series")
    }

    func testSummaryByEveryGroupingMatchesTheJSON() throws {
        let sheets = ["procedure": "Thủ tục", "unit": "Đơn vị", "channel": "Kênh", "respondent-type": "Đối tượng",
                      "quarter": "Quý", "month": "Tháng"]
        for (by, sheet) in sheets.sorted(by: { $0.key < $1.key }) {
            let r = try json(SummaryReport.self, ["summary", "--year", "2024", "--by", by])
            let book = try workbook(["summary", "--year", "2024", "--by", by])
            XCTAssertEqual(book.sheetNames, ["Tổng quan", "Tiêu chí", sheet], by)
            assertSummarySheets(book, r)
            let groups = try XCTUnwrap(r.groups, by)
            XCTAssertFalse(groups.isEmpty, by)
            let judged = groups.filter { !$0.tooFewAnswers }
            func rank(_ g: SummaryReport.GroupRow) -> Int? { judged.firstIndex(of: g).map { $0 + 1 } }
            let periods = by == "month" || by == "quarter"
            // Periods in time order (for the trend chart), other groupings in the JSON's order (worst first).
            let ordered = periods ? groups.sorted { $0.key < $1.key }
                : judged + groups.filter(\.tooFewAnswers)
            assertRows(book, sheet, ordered.map { groupRow(r, $0, rank: rank($0)) })
            let charts = book.partNames().filter { $0.hasPrefix("xl/charts/") }.count
            XCTAssertEqual(charts, periods ? 2 : 1, "\(by): charts")
        }
    }

    // MARK: flag

    func testFlagWorkbookMatchesTheJSON() throws {
        for by in ["procedure", "unit"] {
            let r = try json(FlagReport.self, ["flag", "--year", "2024", "--by", by, "--all"])
            let book = try workbook(["flag", "--year", "2024", "--by", by, "--all"])
            XCTAssertEqual(book.sheetNames, ["Cảnh báo", "Ý kiến người dân"])
            XCTAssertFalse(r.items.isEmpty)
            var expected: [[Expect]] = []
            var comments: [[Expect]] = []
            for (i, item) in r.items.enumerated() {
                var row: [Expect] = [.integer(i + 1), .text(item.code), .text(item.name), .text(item.unit),
                                     .integer(item.responses), .number(item.index?.value), .number(item.index?.low),
                                     .number(item.index?.high), .number(r.target), .number(item.previous)]
                row += change(item.change)
                row += [.text(item.flags.map { Labels_verdict($0) }.joined(separator: "; ")), .number(item.impact),
                        .integer(item.dissatisfied), .text(item.weakest?.element.code), .text(item.weakest?.element.label),
                        .number(item.weakest?.element.index)]
                for n in 0..<2 {
                    let c = item.weakest.flatMap { n < $0.criteria.count ? $0.criteria[n] : nil }
                    row += [.text(c?.code), .text(c?.label), .number(c?.rate), .integer(c?.answered), .integer(c?.satisfied),
                            .integer(c?.dissatisfied)]
                }
                row.append(.integer(item.comments.count))
                expected.append(row)
                comments += item.comments.map { [.integer(i + 1), .text(item.code), .text(item.name), .day($0.date), .text($0.text)] }
            }
            assertRows(book, "Cảnh báo", expected, verdictColumn: false)
            assertRows(book, "Ý kiến người dân", comments, verdictColumn: false)
            XCTAssertFalse(comments.isEmpty, "the bundled surveys have comments on flagged procedures")
            XCTAssertEqual(book.format("Ý kiến người dân", column: "Ngày"), "dd/mm/yyyy")
        }
    }

    /// The words the flags column uses (FlagReport's verdicts in Vietnamese, without marks).
    func Labels_verdict(_ v: Verdict) -> String {
        switch v {
        case .belowTarget: "dưới mục tiêu"
        case .possiblyBelowTarget: "có thể dưới mục tiêu"
        case .fell: "giảm so với năm trước"
        case .tooFewAnswers: "ít phiếu — chưa kết luận"
        }
    }

    // MARK: rejects, imports

    func rejectRows(_ records: [RejectRecord]) -> [[Expect]] {
        records.map { [.text($0.file), .integer($0.row), .text($0.column), .text($0.code), .text($0.message),
                       .text($0.reasons), .text($0.raw)] }
    }

    func testRejectsWorkbookMatchesTheJSON() throws {
        let records = try json([RejectRecord].self, ["rejects"])
        XCTAssertGreaterThan(records.count, 5)
        let book = try workbook(["rejects"])
        XCTAssertEqual(book.sheetNames, ["Hàng bị loại"])
        assertRows(book, "Hàng bị loại", rejectRows(records), verdictColumn: false)
    }

    func testImportsWorkbookMatchesTheJSON() throws {
        let records = try json([ImportRecord].self, ["imports"])
        XCTAssertEqual(records.count, Sipas.surveys.count)
        let book = try workbook(["imports", "--lang", "en"], lang: .en)
        XCTAssertEqual(book.sheetNames, ["Imported files"])
        assertRows(book, "Imported files", records.map { r in
            [.integer(r.id), .timestamp(r.importedAt), .text(r.path), .text(r.sha256), .text(r.encoding), .text(r.delimiter),
             .integer(r.scale), .integer(r.rows), .integer(r.imported), .integer(r.duplicates), .integer(r.conflicts),
             .integer(r.replaced), .integer(r.rejected), .day(r.firstDay), .day(r.lastDay)]
        }, verdictColumn: false)
        XCTAssertEqual(book.format("Imported files", column: "First response"), "yyyy-mm-dd")
    }

    // MARK: report

    func testReportWorkbookHasTheYearsSheetsAndMatchesTheJSON() throws {
        let book = try workbook(["report", "--year", "2024"])
        XCTAssertEqual(book.sheetNames, ["Tổng quan", "Tiêu chí", "Thủ tục", "Đơn vị", "Tháng", "Cảnh báo",
                                         "Ý kiến người dân", "Hàng bị loại"])
        assertSummarySheets(book, try json(SummaryReport.self, ["summary", "--year", "2024"]))
        for (by, sheet) in [("procedure", "Thủ tục"), ("unit", "Đơn vị")] {
            let r = try json(SummaryReport.self, ["summary", "--year", "2024", "--by", by])
            let groups = r.groups ?? []
            let judged = groups.filter { !$0.tooFewAnswers }
            assertRows(book, sheet, (judged + groups.filter(\.tooFewAnswers)).map {
                groupRow(r, $0, rank: judged.firstIndex(of: $0).map { $0 + 1 })
            })
        }
        let months = try json(SummaryReport.self, ["summary", "--year", "2024", "--by", "month"])
        let judged = (months.groups ?? []).filter { !$0.tooFewAnswers }
        assertRows(book, "Tháng", (months.groups ?? []).sorted { $0.key < $1.key }.map {
            groupRow(months, $0, rank: judged.firstIndex(of: $0).map { $0 + 1 })
        })
        let flags = try json(FlagReport.self, ["flag", "--year", "2024"])
        XCTAssertEqual(book.dataRows("Cảnh báo").map { $0[1].value }, flags.items.map { .text($0.code) })
        XCTAssertEqual(book.dataRows("Ý kiến người dân").map { $0[4].value },
                       flags.items.flatMap(\.comments).map { .text($0.text) })
        assertRows(book, "Hàng bị loại", rejectRows(try json([RejectRecord].self, ["rejects"])), verdictColumn: false)

        // Two native charts: elements against the target (overview), the monthly trend (months).
        let parts = book.partNames()
        XCTAssertEqual(parts.filter { $0.hasPrefix("xl/charts/chart") }.sorted(), ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])
        XCTAssertTrue((book.part("xl/charts/chart2.xml") ?? "").contains("'Tháng'!$B$2:$B$13"), "twelve months")
        // Title and author.
        let core = book.part("docProps/core.xml") ?? ""
        XCTAssertTrue(core.contains("<dc:title>Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2024</dc:title>"), core)
        XCTAssertTrue(core.contains("<dc:creator>Sở Khoa học và Công nghệ tỉnh Lai Châu</dc:creator>"), core)
        // Frozen header row, filter buttons on every sheet.
        for i in 1...book.sheetNames.count {
            let xml = book.part("xl/worksheets/sheet\(i).xml") ?? ""
            XCTAssertTrue(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""), "sheet \(i): frozen header")
            XCTAssertTrue(xml.contains("<autoFilter ref=\"A1:"), "sheet \(i): autofilter")
        }
        // Shaded rows: the index is under the target in the bundled surveys.
        XCTAssertTrue((book.part("xl/styles.xml") ?? "").contains("FFF8CBAD"), "below-target fill")
    }

    func testReportWorkbookInEnglish() throws {
        let book = try workbook(["report", "--year", "2024", "--lang", "en"], lang: .en)
        XCTAssertEqual(book.sheetNames, ["Overview", "Criteria", "Procedures", "Units", "Months", "Flags", "Comments",
                                         "Rejected rows"])
        assertSummarySheets(book, try json(SummaryReport.self, ["summary", "--year", "2024", "--lang", "en"]), lang: .en)
        XCTAssertEqual(book.header("Flags").prefix(3), ["Rank", "Code", "Procedure name"])
    }

    /// The cells of the year's workbook as text, pinned: headers, order, types, formats, notes.
    func testReportWorkbookCellsGolden() throws {
        let book = try workbook(["report", "--year", "2024"])
        var out = ""
        for name in book.sheetNames {
            out += "## \(name)\n"
            for (r, row) in book.rows(name).enumerated() {
                for (c, cell) in row.enumerated() where cell.value != .empty {
                    let value = if case let .number(x) = cell.value { "number(\(String(format: "%.10g", x)))" } else { "\(cell.value)" }
                    out += "\(columnName(c))\(r + 1) \(value)" + (cell.format.map { " [\($0)]" } ?? "") + "\n"
                }
            }
        }
        assertGolden(out, named: "report-2024.xlsx.txt")
    }

    func columnName(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
        return s
    }

    // MARK: usage

    func testXlsxWithoutOutIsAUsageError() throws {
        for command in [["summary"], ["flag"], ["rejects"], ["imports"], ["report"]] {
            let run = try Sipas.run(command + ["--format", "xlsx", "--db", Self.database])
            XCTAssertEqual(run.status, 64, "\(command)")
            XCTAssertEqual(run.stdout, "")
            XCTAssertEqual(run.stderr, "sipas: lỗi: --format xlsx ghi ra một tệp bảng tính: hãy cho thêm --out TỆP.xlsx\n")
        }
        let en = try Sipas.run(["summary", "--format", "xlsx", "--lang", "en", "--db", Self.database])
        XCTAssertEqual(en.stderr, "sipas: error: --format xlsx writes a workbook file: give --out FILE.xlsx\n")
    }

    func testAnUnwritableOutLeavesNothing() throws {
        let path = Self.directory.appendingPathComponent("no-such-folder/x.xlsx").path
        let run = try Sipas.run(["summary", "--format", "xlsx", "--out", path, "--db", Self.database])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("sipas: lỗi: \(path): không ghi được ("), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testOutWritesTheOtherFormatsToTheFile() throws {
        let path = Self.directory.appendingPathComponent("summary.json").path
        let run = try Sipas.run(["summary", "--year", "2024", "--format", "json", "--out", path, "--db", Self.database])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let stdout = try Sipas.run(["summary", "--year", "2024", "--format", "json", "--db", Self.database]).stdout
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), stdout)
    }
}

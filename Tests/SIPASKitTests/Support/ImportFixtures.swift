import Foundation
import GRDB
import SIPASTestSupport
import XCTest
import SurveyCSV
import SIPASStatistics
@testable import SIPASKit

/// Helpers for the import and storage tests: temp files, fresh file-backed databases, imports, raw SQL
/// dumps. Everything lives in `ImportFixtures` (or is prefixed `ImportFixture`) so that it cannot clash
/// with helpers other test files of this target define.
enum ImportFixtures {
    /// The repository root, found from this file's path (Package.swift declares no resources).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // SIPASKitTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repo root

    /// `surveys/*.csv`, sorted by name.
    static func bundledSurveys() throws -> [String] {
        let dir = repoRoot.appendingPathComponent("surveys")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".csv") }
            .sorted()
            .map { dir.appendingPathComponent($0).path }
    }

    static func survey(_ name: String) -> String {
        repoRoot.appendingPathComponent("surveys").appendingPathComponent(name).path
    }

    // MARK: Bytes

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// UTF-16 (with a BOM) of `text`.
    static func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    /// One CSV file from a header and rows, quoting fields that need it.
    static func csv(_ header: [String], _ rows: [[String]], delimiter: UInt8 = 0x2C, newline: String = "\n",
                    finalNewline: Bool = true) -> String {
        let lines = ([header] + rows).map { CSVQuoting.line($0, delimiter: delimiter) }
        return lines.joined(separator: newline) + (finalNewline ? newline : "")
    }

    /// A valid data row for `standardHeader`.
    static let standardHeader = ["Mã phiếu", "Ngày đánh giá", "Mã TTHC", "Tên TTHC", "Đơn vị", "Kênh nộp",
                                 "Ý kiến", "TC1", "TT1", "CC1", "KQ1", "PA1"]

    static func row(_ id: String, _ date: String = "15/03/2024", procedure: String = "1.000411.000.00.00.H33",
                    name: String = "Kiểm tra chất lượng", unit: String = "Chi cục TĐC", channel: String = "Trực tiếp",
                    comment: String = "", ratings: [String] = ["5", "4", "5", "4", ""]) -> [String] {
        [id, date, procedure, name, unit, channel, comment] + ratings
    }

    /// `n` valid rows with ids `prefix-000001`…, spread over 2024, deterministic.
    static func generatedRows(_ n: Int, prefix: String = "GEN") -> [[String]] {
        let procedures = ["1.000411.000.00.00.H33", "1.004482.000.00.00.H33", "2.001261.000.00.00.H33"]
        let units = ["Chi cục TĐC", "Phòng Quản lý chuyên ngành", "Phòng Quản lý khoa học"]
        let channels = ["Trực tiếp", "Trực tuyến", ""]
        let values = ["1", "2", "3", "4", "5", "", "Hài lòng", "Rất hài lòng", "KTL"]
        return (0..<n).map { i in
            let month = i % 12 + 1, day = i % 28 + 1
            let ratings = (0..<5).map { c in values[(i * 7 + c * 3 + i / 5) % values.count] }
            return row("\(prefix)-\(String(format: "%06d", i + 1))",
                       String(format: "%02d/%02d/2024 %02d:%02d", day, month, 8 + i % 9, i % 60),
                       procedure: procedures[i % 3], name: "Thủ tục \(i % 3)", unit: units[(i / 3) % 3],
                       channel: channels[i % 3], comment: i % 10 == 0 ? "Góp ý số \(i), có dấu phẩy" : "",
                       ratings: ratings)
        }
    }

    // MARK: Errors

    /// The SIPASError `body` throws, or nil (and a failure) when it returns.
    static func sipasError<T>(_ body: () throws(SIPASError) -> T,
                              file: StaticString = #filePath, line: UInt = #line) -> SIPASError? {
        do {
            _ = try body()
            XCTFail("expected a SIPASError, nothing was thrown", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// The GRDB DatabaseError `body` throws, or nil (and a failure) when it returns.
    static func databaseError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> DatabaseError? {
        do {
            try body()
            XCTFail("expected a DatabaseError, nothing was thrown", file: file, line: line)
            return nil
        } catch let error as DatabaseError {
            return error
        } catch {
            XCTFail("expected a DatabaseError, got \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: Raw SQL (tests may read SQL; Sources keep it in Storage)

    /// A separate GRDB connection on the same file.
    static func rawQueue(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    static func rows(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try rawQueue(path).read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }

    static func int(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try rawQueue(path).read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1 }
    }

    /// `SELECT * FROM table ORDER BY` every column: a byte-exact dump of a table.
    static func dump(_ path: String, table: String) throws -> [Row] {
        try rawQueue(path).read { db in
            let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
            let order = (1...max(columns.count, 1)).map(String.init).joined(separator: ", ")
            return try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
        }
    }

    /// Every table of the database (the schema may grow: the list is read, not assumed).
    static func tables(_ path: String) throws -> [String] {
        try rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .map { $0[0] as String }
    }

    static func dump(_ path: String, tables: [String]) throws -> [String: [Row]] {
        var out: [String: [Row]] = [:]
        for table in tables { out[table] = try dump(path, table: table) }
        return out
    }

    /// Every row of every table.
    static func dumpAll(_ path: String) throws -> [String: [Row]] {
        try dump(path, tables: tables(path))
    }

    /// Every row of the tally tables (`tally_*`).
    static func dumpTallies(_ path: String) throws -> [String: [Row]] {
        let tallies = try tables(path).filter { $0.hasPrefix("tally_") }
        XCTAssertFalse(tallies.isEmpty, "no tally tables")
        return try dump(path, tables: tallies)
    }

    /// The stored responses in a form that does not depend on ids of the file or the database.
    static func responses(_ path: String) throws -> [Row] {
        try rows(path, """
            SELECT r.row_number, r.response_key, r.content_hash, r.day, r.time, p.code, p.name, p.field, u.name,
                   c.name, t.name, r.dossier_code, hex(r.ratings), r.comment
            FROM response r JOIN procedure p ON p.id = r.procedure_id JOIN unit u ON u.id = r.unit_id
            JOIN channel c ON c.id = r.channel_id JOIN respondent_type t ON t.id = r.respondent_type_id
            ORDER BY r.id
            """)
    }

    /// Reads a CSV line back into fields with the real reader.
    static func fields(ofCSV text: String, delimiter: UInt8) throws -> [[String]] {
        let reader = try CSVReader(bytes: Array(text.utf8), options: CSVReadOptions(encoding: .utf8, delimiter: delimiter))
        var out: [[String]] = []
        try reader.read { batch in
            for r in 0..<batch.count { out.append(batch.strings(r)) }
        }
        return out
    }

    // MARK: Tallies

    static let dimensions: [GroupDimension?] = [nil, .procedure, .unit, .channel, .month, .quarter, .respondentType]

    /// For each year and dimension: the tally tables equal the recomputation from responses, every tally
    /// is consistent, groups add up to the total, and the total counts the responses of the year.
    /// What differs between two tallies, briefly (the full description of a 19-criterion tally is long).
    static func difference(_ a: Tally, _ b: Tally) -> String {
        var parts: [String] = []
        if a.criterionCount != b.criterionCount { parts.append("criterionCount \(a.criterionCount) vs \(b.criterionCount)") }
        if a.responses != b.responses { parts.append("responses \(a.responses) vs \(b.responses)") }
        if a.answeredAny != b.answeredAny { parts.append("answeredAny \(a.answeredAny) vs \(b.answeredAny)") }
        if a.allSatisfied != b.allSatisfied { parts.append("allSatisfied \(a.allSatisfied) vs \(b.allSatisfied)") }
        for c in 0..<min(a.ratings.count, b.ratings.count) where a.ratings[c] != b.ratings[c] {
            parts.append("ratings[\(c)] \(a.ratings[c]) vs \(b.ratings[c])")
        }
        let k = min(a.criterionCount, b.criterionCount)
        for (name, x, y) in [("bothAnswered", a.bothAnswered, b.bothAnswered),
                             ("satisfiedAnswered", a.satisfiedAnswered, b.satisfiedAnswered),
                             ("bothSatisfied", a.bothSatisfied, b.bothSatisfied)] where x != y {
            let cells = zip(x.indices, zip(x, y)).filter { $0.1.0 != $0.1.1 }.prefix(4)
                .map { "[\($0.0 / max(k, 1)),\($0.0 % max(k, 1))] \($0.1.0) vs \($0.1.1)" }
            parts.append("\(name) \(cells.joined(separator: ", "))")
        }
        return parts.isEmpty ? "(equal)" : parts.joined(separator: "; ")
    }

    static func assertTalliesMatchResponses(_ db: AppDatabase, years: [Int], context: String = "",
                                            file: StaticString = #filePath, line: UInt = #line) throws {
        for year in years {
            let stored = try int(db.path, "SELECT COUNT(*) FROM response WHERE day / 10000 = ?", [year])
            for dimension in dimensions {
                let label = "\(context) year \(year) by \(dimension.map(\.rawValue) ?? "nil")"
                let fromTables = try db.tallies(period: .year(year), by: dimension)
                let recomputed = try db.talliesFromResponses(period: .year(year), by: dimension)
                guard let fromTables, let recomputed else {
                    XCTAssertTrue(fromTables == nil && recomputed == nil && stored == 0,
                                  "\(label): one side is empty (tables \(fromTables == nil), responses \(recomputed == nil), stored \(stored))",
                                  file: file, line: line)
                    continue
                }
                XCTAssertEqual(fromTables.catalog.sha256, recomputed.catalog.sha256, label, file: file, line: line)
                if fromTables.total != recomputed.total {
                    XCTFail("\(label): total: tables ≠ responses: \(difference(fromTables.total, recomputed.total))",
                            file: file, line: line)
                }
                XCTAssertEqual(fromTables.total.responses, stored, "\(label): total responses", file: file, line: line)
                XCTAssertEqual(Set(fromTables.groups.keys), Set(recomputed.groups.keys), "\(label): group keys",
                               file: file, line: line)
                for (key, tally) in recomputed.groups.sorted(by: { $0.key < $1.key }) {
                    guard let stored = fromTables.groups[key] else { continue }
                    if stored != tally {
                        XCTFail("\(label): group \(key): tables ≠ responses: \(difference(stored, tally))",
                                file: file, line: line)
                    }
                }
                XCTAssertTrue(fromTables.total.isConsistent, "\(label): total inconsistent", file: file, line: line)
                for (key, tally) in fromTables.groups {
                    XCTAssertTrue(tally.isConsistent, "\(label): group \(key) inconsistent", file: file, line: line)
                }
                if dimension != nil {
                    let sum = fromTables.groups.values.reduce(0) { $0 + $1.responses }
                    XCTAssertEqual(sum, fromTables.total.responses, "\(label): groups add up", file: file, line: line)
                }
            }
        }
    }
}

/// A temp directory for one test, removed when the test ends.
final class ImportFixtureDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sipas-itest-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let path = self.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ text: String, as name: String) throws -> String {
        try write(Array(text.utf8), as: name)
    }

    /// A fresh, file-backed, migrated database.
    func database(_ name: String = "sipas.sqlite") throws -> AppDatabase {
        try AppDatabase(path: path(name))
    }
}

/// Base class: a temp directory and a fresh database per test.
class ImportTestCase: XCTestCase {
    var dir: ImportFixtureDirectory!
    var db: AppDatabase!

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = try ImportFixtureDirectory()
        db = try dir.database()
    }

    override func tearDownWithError() throws {
        db = nil
        dir?.remove()
        dir = nil
        try super.tearDownWithError()
    }

    /// Makes the database what a version before `migration` left: drops `table` (the migration's) and the
    /// migration's record, then opens it again, which applies the migration.
    func reopenAsIfMadeBefore(migration: String, table: String) throws {
        db = nil
        let queue = try ImportFixtures.rawQueue(dir.path("sipas.sqlite"))
        try queue.write { db in
            try db.execute(sql: "DROP TABLE \(table)")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [migration])
        }
        db = try dir.database()
    }

    /// Writes `bytes` to `name` in the temp directory and imports it.
    @discardableResult
    func importBytes(_ bytes: [UInt8], as name: String, options: ImportOptions = ImportOptions(),
                     into database: AppDatabase? = nil) throws -> (path: String, receipt: FileReceipt, diagnostics: [Diagnostic]) {
        let path = try dir.write(bytes, as: name)
        let (receipt, diagnostics) = try Importer(database: database ?? db).importFile(path, options: options)
        return (path, receipt, diagnostics)
    }

    @discardableResult
    func importText(_ text: String, as name: String, options: ImportOptions = ImportOptions(),
                    into database: AppDatabase? = nil) throws -> (path: String, receipt: FileReceipt, diagnostics: [Diagnostic]) {
        try importBytes(Array(text.utf8), as: name, options: options, into: database)
    }

    func importPath(_ path: String, options: ImportOptions = ImportOptions()) throws -> (FileReceipt, [Diagnostic]) {
        try Importer(database: db).importFile(path, options: options)
    }

    /// imported + duplicates + conflicts + rejected == rows, and the import_file record says the same.
    func assertReceiptAddsUp(_ receipt: FileReceipt, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(receipt.imported + receipt.duplicates + receipt.conflicts + receipt.rejected, receipt.rows,
                       "receipt of \(receipt.path) does not add up: \(receipt)", file: file, line: line)
    }
}

extension ImportFixtures {
    /// What surveys/README.md promises about the bundled files, read from the README itself so that the
    /// tests follow the documentation (and fail when data and documentation drift apart).
    struct SurveysReadme {
        struct BadRow: Equatable {
            var row: Int
            var id: String
            /// The reject code the README's problem implies, or "duplicate" for the exact duplicate.
            var code: String
            /// The column the problem is in, as the portal file names it (nil for a ragged row).
            var column: String?
        }

        var records: [String: Int] = [:]
        var stored: [String: Int] = [:]
        var badRows: [BadRow] = []
        var comments: Int?
        var pooled: [Int: Double] = [:]
        var storedLineBreakComments = 0

        static let labels = ["2023 file": "2023-trung-tam-hcc.csv", "2024 H1 file": "2024-q1-q2-trung-tam-hcc.csv",
                             "2024 H2 portal file": "2024-q3-q4-cong-dvc.csv", "2024 tablets": "2024-may-danh-gia-tai-quay.csv"]

        static let current: SurveysReadme = {
            let url = ImportFixtures.repoRoot.appendingPathComponent("surveys/README.md")
            return parse((try? String(contentsOf: url, encoding: .utf8)) ?? "")
        }()

        static func number(_ text: Substring) -> Int? { Int(text.filter(\.isNumber)) }

        static func parse(_ text: String) -> SurveysReadme {
            var out = SurveysReadme()
            var section = ""
            for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("#") { section = line; continue }
                let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("|"), cells.count >= 5 {
                    if let file = labels[cells[1]], let records = number(Substring(cells[2])),
                       let stored = number(Substring(cells[3])) {
                        out.records[file] = records
                        out.stored[file] = stored
                    } else if section.contains("bad rows"), let row = Int(cells[1]), cells.count >= 6 {
                        let problem = cells[4]
                        let code: String
                        var column: String?
                        if problem.contains("exact duplicate") { code = "duplicate"; column = nil }
                        else if problem.contains("conflict") { code = "conflict"; column = "response_id" }
                        else if problem.contains("ragged") { code = "ragged-row" }
                        else if problem.contains("impossible date") { code = "impossible-date"; column = "date" }
                        else if problem.contains("`procedure_code` empty") { code = "missing-procedure-code"; column = "procedure_code" }
                        else if problem.contains("`date` empty") { code = "missing-date"; column = "date" }
                        else if problem.contains("outside") { code = "rating-out-of-scale" }
                        else if problem.contains("not a rating") { code = "rating-unknown" }
                        else { code = "?" }
                        if code.hasPrefix("rating"), let range = problem.range(of: " in ") {
                            column = String(problem[range.upperBound...].prefix { $0.isLetter || $0.isNumber })
                        }
                        out.badRows.append(BadRow(row: row, id: cells[3], code: code, column: column))
                    } else if let year = Int(cells[1]), (2000...2100).contains(year), cells[4].hasSuffix("%"),
                              let value = Double(cells[4].dropLast()) {
                        out.pooled[year] = value / 100
                    }
                }
                if let range = line.range(of: "carry a comment (") {
                    out.comments = number(line[range.upperBound...].prefix { $0 != ")" })
                }
                if line.hasPrefix("- file "), line.contains("row") {
                    // "- file 3: row 302, and its duplicate at row 340": the duplicate is not stored.
                    let body = line.split(separator: ":", maxSplits: 1).last ?? ""
                    let kept = body.components(separatedBy: "duplicate").first ?? ""
                    out.storedLineBreakComments += kept.split(whereSeparator: { !$0.isNumber }).count
                }
            }
            return out
        }
    }
}

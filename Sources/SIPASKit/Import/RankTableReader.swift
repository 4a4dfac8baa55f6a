import Foundation
import SurveyCSV
import SurveyXLSX

/// One problem with a row of a published ranking table: where, and what.
public struct RankTableProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case missingName, missingIndex, badIndex, badRank, duplicateName(firstRow: Int)
    }

    public var file: String
    public var row: Int
    public var column: Int?
    public var columnName: String?
    public var value: String?
    public var kind: Kind
}

/// What `sipas baseline table` can go wrong with as a whole.
public enum RankTableFailure: Error, Sendable, Equatable {
    /// The file could not be read as a CSV table.
    case unreadable(SIPASError)
    /// The header lacks the name or the index column.
    case missingColumn(path: String, field: String)
    /// No row names the department (`--self`).
    case selfNotFound(path: String, name: String, candidates: [String])
    /// Rows that are wrong: nothing was recorded.
    case badRows([RankTableProblem])
    /// The table has no department besides its own.
    case tooFewRows(path: String)
}

/// Reads the province's published table of every department's index for a year: columns such as
/// `Cơ quan` (name), `Chỉ số` (index), `Hạng` (rank), an `STT` column and any other ignored; indices
/// as percentages (`95,5`, `95,5%`) or fractions (`0,955`), decimal comma or point.
public enum RankTableReader {
    static let nameHeaders: Set<String> = ["coquan", "donvi", "tencoquan", "tendonvi", "so", "songanh", "coquandonvi",
                                           "department", "name", "agency"]
    static let indexHeaders: Set<String> = ["chiso", "chisosipas", "sipas", "diem", "ketqua", "tyle", "index", "score"]
    static let rankHeaders: Set<String> = ["hang", "xephang", "thuhang", "rank"]

    public static func read(path: String, year: Int, selfName: String, source: String?) throws(RankTableFailure) -> RankTable {
        var records: [(row: Int, fields: [String])] = []
        if WorkbookKind.of(path: path) != .other {
            records = try workbookRecords(path)
        } else {
        do {
            let reader = try CSVReader(path: path)
            try reader.read { batch in
                for r in 0..<batch.count { records.append((batch.rowNumber(r), batch.strings(r).map { $0.nfc })) }
            }
        } catch let error as CSVError {
            switch error {
            case let .cannotOpen(_, reason), let .readFailed(_, reason):
                throw .unreadable(.fileUnreadable(path: path, reason: reason))
            case .empty: throw .unreadable(.fileEmpty(path: path))
            case .notText: throw .unreadable(.fileNotText(path: path))
            case .libcsvInit: throw .unreadable(.fileUnreadable(path: path, reason: "libcsv"))
            case let .encodingSuspect(_, looksLike, readAs):
                throw .unreadable(.fileEncodingSuspect(path: path, looksLike: looksLike.rawValue, readAs: readAs?.rawValue))
            }
        } catch {
            throw .unreadable(.fileUnreadable(path: path, reason: String(describing: error)))
        }
        }
        // The header is the first row naming both a department and an index column: a title block
        // above it (as in the province's published workbooks) is skipped.
        if let start = records.prefix(30).firstIndex(where: { record in
            let folded = record.fields.map(HeaderName.fold)
            return folded.contains(where: nameHeaders.contains) && folded.contains(where: indexHeaders.contains)
        }) {
            records.removeFirst(start)
        }
        guard let header = records.first else { throw .unreadable(.fileEmpty(path: path)) }
        let folded = header.fields.map(HeaderName.fold)
        guard let nameColumn = folded.firstIndex(where: nameHeaders.contains) else {
            throw .missingColumn(path: path, field: "Cơ quan")
        }
        guard let indexColumn = folded.firstIndex(where: indexHeaders.contains) else {
            throw .missingColumn(path: path, field: "Chỉ số")
        }
        let rankColumn = folded.firstIndex(where: rankHeaders.contains)

        var rows: [RankTable.Row] = []
        var problems: [RankTableProblem] = []
        var firstRowOfName: [String: Int] = [:]
        for record in records.dropFirst() {
            let fields = record.fields
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func cell(_ column: Int) -> String {
                column < fields.count ? fields[column].trimmingCharacters(in: .whitespaces) : ""
            }
            func problem(_ column: Int, _ kind: RankTableProblem.Kind) {
                let value = cell(column)
                problems.append(.init(file: path, row: record.row, column: column + 1, columnName: header.fields[column],
                                      value: value.isEmpty ? nil : value, kind: kind))
            }
            let name = cell(nameColumn)
            let indexText = cell(indexColumn)
            // A footer such as "Trung bình" with no index and no rank is not a department.
            var bad = false
            if name.isEmpty { problem(nameColumn, .missingName); bad = true }
            let index = indexText.isEmpty ? nil : parseIndex(indexText)
            if indexText.isEmpty { problem(indexColumn, .missingIndex); bad = true } else if index == nil {
                problem(indexColumn, .badIndex); bad = true
            }
            var rank: Int?
            if let rankColumn, !cell(rankColumn).isEmpty {
                rank = Int(cell(rankColumn))
                if rank == nil || rank! < 1 { problem(rankColumn, .badRank); bad = true }
            }
            if !name.isEmpty {
                let key = HeaderName.fold(name)
                if let first = firstRowOfName[key] { problem(nameColumn, .duplicateName(firstRow: first)); bad = true }
                else { firstRowOfName[key] = record.row }
            }
            if !bad, let index { rows.append(.init(name: name, index: index, rank: rank, isSelf: false)) }
        }
        if !problems.isEmpty { throw .badRows(problems) }
        let selfKey = HeaderName.fold(selfName)
        guard let own = rows.firstIndex(where: { HeaderName.fold($0.name) == selfKey }) else {
            throw .selfNotFound(path: path, name: selfName, candidates: rows.map(\.name))
        }
        rows[own].isSelf = true
        guard rows.count >= 2 else { throw .tooFewRows(path: path) }
        return RankTable(year: year, rows: rows, source: source)
    }

    /// A workbook's first sheet as the sheet shows its cells (`95.5%`, `0.955`, `7`), rows numbered as
    /// Excel numbers them.
    static func workbookRecords(_ path: String) throws(RankTableFailure) -> [(row: Int, fields: [String])] {
        do {
            let book = try Workbook(path: path)
            guard let first = book.sheets.first(where: { !$0.isHidden }) ?? book.sheets.first else {
                throw RankTableFailure.unreadable(.fileEmpty(path: path))
            }
            let rows = try book.rows(of: first)
            let width = rows.map { ($0.cells.last?.column ?? -1) + 1 }.max() ?? 0
            return rows.map { ($0.number, $0.texts(count: width).map { $0.nfc }) }
        } catch let failure as RankTableFailure {
            throw failure
        } catch let error as XLSXError {
            if case .binaryWorkbook = error { throw .unreadable(.workbook(.binaryWorkbook(path: path))) }
            throw .unreadable(.fileUnreadable(path: path, reason: String(describing: error)))
        } catch {
            throw .unreadable(.fileUnreadable(path: path, reason: String(describing: error)))
        }
    }

    /// `95,5` / `95.5%` / `0,955` → 0.955; nil when not a number in [0, 100] (a percent) or [0, 1].
    static func parseIndex(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        let percent = t.hasSuffix("%")
        if percent { t.removeLast() }
        t = t.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(t), value.isFinite, value >= 0 else { return nil }
        if percent || value > 1 { return value <= 100 ? value / 100 : nil }
        return value
    }
}

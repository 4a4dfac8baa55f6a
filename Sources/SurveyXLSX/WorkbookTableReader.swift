import Foundation
import SurveyCSV

/// Finds the survey table in a workbook and reads it as the same `RecordBatch` stream the CSV reader
/// yields: record 0 is the header (its labels), then one record per data row, numbered with the sheet's
/// own rows. Title rows above the header, blank rows and footer rows are left out; typed cells become
/// text the importer reads without guessing (dates as `yyyy-mm-dd[ hh:mm:ss]`, numbers in full); each
/// record's original text is its cells as the sheet shows them, comma-separated.
public final class WorkbookTableReader {
    public let workbook: Workbook
    public let sheet: SheetInfo
    /// Where the header is and what it says.
    public let headerRows: ClosedRange<Int>
    public let labels: [String]
    public let columns: TableColumns
    /// File size in bytes.
    public var byteCount: Int { workbook.byteCount }
    /// File bytes read so far (the sheet's inflated share of the file), for progress bars.
    public private(set) var bytesRead = 0

    private let rules: TableRules
    private let dateRule: DateRule
    private let batchSize: Int

    /// Opens the workbook and finds the table: on `sheet` (a name or 1-based number) when given, else on
    /// the first sheet whose first rows hold a header `rules.bind` recognises.
    public init(path: String, sheet name: String? = nil, rules: TableRules, dateRule: DateRule = .asStored,
                batchSize: Int = 512) throws {
        let workbook = try Workbook(path: path)
        self.workbook = workbook
        self.rules = rules
        self.dateRule = dateRule
        self.batchSize = max(1, batchSize)
        let candidates = try name.map { [try workbook.sheet($0)] } ?? workbook.sheets.filter { !$0.isHidden }
        for candidate in candidates {
            if let found = try WorkbookTableReader.findHeader(in: candidate, of: workbook, rules: rules) {
                sheet = candidate
                (headerRows, labels, columns) = found
                return
            }
        }
        // No header: unless the strings the labels come from were damaged.
        try workbook.sharedStringsLoaded()
        throw XLSXError.noTableFound(path: path, sheets: candidates.map(\.name))
    }

    private struct StopSearch: Error {}

    static func findHeader(in sheet: SheetInfo, of book: Workbook, rules: TableRules) throws
        -> (ClosedRange<Int>, [String], TableColumns)? {
        var seen = 0
        var previous: SheetRow?
        var found: (ClosedRange<Int>, [String], TableColumns)?
        do {
            try book.readRows(of: sheet) { row in
                seen += 1
                let lower = trimmedLabels(row)
                let upper = previous.flatMap { $0.number == row.number - 1 ? trimmedLabels($0) : nil }
                if let upper {
                    var merged = lower
                    if merged.count < upper.count { merged += repeatElement("", count: upper.count - merged.count) }
                    var filled = false
                    for i in upper.indices where merged[i].isEmpty && !upper[i].isEmpty {
                        merged[i] = upper[i]
                        filled = true
                    }
                    merged = Array(merged.prefix(lowerExtent(merged)))
                    if filled, let columns = rules.bind(merged) {
                        found = ((row.number - 1)...row.number, merged, columns)
                        throw StopSearch()
                    }
                }
                if let columns = rules.bind(lower) {
                    found = (row.number...row.number, lower, columns)
                    throw StopSearch()
                }
                previous = row
                if seen >= rules.headerSearchRows { throw StopSearch() }
            }
        } catch is StopSearch {}
        return found
    }

    private static func trimmedLabels(_ row: SheetRow) -> [String] {
        let texts = row.texts().map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return Array(texts.prefix(lowerExtent(texts)))
    }

    /// One past the last non-empty label.
    private static func lowerExtent(_ labels: [String]) -> Int {
        (labels.lastIndex { !$0.isEmpty } ?? -1) + 1
    }

    /// Reads the table, handing batches of records to `body`; returns what the reading found.
    public func read(_ body: (RecordBatch) throws -> Void) throws -> TableReport {
        var report = TableReport(sheet: sheet.name, headerRows: headerRows, labels: labels)
        var builder = RecordBatchBuilder(capacity: batchSize)
        // libxml2 hands out UTF-8 only (a part that is not proper UTF-8 is a damaged part), and the
        // numbers and dates are written here: nothing for the validation to scan.
        builder.textIsValidUTF8 = true
        let rawStart = builder.rawCount
        for (i, label) in labels.enumerated() {
            if i > 0 { builder.appendRaw(0x2C) }
            builder.appendField(label)
            var l = label
            l.withUTF8 { Self.appendQuoted($0, to: &builder) }
        }
        builder.endRecord(row: headerRows.upperBound, rawStart: rawStart)
        let xmlSize = max(workbook.xmlSize(of: sheet), 1)
        var converter = RowConverter(book: workbook, columns: columns, width: labels.count, rules: rules,
                                     dateRule: dateRule)
        try workbook.readRawRows(of: sheet) { row, inflated in
            guard row.number > headerRows.upperBound else { return }
            converter.convert(row, into: &builder, report: &report)
            if builder.count >= batchSize {
                bytesRead = Int(Double(workbook.byteCount) * min(1, Double(inflated) / Double(xmlSize)))
                try body(builder.build())
            }
        }
        bytesRead = workbook.byteCount
        if builder.count > 0 { try body(builder.build()) }
        return report
    }

    /// Appends `text` to the record's original text, quoted as CSV when it holds a comma, quote or line end.
    static func appendQuoted(_ text: UnsafeBufferPointer<UInt8>, to builder: inout RecordBatchBuilder) {
        var needs = false
        for b in text where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { needs = true; break }
        guard needs else { return builder.appendRaw(text) }
        builder.appendRaw(0x22)
        for b in text {
            if b == 0x22 { builder.appendRaw(0x22) }
            builder.appendRaw(b)
        }
        builder.appendRaw(0x22)
    }
}

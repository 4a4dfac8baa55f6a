import Foundation
internal import XLSXWriter

/// `--format xlsx --out FILE.xlsx`: real workbooks for the Office. Numbers are numeric cells (shares as
/// fractions with a percent format, counts as integers, interval ends in their own columns), every
/// sheet has a frozen, filterable header row and widths that fit its Vietnamese labels, rows under the
/// target are shaded, and the summary and report carry native Excel charts. Text from the data is
/// always a text cell: the workbook has no formulas, so a comment such as `=HYPERLINK(…)` is shown, not
/// run.
///
/// The workbook is made whole in the temporary folder first, then written into the target path in place
/// by `OutputFile.write` (a link stays a link, an existing file keeps its owner and mode): a failure while
/// making it never touches the target.
public enum WorkbookRenderer {
    /// Who made the workbook (File › Info › Author).
    public static let defaultAuthor = "sipas"

    public static func write(_ r: SummaryReport, lang: Language, to path: String) throws(SIPASError) {
        var tables = [WorkbookSummary.overview(r, lang), WorkbookSummary.criteria(r, lang)]
        if let groups = WorkbookSummary.groups(r, lang) { tables.append(groups) }
        let by = r.by.map { " · " + lang.pick("theo ", "by ") + Labels.groupNoun($0, lang) } ?? ""
        try write(tables, properties: properties(WorkbookWords.title(r.year, lang) + by, subject: Labels.period(r.period, lang)),
                  lang: lang, to: path)
    }

    public static func write(_ r: FlagReport, lang: Language, to path: String) throws(SIPASError) {
        let title = lang.pick("Cảnh báo SIPAS năm \(r.year)", "SIPAS flags, \(r.year)")
        try write([WorkbookFlags.flags(r, lang), WorkbookFlags.comments(r, lang)],
                  properties: properties(title, subject: Labels.period(r.period, lang)), lang: lang, to: path)
    }

    public static func write(rejects: [RejectRecord], lang: Language, to path: String) throws(SIPASError) {
        try write([WorkbookLogs.rejects(rejects, lang)],
                  properties: properties(lang.pick("Hàng bị loại khi nhập", "Rows rejected on import")), lang: lang, to: path)
    }

    public static func write(imports: [ImportRecord], lang: Language, to path: String) throws(SIPASError) {
        try write([WorkbookLogs.imports(imports, lang)],
                  properties: properties(lang.pick("Các tệp đã nhập", "Imported files")), lang: lang, to: path)
    }

    /// `sipas report --format xlsx`: one workbook for the year.
    public static func write(_ d: ReportDocument, lang: Language, to path: String) throws(SIPASError) {
        var tables = [WorkbookSummary.overview(d.summary, lang), WorkbookSummary.criteria(d.summary, lang)]
        for part in [d.procedures, d.units, d.periods].compactMap({ $0 }) {
            if let groups = WorkbookSummary.groups(part, lang) { tables.append(groups) }
        }
        tables += [WorkbookFlags.flags(d.flags, lang), WorkbookFlags.comments(d.flags, lang),
                   WorkbookLogs.rejects(d.rejects, lang)]
        var p = properties(WorkbookWords.title(d.summary.year, lang), subject: Labels.period(d.summary.period, lang))
        p.author = d.department
        p.company = d.department
        try write(tables, properties: p, lang: lang, to: path)
    }

    static func properties(_ title: String, subject: String? = nil) -> DocumentProperties {
        DocumentProperties(title: title, subject: subject, author: defaultAuthor,
                           keywords: "SIPAS")
    }

    /// Writes the tables as sheets of one workbook, in order; the first is the one that opens.
    static func write(_ tables: [WorkbookTable], properties: DocumentProperties, lang: Language,
                      to path: String) throws(SIPASError) {
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("sipas-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).xlsx").path
        defer { unlink(temporary) }
        do {
            let workbook = try XLSXWorkbook(path: temporary, constantMemory: true)
            try workbook.setProperties(properties)
            var sheets: [XLSXSheet] = []
            for table in tables { sheets.append(try WorkbookLayout.write(table, into: workbook, lang: lang)) }
            sheets.first?.activate()
            try workbook.close()
        } catch {
            throw .outputUnwritable(path: path, reason: error.message)
        }
        guard let bytes = FileManager.default.contents(atPath: temporary) else {
            throw .outputUnwritable(path: path, reason: String(cString: strerror(errno)))
        }
        try OutputFile.write(bytes, to: path)
    }
}

internal import XLSXWriter

/// Lays a `WorkbookTable` onto a sheet. Rows go top to bottom, as constant-memory mode needs.
enum WorkbookLayout {
    static let headerFill: UInt32 = 0x1F4E79
    static let headerFont: UInt32 = 0xFFFFFF
    static let belowFill: UInt32 = 0xF8CBAD
    static let possiblyBelowFill: UInt32 = 0xFFE699
    static let indexColour: UInt32 = 0x1F4E79
    static let targetColour: UInt32 = 0xC00000

    struct Formats {
        var date: String
        var dateTime: String
    }

    static func formats(_ lang: Language) -> Formats {
        lang == .vi ? Formats(date: "dd/mm/yyyy", dateTime: "dd/mm/yyyy hh:mm:ss")
            : Formats(date: "yyyy-mm-dd", dateTime: "yyyy-mm-dd hh:mm:ss")
    }

    static func numberFormat(_ kind: WorkbookColumn.Kind, _ lang: Language) -> String? {
        switch kind {
        case .text, .longText: nil
        // A yes/no is the number 1 or 0 (as in the CSV), shown as a word: Excel and LibreOffice show a
        // boolean cell differently (TRUE, 1, ĐÚNG…), a number with this format the same everywhere.
        case .boolean: lang.pick("\"có\";\"có\";\"không\"", "\"yes\";\"yes\";\"no\"")
        case .count: "#,##0"
        case .number: "0"
        case .fraction: "0.0%"
        // Changes in points, two decimals: an interval end of +0.02 points shows as +0.02%, not +0.0%.
        case .change: "+0.00%;-0.00%;0.00%"
        case .date: formats(lang).date
        case .dateTime: formats(lang).dateTime
        }
    }

    static func write(_ table: WorkbookTable, into workbook: XLSXWorkbook, lang: Language) throws(WorkbookError) -> XLSXSheet {
        let sheet = try workbook.addSheet(table.sheet)
        // Before any row: in constant-memory mode a range that starts on a row already written is refused.
        let last = table.rows.count
        for (c, column) in table.columns.enumerated() {
            try sheet.setColumns(c, c, width: width(table, column: c, kind: column.kind))
        }
        sheet.freeze(rows: 1, columns: table.frozenColumns)
        try sheet.autofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: max(last, 1), lastColumn: table.columns.count - 1))
        sheet.printLandscape()
        let headerStyle = CellStyle(bold: true, fill: headerFill, fontColor: headerFont, wrap: true, alignTop: true,
                                    bottomBorder: true)
        try sheet.setRowHeight(0, 33)
        try sheet.write(row: 0, table.columns.map { .text($0.header) }, styles: [headerStyle])
        for (i, row) in table.rows.enumerated() {
            var styles: [CellStyle?] = []
            var cells: [XLSXCell] = []
            for (c, column) in table.columns.enumerated() {
                var style = CellStyle(numberFormat: numberFormat(column.kind, lang), bold: row.emphasis,
                                      wrap: column.kind == .longText, alignTop: true, centered: column.kind == .boolean)
                switch row.shade {
                case .below?: style.fill = belowFill
                case .possiblyBelow?: style.fill = possiblyBelowFill
                case nil: break
                }
                if column.indentsDetail && !row.emphasis { style.indent = 1 }
                styles.append(style)
                cells.append(cell(row.values[c]))
            }
            try sheet.write(row: i + 1, cells, styles: styles)
        }
        var next = last + 2
        for note in table.notes {
            try sheet.write(.text(note), row: next, column: 0, style: CellStyle(italic: true))
            next += 1
        }
        next += 1
        for chart in table.charts where !table.rows.isEmpty {
            try sheet.insert(make(chart, sheet: sheet.name), row: next, column: 1)
            next += 22
        }
        return sheet
    }

    static func cell(_ value: WorkbookValue) -> XLSXCell {
        switch value {
        case let .text(text): .text(text)
        case let .integer(n): .number(Double(n))
        case let .fraction(x): .number(x)
        case let .boolean(b): .number(b ? 1 : 0)
        case let .day(iso): isoDay(iso).map { .date(year: $0.0, month: $0.1, day: $0.2) } ?? .text(iso)
        case let .timestamp(iso): isoTimestamp(iso) ?? .text(iso)
        case .empty: .blank
        }
    }

    /// `2024-03-07` → (2024, 3, 7).
    static func isoDay(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1900...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    /// `2024-03-07T08:15:00Z` → a date-time cell (UTC, as stored).
    static func isoTimestamp(_ text: String) -> XLSXCell? {
        let halves = text.split(separator: "T")
        guard halves.count == 2, let day = isoDay(String(halves[0])) else { return nil }
        let clock = halves[1].trimmingCharacters(inSet: "Z").split(separator: ":")
        guard clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), let s = Int(clock[2]) else { return nil }
        return .dateTime(year: day.0, month: day.1, day: day.2, hour: h, minute: m, second: s)
    }

    /// Characters wide enough for the header (which wraps onto two lines) and the longest value; long
    /// text is wrapped in a fixed width.
    static func width(_ table: WorkbookTable, column c: Int, kind: WorkbookColumn.Kind) -> Double {
        let header = Double(table.columns[c].header.count)
        let headerNeed = min(header, max(10, (header / 2).rounded(.up) + 2))
        var content = 0.0
        switch kind {
        case .longText: return 70
        case .fraction, .change: content = 8
        case .boolean: content = 7
        case .date: content = 11
        case .dateTime: content = 19
        case .count, .number:
            let widest = table.rows.lazy.compactMap { row -> Int? in
                if case let .integer(n) = row.values[c] { return String(n).count } else { return nil }
            }.max() ?? 1
            content = Double(widest + widest / 3 + 1)
        case .text:
            content = Double(table.rows.lazy.compactMap { row -> Int? in
                if case let .text(t) = row.values[c] { return t.count } else { return nil }
            }.max() ?? 0)
        }
        // Vietnamese letters with stacked marks are a little wider than the font's average digit.
        return min(60, max(headerNeed, content * 1.1) + 2)
    }

    static func make(_ c: WorkbookChart, sheet: String) -> Chart {
        let rows = (c.rows.lowerBound + 1)...(c.rows.upperBound + 1)
        var chart = Chart(
            kind: c.kind, title: c.title,
            series: c.series.map { s in
                Chart.Series(name: s.name, sheet: sheet, categories: .column(c.categoryColumn, rows: rows),
                             values: .column(s.column, rows: rows), look: s.look, labels: s.labels)
            },
            yAxisName: c.yAxisName, yNumberFormat: "0%", yMinimum: c.yMinimum, yMaximum: 1)
        // Wider for many categories (twelve months), so the point labels do not collide.
        chart.widthScale = max(1.6, Double(rows.count) * 0.19)
        return chart
    }
}

extension Substring {
    func trimmingCharacters(inSet set: Character) -> Substring {
        var s = self
        while s.last == set { s.removeLast() }
        return s
    }
}

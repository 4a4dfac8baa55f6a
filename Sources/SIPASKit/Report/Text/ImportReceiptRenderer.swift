import Foundation

/// Renders an import's receipts and diagnostics: a table and diagnostics for people (stderr), JSON for scripts.
public enum ImportReceiptRenderer {
    public static func table(_ outcome: ImportOutcome, _ lang: Language) -> String {
        let headers = lang == .vi
            ? ["Tệp", "Hàng", "Đã nhập", "Trùng", "Xung đột", "Thay thế", "Bị loại", "Bảng mã", "Phân cách", "Thang", "Năm"]
            : ["File", "Rows", "Imported", "Duplicates", "Conflicts", "Replaced", "Rejected", "Encoding", "Delimiter", "Scale", "Years"]
        var rows: [[String]] = []
        for f in outcome.files {
            let n = { (v: Int) in NumberFormat.integer(v, lang) }
            var encoding = f.encoding + (f.encodingDetected ? "" : lang.pick(" (chỉ định)", " (given)"))
            if f.alreadyImported { encoding = f.encoding }
            rows.append([
                TerminalText.name(f.path), n(f.rows), n(f.imported), n(f.duplicates), n(f.conflicts), n(f.replaced), n(f.rejected),
                encoding, f.delimiter, "\(f.scale)" + (f.scaleInferred ? "*" : ""),
                f.alreadyImported ? lang.pick("đã nhập trước đây", "imported before")
                    : f.years.map(String.init).joined(separator: ", "),
            ])
        }
        for failure in outcome.failures {
            rows.append([TerminalText.name(failure.path), "—", "—", "—", "—", "—", "—", "—", "—", "—", lang.pick("LỖI", "FAILED")])
        }
        return TextTable(headers: headers, rows: rows, rightAligned: Set(1...6)).render()
    }

    /// Diagnostics, sorted, with a hint after the first of each code in each file, then what was left out.
    public static func diagnostics(_ outcome: ImportOutcome, _ lang: Language) -> String {
        var out = ""
        var hinted = Set<String>()
        for d in outcome.diagnostics {
            // File and sheet names and cells are escaped: a name with a line break cannot fake a diagnostic line.
            let place = location(d)
            out += "\(place): \(severityWord(d.severity, lang)): [\(d.code.rawValue)] \(TerminalText.escape(Messages.text(d, lang)))\n"
            if hinted.insert(d.file + d.code.rawValue).inserted {
                out += "  " + lang.pick("gợi ý", "hint") + ": " + Messages.hint(d.code, lang) + "\n"
            }
        }
        for (file, codes) in outcome.omitted.sorted(by: { $0.key < $1.key }) {
            let file = TerminalText.name(file)
            for (code, count) in codes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                // Only rejected rows are listed by `sipas rejects`; warnings and notes are not kept there.
                if code.severity == .error {
                    out += lang.pick("\(file): … và \(count) lỗi [\(code.rawValue)] khác (xem: sipas rejects)\n",
                                     "\(file): … and \(count) more [\(code.rawValue)] (see: sipas rejects)\n")
                } else {
                    out += Messages.moreWarnings(file: file, count: count, code: code, lang) + "\n"
                }
            }
        }
        for failure in outcome.failures {
            out += "sipas: " + lang.pick("lỗi", "error") + ": " + TerminalText.escape(Messages.text(failure.error, lang)) + "\n"
            if let hint = Messages.hint(failure.error, lang) {
                out += "  " + lang.pick("gợi ý", "hint") + ": " + TerminalText.escape(hint) + "\n"
            }
        }
        return out
    }

    /// `file:row:column`, or for a workbook the cell as Excel names it: `x.xlsx:Sheet1!F17`, `x.xlsx:'Trang 1'!17:17`.
    static func location(_ d: Diagnostic) -> String {
        let file = TerminalText.name(d.file)
        guard let sheet = d.sheet.map(TerminalText.escape) else {
            var place = file
            if let row = d.row { place += ":\(row)" }
            if let column = d.column { place += ":\(column)" }
            return place
        }
        let plain = sheet.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
            && !(sheet.first?.isNumber ?? true)
        let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        guard let row = d.row else { return "\(file):\(name)" }
        guard let column = d.column else { return "\(file):\(name)!\(row):\(row)" }
        return "\(file):\(name)!\(Self.columnLetters(column - 1))\(row)"
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnLetters(_ column: Int) -> String {
        var n = column + 1, letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The one-line summary.
    public static func summaryLine(_ outcome: ImportOutcome, _ lang: Language) -> String {
        let imported = outcome.files.reduce(0) { $0 + $1.imported }
        let rejected = outcome.files.reduce(0) { $0 + $1.rejected + $1.conflicts }
        let dryRun = outcome.files.first?.dryRun == true
        var line = lang.pick(
            "\(dryRun ? "Thử (không ghi): " : "")đã nhập \(NumberFormat.integer(imported, lang)) phiếu từ \(outcome.files.count) tệp",
            "\(dryRun ? "Dry run (nothing written): " : "")imported \(NumberFormat.integer(imported, lang)) responses from \(outcome.files.count) file(s)")
        if rejected > 0 {
            line += lang.pick("; \(NumberFormat.integer(rejected, lang)) hàng bị loại, được giữ lại (xem: sipas rejects)",
                              "; \(NumberFormat.integer(rejected, lang)) rows rejected and kept aside (see: sipas rejects)")
        }
        if !outcome.failures.isEmpty {
            line += lang.pick("; \(outcome.failures.count) tệp không nhập được", "; \(outcome.failures.count) file(s) could not be imported")
        }
        return line + ".\n"
    }

    public static func json(_ outcome: ImportOutcome) -> String {
        struct Failed: Encodable { var path: String; var error: String }
        struct Body: Encodable {
            var files: [FileReceipt]
            var failed: [Failed]
            var diagnostics: [Diagnostic]
            var exit_code: Int32
        }
        let body = Body(files: outcome.files,
                        failed: outcome.failures.map { Failed(path: $0.path, error: Messages.text($0.error, .en)) },
                        diagnostics: outcome.diagnostics, exit_code: outcome.exitCode)
        return JSONText.encode(body)
    }

    static func severityWord(_ s: Diagnostic.Severity, _ lang: Language) -> String {
        switch s {
        case .error: lang.pick("lỗi", "error")
        case .warning: lang.pick("cảnh báo", "warning")
        case .note: lang.pick("ghi chú", "note")
        }
    }
}

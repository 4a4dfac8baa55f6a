/// The number formats of `xl/styles.xml`, one per cell style (`<cellXfs>`): enough to tell a date
/// from a number and to show a cell as the sheet does.
struct NumberFormats: Sendable {
    struct Format: Sendable, Equatable {
        enum Kind: Sendable { case general, number, date, text }
        var kind: Kind
        /// The code (built-in ones spelled out); nil for General.
        var code: String?
        var hasTime: Bool
        static let general = Format(kind: .general, code: nil, hasTime: false)
    }

    /// Indexed by the cell's `s` attribute.
    private(set) var styles: [Format] = []

    func format(style: Int) -> Format {
        style >= 0 && style < styles.count ? styles[style] : .general
    }

    init() {}

    init(xml archive: ZipArchive, part: String) throws {
        let handler = StylesHandler()
        try XMLStream.parse(part, of: archive, with: handler)
        styles = handler.xfFormatIDs.map { id in NumberFormats.format(id: id, custom: handler.custom[id]) }
    }

    /// Excel's built-in formats (ECMA-376 part 1, 18.8.30). Id 14 is the reader's short date; in a
    /// Vietnamese-locale Excel it shows day first, as sipas does.
    static let builtIn: [Int: String] = [
        1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "dd/mm/yyyy h:mm",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    static func format(id: Int, custom: String?) -> Format {
        if id == 0 { return .general }
        guard let code = custom ?? builtIn[id] else {
            // Ids 27–36 and 50–58 are East Asian date formats; others unknown: General.
            return (27...36).contains(id) || (50...58).contains(id)
                ? Format(kind: .date, code: "dd/mm/yyyy", hasTime: false) : .general
        }
        return classify(code)
    }

    static func classify(_ code: String) -> Format {
        if code.lowercased() == "general" { return .general }
        if code == "@" { return Format(kind: .text, code: code, hasTime: false) }
        // Look at the first section only, outside quotes, escapes and [brackets].
        var sawDate = false, sawTime = false
        var inQuote = false, inBracket = false, skipNext = false
        var bracket = ""
        for ch in code {
            if skipNext { skipNext = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    let b = bracket.lowercased()
                    if !b.isEmpty, b.allSatisfy({ "hms".contains($0) }) { sawTime = true }
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": skipNext = true
            case "[": inBracket = true; bracket = ""
            case ";": return Format(kind: sawDate || sawTime ? .date : .number, code: code, hasTime: sawTime)
            case "d", "D", "y", "Y", "m", "M": sawDate = true
            case "h", "H", "s", "S": sawTime = true
            default: break
            }
        }
        return Format(kind: sawDate || sawTime ? .date : .number, code: code, hasTime: sawTime)
    }
}

private final class StylesHandler: XMLHandler {
    var custom: [Int: String] = [:]
    var xfFormatIDs: [Int] = []
    private var inCellXfs = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt") {
            if let id = attributes.string(local: "numFmtId").flatMap({ Int($0) }),
               let code = attributes.string(local: "formatCode") {
                custom[id] = code
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs, name.is("xf") {
            xfFormatIDs.append(attributes.string(local: "numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    override func end(_ name: XMLName) {
        if name.is("cellXfs") { inCellXfs = false }
    }
}

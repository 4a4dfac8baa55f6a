/// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the Vietnamese letters as UTF-8), CRLF
/// line ends, one header row, comma delimiter and RFC 4180 quoting.
///
/// Numbers are written plain — dot decimal, no thousands separator — so a spreadsheet or a script
/// reads them as numbers in any locale. Shares (rates, indices, their interval ends, changes, impact)
/// stay fractions in [0, 1] (changes in [−1, 1]) with 4 decimals: `0.9643`, not `96,4%`.
///
/// **Formula injection.** A cell whose text came from the data (procedure names, units, labels, keys,
/// comments…) and begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by Excel; `userCell(_:)` prefixes it with a single quote `'`. Our own numbers (a negative
/// change such as `-0.0412`) are not user data and stay numeric.
public enum CSVText {
    /// Characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field, quoted when it holds a comma, a quote, a CR or an LF (quotes doubled), per RFC 4180.
    public static func cell(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text from the data, neutralised against formula injection: `=HYPERLINK(…)` → `'=HYPERLINK(…)`.
    /// Not yet quoted: `document` quotes every field.
    public static func userCell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return text }
        return "'" + text
    }

    /// Optional user text: empty when nil.
    public static func userCell(_ text: String?) -> String {
        text.map { userCell($0) } ?? ""
    }

    /// The whole document: BOM, header row, rows, each line ended by CRLF. Every field goes through
    /// `cell(_:)`; pass user text through `userCell(_:)` first.
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        out += header.map(cell).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(cell).joined(separator: ",") + "\r\n" }
        return out
    }

    // MARK: Our numbers

    /// A share with 4 decimals (`0.9643`, `-0.0412`); empty when nil.
    static func fraction(_ value: Double?) -> String {
        value.map { NumberFormat.plain($0, digits: 4) } ?? ""
    }

    static func integer(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }

    /// `1` or `0`, the same in every language and every spreadsheet.
    static func flag(_ value: Bool?) -> String {
        value.map { $0 ? "1" : "0" } ?? ""
    }
}

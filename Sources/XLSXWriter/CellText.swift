/// Text as a cell may hold it.
public enum CellText {
    /// Excel's limit for one cell's text, in characters.
    public static let maximumLength = 32_767

    /// XML 1.0 cannot carry most control characters (a NUL would also end the C string): they become
    /// U+FFFD. Tab, line feed and carriage return stay. A literal `_xHHHH_` — which Excel would read as
    /// an escaped character — gets its underscore escaped (`_x005F_`), so the text comes back as written.
    public static func xmlSafe(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let needsWork = scalars.contains { s in
            (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF || s == "_"
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        let array = Array(scalars)
        var i = 0
        while i < array.count {
            let s = array[i]
            if (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF {
                out.append("\u{FFFD}")
            } else if s == "_" && looksEscaped(array, at: i) {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// `_x` + four hex digits + `_` starting at `i`.
    static func looksEscaped(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x" || s[i + 1] == "X", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Text cut to what one cell holds; the cut is marked with "…". Returns whether it was cut.
    public static func fitted(_ text: String) -> (text: String, cut: Bool) {
        // libxlsxwriter counts code points; Excel counts UTF-16 units: the stricter of the two.
        guard text.utf16.count > maximumLength else { return (text, false) }
        var out = String.UnicodeScalarView()
        var units = 0
        for s in text.unicodeScalars {
            let n = s.utf16.count
            if units + n > maximumLength - 1 { break }
            out.append(s)
            units += n
        }
        out.append("…")
        return (String(out), true)
    }
}

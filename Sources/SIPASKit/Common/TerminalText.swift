/// Text from files and the database made safe to print for people: control characters (escape
/// sequences, carriage returns, line breaks, bidirectional overrides) are shown escaped, so that a
/// file name or a cell can neither move the cursor nor fake another line, and long names are cut.
public enum TerminalText {
    /// At most this many characters of a name (file, column) in a message.
    public static let nameLimit = 120

    /// A name for a message: escaped and cut at `nameLimit` characters.
    public static func name(_ text: String) -> String { value(text, limit: nameLimit) }

    /// Escaped, and cut at `limit` characters with "…".
    public static func value(_ text: String, limit: Int) -> String {
        let safe = escape(text)
        guard safe.count > limit else { return safe }
        return String(safe.prefix(max(1, limit - 1))) + "…"
    }

    /// Every control character as `\n`, `\t`, `\r` or `\u{1B}`; everything else as it is.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// GitHub-flavoured Markdown pieces. User text in a table cell: `|` escaped, line breaks as `<br>`;
/// in running text: line breaks as spaces. In both, `<`, `>` and `&` are backslash-escaped, so a
/// citizen's `<script>` is shown as text by any Markdown renderer instead of passing through as HTML.
enum Markdown {
    static func cell(_ text: String) -> String {
        inert(text).replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }

    static func text(_ text: String) -> String {
        inert(text).replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// Backslash escapes (CommonMark) for the characters that would start raw HTML or an entity.
    private static func inert(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "&", with: "\\&")
            .replacingOccurrences(of: "<", with: "\\<")
            .replacingOccurrences(of: ">", with: "\\>")
    }

    /// A pipe table; `rightAligned` columns get `--:`.
    static func table(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
        }
        var out = line(headers)
        out += "|" + headers.indices.map { rightAligned.contains($0) ? "--:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row + Array(repeating: "", count: max(0, headers.count - row.count))) }
        return out
    }
}

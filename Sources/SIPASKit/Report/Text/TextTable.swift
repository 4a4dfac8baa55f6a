/// A plain aligned text table for the terminal. Width counts characters (Vietnamese NFC letters are
/// one character each).
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    public var rightAligned: Set<Int>

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    public func render() -> String {
        var widths = headers.map(TextTable.visibleWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], TextTable.visibleWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, width - TextTable.visibleWidth(cell)))
                parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out = line(headers)
        out += line(widths.map { String(repeating: "─", count: $0) })
        for row in rows { out += line(row) }
        return out
    }

    /// Characters a terminal shows: ANSI colour sequences (`ESC [ … m`) take no room.
    public static func visibleWidth(_ text: String) -> Int {
        guard text.contains("\u{1B}") else { return text.count }
        var width = 0
        var inEscape = false
        for ch in text {
            if inEscape {
                if ch == "m" { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}

/// Guessing the field delimiter (`,` `;` or TAB) from decoded UTF-8 text.
enum DialectSniffer {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]  // , ; TAB
    static let maxLines = 50

    /// Counts candidate delimiters outside quotes on the header line and the lines after it,
    /// then picks the most frequent on the header, preferring candidates whose count repeats
    /// on the following lines. Ties or no candidate at all give `,`.
    /// - Parameter truncated: the text is a prefix of the file, so its last line may be incomplete.
    static func sniff(_ text: [UInt8], truncated: Bool) -> UInt8 {
        var lines = countPerLine(text)
        if truncated && lines.count > 1 { lines.removeLast() }
        guard let header = lines.first else { return 0x2C }
        let following = lines.dropFirst()

        struct Score: Comparable {
            var consistent: Bool
            var headerCount: Int
            var matchingLines: Int
            static func < (l: Score, r: Score) -> Bool {
                (l.consistent ? 1 : 0, l.headerCount, l.matchingLines) < (r.consistent ? 1 : 0, r.headerCount, r.matchingLines)
            }
        }
        var best: (delimiter: UInt8, score: Score)? = nil
        var tie = false
        for (k, delimiter) in candidates.enumerated() where header[k] > 0 {
            let matching = following.filter { $0[k] == header[k] }.count
            let score = Score(
                consistent: following.isEmpty || matching * 2 >= following.count,
                headerCount: header[k],
                matchingLines: matching)
            if let current = best {
                if score > current.score {
                    best = (delimiter, score)
                    tie = false
                } else if score == current.score {
                    tie = true
                }
            } else {
                best = (delimiter, score)
            }
        }
        guard let best, !tie else { return 0x2C }
        return best.delimiter
    }

    /// Per non-blank line (quoted newlines stay inside their line): counts of `,` `;` TAB outside quotes.
    /// A quote opens a quoted section only at the start of a field, i.e. at the start of a line
    /// or right after a candidate delimiter (the delimiter is not known yet).
    static func countPerLine(_ text: [UInt8]) -> [[Int]] {
        var lines: [[Int]] = []
        var counts = [0, 0, 0]
        var lineHasContent = false
        var inQuotes = false
        var atFieldStart = true
        var i = 0
        let n = text.count
        while i < n && lines.count < maxLines {
            let c = text[i]
            i += 1
            if inQuotes {
                if c == 0x22 {
                    if i < n && text[i] == 0x22 { i += 1 } else { inQuotes = false }
                }
                continue
            }
            switch c {
            case 0x0A, 0x0D:
                if lineHasContent { lines.append(counts) }
                counts = [0, 0, 0]
                lineHasContent = false
                atFieldStart = true
                continue
            case 0x2C: counts[0] += 1; atFieldStart = true
            case 0x3B: counts[1] += 1; atFieldStart = true
            case 0x09: counts[2] += 1; atFieldStart = true
            case 0x22:
                if atFieldStart { inQuotes = true }
                atFieldStart = false
            default:
                atFieldStart = false
            }
            lineHasContent = true
        }
        if lineHasContent && lines.count < maxLines { lines.append(counts) }
        return lines
    }
}

import Foundation

/// A cell's text as the sheet shows it: enough of Excel's number formats for survey exports (General,
/// fixed decimals, percent, day-first dates and times). Text cells are shown as stored.
enum CellFormatter {
    static func text(_ value: CellValue, numberFormat: String?) -> String {
        switch value {
        case .empty: return ""
        case let .text(s): return s
        case let .bool(b): return b ? "TRUE" : "FALSE"
        case let .error(e): return e
        case let .number(n): return number(n, code: numberFormat)
        case let .date(d): return date(d, code: numberFormat)
        }
    }

    /// Excel's General format: integers in full below 10^11, otherwise ten significant digits, and
    /// scientific notation (`1.23457E+11`) for numbers of twelve digits and more.
    static func general(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e11 { return String(format: "%.0f", n) }
        if abs(n) >= 1e11 || (n != 0 && abs(n) < 1e-9) {
            var s = String(format: "%.5E", n)  // 1.23457E+11
            // Excel trims trailing zeros of the mantissa and writes the exponent with two digits.
            if let e = s.firstIndex(of: "E") {
                var mantissa = String(s[..<e]), exponent = String(s[s.index(after: e)...])
                while mantissa.contains("."), mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
                let sign = exponent.first == "-" ? "-" : "+"
                exponent = String(Int(exponent.dropFirst()) ?? 0)
                s = mantissa + "E" + sign + (exponent.count < 2 ? "0" + exponent : exponent)
            }
            return s
        }
        var s = String(format: "%.10g", n)
        if s.contains("e") { s = String(format: "%.10f", n) }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    static func number(_ n: Double, code: String?) -> String {
        guard let code, code != "@" else { return general(n) }
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        let percent = section.contains("%")
        let value = percent ? n * 100 : n
        var decimals = 0
        if let dot = section.firstIndex(of: ".") {
            decimals = section[section.index(after: dot)...].prefix { $0 == "0" || $0 == "#" }.count
        }
        guard section.contains("0") || section.contains("#") else { return general(n) }
        var s = String(format: "%.\(decimals)f", value)
        if section.contains(","), !section.contains("E") {
            // Thousands grouping with ","; the reader's locale may show "." instead.
            let parts = s.split(separator: ".", maxSplits: 1).map(String.init)
            var digits = parts[0], sign = ""
            if digits.hasPrefix("-") { sign = "-"; digits.removeFirst() }
            var grouped = ""
            for (i, c) in digits.enumerated() {
                if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            s = sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
        }
        return percent ? s + "%" : s
    }

    /// A date as its format shows it; without a code, `dd/mm/yyyy` (and ` hh:mm:ss` for a time).
    static func date(_ d: CellDate, code: String?) -> String {
        guard let code else { return iso(d, dayFirst: true) }
        var out = ""
        let chars = Array(code.split(separator: ";", omittingEmptySubsequences: false).first ?? Substring(code))
        var i = 0
        var lastWasHour = false
        let twelveHour = code.uppercased().contains("AM/PM")
        func run(_ c: Character) -> Int {
            var n = 0
            while i + n < chars.count, chars[i + n].lowercased() == String(c) { n += 1 }
            return n
        }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        while i < chars.count {
            let c = chars[i]
            switch c.lowercased() {
            case "y":
                let n = run("y"); i += n
                out += n <= 2 ? two(d.year % 100) : String(d.year)
            case "d":
                let n = run("d"); i += n
                out += n == 1 ? String(d.day) : two(d.day)
            case "h":
                let n = run("h"); i += n
                let h = twelveHour ? (d.hour % 12 == 0 ? 12 : d.hour % 12) : d.hour
                out += n == 1 ? String(h) : two(h)
                lastWasHour = true
                continue
            case "m":
                let n = run("m")
                // After an hour or before seconds, m is minutes.
                var j = i + n
                while j < chars.count, !"hsdy".contains(chars[j].lowercased()) { j += 1 }
                let beforeSeconds = j < chars.count && chars[j].lowercased() == "s"
                i += n
                if lastWasHour || beforeSeconds {
                    out += n == 1 ? String(d.minute) : two(d.minute)
                } else {
                    out += n == 1 ? String(d.month) : n == 2 ? two(d.month) : monthName(d.month)
                }
            case "s":
                let n = run("s"); i += n
                out += n == 1 ? String(d.second) : two(d.second)
            case "\"":
                i += 1
                while i < chars.count, chars[i] != "\"" { out.append(chars[i]); i += 1 }
                i += 1
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
            case "[":
                while i < chars.count, chars[i] != "]" { i += 1 }
                i += 1
            case "a" where code.uppercased().contains("AM/PM"):
                out += d.hour < 12 ? "AM" : "PM"
                i += 5
            case "@", "_", "*":
                i += c == "@" ? 1 : 2
            default:
                out.append(c); i += 1
            }
            lastWasHour = lastWasHour && c.lowercased() != "y" && c.lowercased() != "d"
        }
        return out
    }

    static func monthName(_ m: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(0, min(11, m - 1))]
    }

    /// `dd/mm/yyyy[ hh:mm:ss]` (dayFirst) or `yyyy-mm-dd[ hh:mm:ss]`.
    static func iso(_ d: CellDate, dayFirst: Bool) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = dayFirst ? "\(two(d.day))/\(two(d.month))/\(d.year)" : "\(d.year)-\(two(d.month))-\(two(d.day))"
        return d.hasTime ? day + " \(two(d.hour)):\(two(d.minute)):\(two(d.second))" : day
    }
}

/// Numbers as people read them: Vietnamese style by default (`96,4%`, `12.345`), English on request.
/// Rounding happens here, when rendering, and nowhere else.
public enum NumberFormat {
    /// `12345` → `12.345` (vi) or `12,345` (en).
    public static func integer(_ value: Int, _ lang: Language) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(lang == .vi ? "." : ",") }
            out.append(ch)
        }
        return value < 0 ? "−" + out : out
    }

    /// A fraction in [0, 1] as a percentage: `0.9643` → `96,4%` (vi) or `96.4%` (en).
    public static func percent(_ fraction: Double, _ lang: Language, digits: Int = 1, sign: Bool = false) -> String {
        decimal(fraction * 100, lang, digits: digits, sign: sign) + "%"
    }

    /// Percentage points, for changes and gaps: `0.012` → `+1,2 đ` (vi) / `+1.2 pt` (en).
    public static func points(_ fraction: Double, _ lang: Language, digits: Int = 1) -> String {
        decimal(fraction * 100, lang, digits: digits, sign: true) + lang.pick(" điểm", " pt")
    }

    /// A plain decimal with `digits` places, rounded half away from zero; no thousands separator.
    public static func decimal(_ value: Double, _ lang: Language, digits: Int, sign: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && rounded > 0
        let whole = Int(rounded / scale)
        let fraction = Int(rounded - Double(whole) * scale)
        var text = String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += (lang == .vi ? "," : ".") + String(repeating: "0", count: digits - f.count) + f
        }
        if negative { return "−" + text }
        return sign && rounded > 0 ? "+" + text : text
    }

    /// A plain number for CSV and JSON: the fraction with 6 decimals, dot separator.
    public static func plain(_ value: Double, digits: Int = 6) -> String {
        decimal(value, .en, digits: digits).replacingOccurrences(of: "−", with: "-")
    }
}

/// Personal data in citizens' free text — Vietnamese phone numbers (`0912 345 678`, `0912.345.678`,
/// `+84 912 345 678`, landlines `0213 3876 543`), 12-digit citizen-ID (CCCD) and 9-digit ID-card (CMND)
/// numbers, e-mail addresses — masked before it leaves the database: every digit becomes `•` (the
/// spacing stays, so a reader sees a phone number was there), an address becomes `•••@•••`.
///
/// The database keeps the original; `--show-personal-data` shows it for authorised use. Codes are not
/// personal data and are left alone: dossier codes (`000.00.33.H33-240711-0001`), procedure codes
/// (`2.001520`, `1.004482.000.00.00.H33`), dates, amounts (`1.500.000 đồng`) and counts — a number joined
/// to a letter or `/` is part of a code or a date, and a phone number must have a phone's length and prefix.
public enum PersonalData {
    public static let mark: Character = "•"

    public static func mask(_ text: String) -> String {
        guard text.contains(where: { $0.isASCII && ($0.isNumber || $0 == "@") }) else { return text }
        var chars = Array(text)
        maskEmails(&chars)
        maskNumbers(&chars)
        return String(chars)
    }

    // MARK: e-mail

    private static func isLocal(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c))
    }

    private static func isDomain(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-")
    }

    private static func maskEmails(_ chars: inout [Character]) {
        var i = 0
        while i < chars.count {
            guard chars[i] == "@" else { i += 1; continue }
            var start = i
            while start > 0 && isLocal(chars[start - 1]) { start -= 1 }
            var end = i + 1
            while end < chars.count && isDomain(chars[end]) { end += 1 }
            while end > i + 1 && (chars[end - 1] == "." || chars[end - 1] == "-") { end -= 1 }  // sentence's full stop
            let domain = chars[(i + 1)..<end]
            if start < i, let dot = domain.lastIndex(of: "."), dot > i + 1, end - dot > 2 {
                chars.replaceSubrange(start..<end, with: Array("•••@•••"))
                i = start + 7
            } else {
                i += 1
            }
        }
    }

    // MARK: numbers

    /// A chain: digits joined by single spaces, dots or dashes, with an optional leading `+`,
    /// standing alone (no letter, digit or `/` touching either end).
    private static func maskNumbers(_ chars: inout [Character]) {
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func isSeparator(_ c: Character) -> Bool { c == " " || c == "." || c == "-" }
        func joins(_ c: Character) -> Bool { c.isLetter || isDigit(c) || c == "/" || c == "•" || c == "_" }
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else { i += 1; continue }
            var start = i
            if start > 0 && chars[start - 1] == "+" { start -= 1 }
            // Groups of digits and where each starts.
            var groups: [(start: Int, end: Int, separatorBefore: Character?)] = []
            var j = i
            while j < chars.count && isDigit(chars[j]) {
                let g = j
                while j < chars.count && isDigit(chars[j]) { j += 1 }
                groups.append((g, j, g == i ? nil : chars[g - 1]))
                if j + 1 < chars.count && isSeparator(chars[j]) && isDigit(chars[j + 1]) { j += 1 } else { break }
            }
            let end = groups.last!.end
            // Joined to a code: `H33-240711-0001`, `1.004482.000.00.00.H33`.
            let touchedBefore = start > 0 && (joins(chars[start - 1])
                || ((chars[start - 1] == "." || chars[start - 1] == "-") && start > 1 && joins(chars[start - 2])))
            let touchedAfter = end < chars.count && (joins(chars[end])
                || ((chars[end] == "." || chars[end] == "-") && end + 1 < chars.count && joins(chars[end + 1])))
            if touchedBefore || touchedAfter {
                i = end
                continue
            }
            // The longest run of whole groups that is personal data, trying sub-runs split at spaces.
            var masked = false
            outer: for a in 0..<groups.count where a == 0 || groups[a].separatorBefore == " " {
                for b in stride(from: groups.count - 1, through: a, by: -1)
                    where b == groups.count - 1 || groups[b + 1].separatorBefore == " " {
                    let digits = String(groups[a...b].flatMap { chars[$0.start..<$0.end] })
                    let plus = a == 0 && start < i
                    let separated = b > a
                    if isPersonal(digits, plus: plus, together: !separated) {
                        for k in groups[a].start..<groups[b].end where isDigit(chars[k]) { chars[k] = mark }
                        if plus { chars[start] = mark }
                        masked = true
                        break outer
                    }
                }
            }
            _ = masked
            i = end
        }
    }

    /// Phone: 0 + mobile prefix (3, 5, 7, 8, 9) + 8 digits; 02 + 9 digits (landline); the same after
    /// 84 or +84 without the 0. CCCD: 12 digits; CMND: 9 digits — both written together (12 digits with
    /// dots are an amount, `2023 2024 2025` are years).
    static func isPersonal(_ d: String, plus: Bool, together: Bool) -> Bool {
        let digits = Array(d)
        func mobileOrLandline(_ rest: ArraySlice<Character>) -> Bool {
            guard let first = rest.first else { return false }
            if rest.count == 9 && "35789".contains(first) { return true }
            if rest.count == 10 && first == "2" { return true }
            return false
        }
        if digits.first == "0" && digits.count >= 2 && digits[1] != "0" && mobileOrLandline(digits[1...]) { return true }
        if d.hasPrefix("84") && mobileOrLandline(digits[2...]) { return true }
        if plus || !together { return false }
        return digits.count == 12 || digits.count == 9
    }
}

extension RejectRecord {
    /// The same row with personal data masked in its text and messages.
    public func maskingPersonalData() -> RejectRecord {
        var r = self
        r.message = PersonalData.mask(message)
        r.reasons = PersonalData.mask(reasons)
        r.raw = PersonalData.mask(raw)
        return r
    }
}

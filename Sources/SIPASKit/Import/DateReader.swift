/// Reads a rating date: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy` (day first, never month first) or
/// `yyyy-mm-dd`, each optionally followed by a time `HH:MM` or `HH:MM:SS` (after a space or `T`).
struct DateReader: Sendable {
    enum Outcome: Equatable {
        case date(day: Int32, time: Int32?)   // day = yyyymmdd, time = seconds since midnight
        case missing, malformed, impossible
    }

    func read(_ bytes: ArraySlice<UInt8>) -> Outcome {
        bytes.withUnsafeBufferPointer { read($0) }
    }

    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var i = bytes.startIndex
        var end = bytes.endIndex
        while i < end, bytes[i] == 0x20 { i += 1 }
        while end > i, bytes[end - 1] == 0x20 { end -= 1 }
        if i == end { return .missing }

        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < end, digits < maxDigits, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : value
        }
        func take(_ c: UInt8) -> Bool {
            if i < end, bytes[i] == c { i += 1; return true }
            return false
        }

        let firstStart = i
        guard let first = number(maxDigits: 4) else { return .malformed }
        let firstDigits = i - firstStart
        var year = 0, month = 0, day = 0
        if firstDigits == 4 {
            guard take(0x2D), let m = number(maxDigits: 2), take(0x2D), let d = number(maxDigits: 2) else { return .malformed }
            (year, month, day) = (first, m, d)
        } else {
            guard firstDigits <= 2, i < end, bytes[i] == 0x2F || bytes[i] == 0x2D else { return .malformed }
            let separator = bytes[i]
            i += 1
            guard let m = number(maxDigits: 2), take(separator) else { return .malformed }
            let yearStart = i
            guard let y = number(maxDigits: 4), i - yearStart == 4 else { return .malformed }
            (year, month, day) = (y, m, first)
        }
        var time: Int32?
        if i < end {
            guard bytes[i] == 0x20 || bytes[i] == 0x54 else { return .malformed }
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x54 { i += 1 }
            guard let h = number(maxDigits: 2), take(0x3A), let mi = number(maxDigits: 2) else { return .malformed }
            var s = 0
            if take(0x3A) { guard let sec = number(maxDigits: 2) else { return .malformed }; s = sec }
            guard i == end else { return .malformed }
            guard h < 24, mi < 60, s < 60 else { return .impossible }
            time = Int32(h * 3600 + mi * 60 + s)
        }
        guard (1900...2999).contains(year), (1...12).contains(month),
              day >= 1, day <= DateReader.daysIn(month: month, year: year) else { return .impossible }
        return .date(day: Int32(year * 10000 + month * 100 + day), time: time)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

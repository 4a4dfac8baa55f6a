/// One cell of a sheet row, typed as the workbook stores it.
public struct Cell: Sendable, Equatable {
    /// 0-based column (A = 0).
    public var column: Int
    public var value: CellValue
    /// True when the cell holds a formula; `value` is then its cached result (`.empty` when the
    /// workbook saved none).
    public var isFormula: Bool
    /// The number format's code when the cell has one other than General (e.g. `dd/mm/yyyy`, `0.00`).
    public var numberFormat: String?

    public init(column: Int, value: CellValue, isFormula: Bool = false, numberFormat: String? = nil) {
        self.column = column
        self.value = value
        self.isFormula = isFormula
        self.numberFormat = numberFormat
    }

    /// The cell's text as the sheet shows it (dates day first, numbers as Excel's General format would).
    public var text: String { CellFormatter.text(value, numberFormat: numberFormat) }

    /// The column as Excel names it: 0 → "A", 27 → "AB".
    public var columnName: String { Cell.columnName(column) }

    /// Excel's reference, e.g. `F17` for column 5 of row 17.
    public static func reference(column: Int, row: Int) -> String { columnName(column) + String(row) }

    public static func columnName(_ column: Int) -> String {
        var n = column + 1, letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(0x41 + r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}

/// What a cell holds.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A number whose format is a date or time format, converted with the workbook's date system.
    case date(CellDate)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
}

/// A date (and time) from a cell's serial number.
public struct CellDate: Sendable, Equatable, Hashable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// True when the number format shows a time of day (or the serial has one).
    public var hasTime: Bool

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, hasTime: Bool = false) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
        self.hasTime = hasTime
    }

    /// Converts an Excel serial number. 1900 system: 1 = 1900-01-01, with Excel's phantom 1900-02-29
    /// (serial 60) — serials from 61 on are one day ahead of the true count; 1904 system: 0 = 1904-01-01.
    /// nil for negative serials or years past 9999.
    public init?(serial: Double, date1904: Bool, hasTime: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var whole = serial.rounded(.down)
        // Round the time to the second; 23:59:59.6 rolls over to the next day.
        var seconds = ((serial - whole) * 86_400).rounded()
        if seconds >= 86_400 { seconds -= 86_400; whole += 1 }
        var days = Int(whole)
        if date1904 {
            days += 1462  // 1904-01-01 is serial 1462 of the 1900 system
        }
        if !date1904 && days == 60 {
            // Excel's 1900-02-29, which never existed: shown as such by Excel; we refuse to invent it.
            return nil
        }
        if days > 60 { days -= 1 }
        // days: 1 = 1900-01-01; 0 = 1899-12-31 (Excel shows 1900-01-00 for serial 0).
        let (y, m, d) = CellDate.civil(fromDaysSince1899_12_31: days)
        guard y <= 9999 else { return nil }
        self.init(year: y, month: m, day: d, hour: Int(seconds) / 3600, minute: Int(seconds) / 60 % 60,
                  second: Int(seconds) % 60, hasTime: hasTime)
    }

    /// The serial number in the given date system (for writers and tests).
    public func serial(date1904: Bool) -> Double {
        var days = CellDate.days(year: year, month: month, day: day)  // 1 = 1900-01-01
        if days >= 60 { days += 1 }
        if date1904 { days -= 1462 }
        return Double(days) + Double(hour * 3600 + minute * 60 + second) / 86_400
    }

    /// Days from 1899-12-31 (so 1900-01-01 is 1).
    static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil, shifted to 1899-12-31.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 25_568
    }

    static func civil(fromDaysSince1899_12_31 n: Int) -> (Int, Int, Int) {
        let z = n - 25_568 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

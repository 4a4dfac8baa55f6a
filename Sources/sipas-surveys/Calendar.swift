// Civil dates without Foundation's Calendar (deterministic everywhere, and fast for the big file).

struct Day: Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var serial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(serial z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int { ((serial % 7) + 7 + 3) % 7 }

    static func < (a: Day, b: Day) -> Bool { a.serial < b.serial }
}

/// Public holidays of Vietnam when the public-service centre is closed (incl. compensatory days).
private let holidays: Set<Day> = {
    var set = Set<Day>()
    func add(_ y: Int, _ m: Int, _ d: Int, through last: Int? = nil) {
        for x in d...(last ?? d) { set.insert(Day(year: y, month: m, day: x)) }
    }
    add(2023, 1, 2)                          // Tết Dương lịch (1/1 was a Sunday)
    add(2023, 1, 20, through: 26)            // Tết Nguyên đán Quý Mão
    add(2023, 5, 1, through: 3)              // 30/4, 1/5 and Giỗ Tổ Hùng Vương
    add(2023, 9, 1); add(2023, 9, 4)         // Quốc khánh
    add(2024, 1, 1)
    add(2024, 2, 8, through: 14)             // Tết Nguyên đán Giáp Thìn
    add(2024, 4, 18)                         // Giỗ Tổ Hùng Vương
    add(2024, 4, 29, through: 30); add(2024, 5, 1)
    add(2024, 9, 2, through: 3)
    add(2025, 1, 1)
    add(2025, 1, 25, through: 31); add(2025, 2, 1, through: 2)   // Tết Nguyên đán Ất Tỵ
    return set
}()

/// Monday–Friday working days of the centre from `from` to `to` inclusive.
func workingDays(from: Day, to: Day) -> [Day] {
    var out: [Day] = []
    for s in from.serial...to.serial {
        let d = Day(serial: s)
        if d.weekday < 5 && !holidays.contains(d) { out.append(d) }
    }
    return out
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

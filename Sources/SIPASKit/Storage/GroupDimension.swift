/// What a summary can be grouped by.
public enum GroupDimension: String, Sendable, CaseIterable, Codable {
    case procedure, unit, channel
    case respondentType = "respondent-type"
    case quarter, month
}

/// A period of days, both ends included, as yyyymmdd.
public struct DayRange: Sendable, Equatable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    public static func year(_ year: Int) -> DayRange { DayRange(from: year * 10000 + 101, to: year * 10000 + 1231) }

    /// True when the range starts on the first of a month and ends on the last day of a month, so the
    /// monthly tally tables answer it exactly.
    public var isWholeMonths: Bool {
        let lastMonth = to / 100 % 100, lastYear = to / 10000
        return from % 100 == 1 && to % 100 == DateReader.daysIn(month: lastMonth, year: lastYear)
    }

    var fromMonth: Int { from / 100 }
    var toMonth: Int { to / 100 }

    public static func iso(_ day: Int) -> String {
        let y = day / 10000, m = day / 100 % 100, d = day % 100
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}

extension DayRange {
    /// Reads a day as the importer does (`31/12/2024`, `2024-12-31`…) into yyyymmdd; nil when it is not one.
    public static func parseDay(_ text: String) -> Int? {
        if case let .date(day, _) = DateReader().read(ArraySlice(Array(text.utf8))) { return Int(day) }
        return nil
    }
}

import SIPASStatistics

/// Everything `sipas report` puts in its HTML document for one year.
public struct ReportDocument: Sendable, Codable, Equatable {
    /// The default summary (index, elements, criteria, previous year, change).
    public var summary: SummaryReport
    /// The same year grouped by procedure (`groups`, worst first).
    public var procedures: SummaryReport
    /// The index month by month (or quarter by quarter when months are thin).
    public var trend: [TrendPoint]
    /// "month" or "quarter".
    public var trendGranularity: String
    public var flags: FlagReport
    /// When the report was made (ISO 8601), printed in its footer.
    public var generatedAt: String
    public var department: String
    /// The same year grouped by unit, and by the trend's months (or quarters): the workbook's sheets.
    public var units: SummaryReport? = nil
    public var periods: SummaryReport? = nil
    /// Every rejected row in the database (they are not dated: the rows to fix, whatever their year).
    public var rejects: [RejectRecord] = []

    public struct TrendPoint: Sendable, Codable, Equatable {
        /// `2024-03` or `2024-Q1`.
        public var key: String
        public var responses: Int
        public var index: Interval?
        public var tooFewAnswers: Bool
    }
}

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
    /// Who sends the document and to whom (the Word report's administrative parts).
    public var identity: DocumentIdentity = .resolve([:], lang: .vi)
    /// Section V: one part per unit, its flagged procedures and the criteria to fix, in the order
    /// that raises the department's index most (units by their total gain).
    public var unitPlans: [UnitPlan] = []
    /// Section IV: the department's weakest criteria (under the target, lowest first) with what
    /// citizens who were not satisfied on them said.
    public var weakCriteria: [WeakCriterionNote] = []

    public struct UnitPlan: Sendable, Codable, Equatable {
        /// Empty when the export named no unit.
        public var unit: String
        /// What the unit's procedures together would add to the department's index.
        public var gain: Double
        public var procedures: [PlanProcedure]
    }

    public struct PlanProcedure: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var index: Interval?
        public var gain: Double
        /// The criteria under the target, biggest gain first.
        public var criteria: [PlanCriterion]
    }

    public struct PlanCriterion: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        public var rate: Double
        public var gain: Double
    }

    public struct WeakCriterionNote: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        public var elementLabel: String
        public var rate: Interval?
        public var answered: Int
        public var dissatisfied: Int
        public var comments: [FlagReport.Comment]
    }

    public struct TrendPoint: Sendable, Codable, Equatable {
        /// `2024-03` or `2024-Q1`.
        public var key: String
        public var responses: Int
        public var index: Interval?
        public var tooFewAnswers: Bool
    }
}

import SIPASStatistics

/// What `sipas summary`, `flag` and `report` can be told.
public struct AnalysisOptions: Sendable {
    /// nil: the latest year with data.
    public var year: Int?
    /// A period inside the year (yyyymmdd, both ends included); nil: the whole year.
    public var from: Int?
    public var to: Int?
    /// The year to compare with; nil: the year before.
    public var compare: Int?
    public var by: GroupDimension?
    public var method: IndexMethod = .criteriaMean
    /// The target as a fraction (0.96 = 96%, the department's 2024 plan).
    public var target = 0.96
    public var minAnswers = Verdict.defaultMinimumAnswers
    public var language: Language = .vi
    /// `flag --all`: list groups with no flag too.
    public var all = false
    /// Show phone numbers, ID numbers and e-mail addresses in citizens' comments (masked by default).
    public var showPersonalData = false

    public init() {}
}

import SIPASStatistics

/// The rank target (2–4 places better than last year): where the current index would stand in last
/// year's published table of the other departments. JSON: `rank {year, previous, of, projected,
/// projected_best, projected_worst, needed: [{places, index}], on_track}`.
public struct RankStanding: Sendable, Codable, Equatable {
    /// The year of the published table.
    public var year: Int
    /// The department's rank in it, and how many departments it ranks.
    public var previous: Int
    public var of: Int
    /// The current index's rank among the other departments' indices (ties share the better place),
    /// and the range its interval allows.
    public var projected: Int?
    public var projectedBest: Int?
    public var projectedWorst: Int?
    /// The index needed to gain 2 and 4 places (nil when that would be above first place).
    public var needed: [Needed]
    /// The projected rank is at least 2 places better than last year's.
    public var onTrack: Bool?
    /// Where the table comes from, as recorded.
    public var source: String?

    public struct Needed: Sendable, Codable, Equatable {
        public var places: Int
        public var index: Double?
    }

    enum CodingKeys: String, CodingKey {
        case year, previous, of, projected, needed, source
        case projectedBest = "projected_best"
        case projectedWorst = "projected_worst"
        case onTrack = "on_track"
    }
}

/// The path to the target: the shortest list of procedures, in impact order, whose raising to the
/// target brings the department there, and when they cannot, the criteria across procedures that
/// would. Computed on the criteria-mean index (`PathToTarget`). JSON: `path_to_target`.
public struct TargetPath: Sendable, Codable, Equatable {
    public var target: Double
    /// The department's criteria-mean index now, and at the end of the path.
    public var start: Double
    public var end: Double
    public var reaches: Bool
    public var procedures: [ProcedureStep]
    /// Empty when the procedures suffice.
    public var criteria: [CriterionStep]
    /// How many flagged procedures there were to choose from.
    public var candidates: Int

    public struct ProcedureStep: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var unit: String?
        public var gain: Double
        public var indexAfter: Double
        enum CodingKeys: String, CodingKey {
            case code, name, unit, gain
            case indexAfter = "index_after"
        }
    }

    public struct CriterionStep: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        /// The department's rate after the procedures are raised.
        public var rate: Double
        public var gain: Double
        public var indexAfter: Double
        enum CodingKeys: String, CodingKey {
            case code, label, rate, gain
            case indexAfter = "index_after"
        }
    }
}

import Foundation
import GRDB

/// A figure the province published for the department (its SIPAS index, element indices and rank),
/// recorded by hand with `sipas baseline set`. Values are fractions in [0, 1].
public struct Baseline: Sendable, Codable, Equatable {
    public var year: Int
    public var index: Double
    public var elements: [String: Double]
    public var rank: Int?
    public var rankOf: Int?
    public var source: String?
    public var recordedAt: String

    public init(year: Int, index: Double, elements: [String: Double] = [:], rank: Int? = nil, rankOf: Int? = nil,
                source: String? = nil, recordedAt: String = UTCTimestamp.string()) {
        self.year = year
        self.index = index
        self.elements = elements
        self.rank = rank
        self.rankOf = rankOf
        self.source = source
        self.recordedAt = recordedAt
    }

    enum CodingKeys: String, CodingKey {
        case year, index, elements, rank, source
        case rankOf = "rank_of"
        case recordedAt = "recorded_at"
    }
}

extension AppDatabase {
    /// Records (or replaces) the published figures of one year.
    public func setBaseline(_ baseline: Baseline) throws(SIPASError) {
        try write { db in
            try db.execute(sql: "DELETE FROM baseline WHERE year = ?", arguments: [baseline.year])
            try db.execute(sql: """
                INSERT INTO baseline (year, index_value, rank, rank_of, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [baseline.year, baseline.index, baseline.rank, baseline.rankOf, baseline.source,
                                 baseline.recordedAt])
            for (code, value) in baseline.elements.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO baseline_element (year, element_code, value) VALUES (?, ?, ?)",
                               arguments: [baseline.year, code, value])
            }
        }
    }

    public func baselines() throws(SIPASError) -> [Baseline] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT year, index_value, rank, rank_of, source, recorded_at FROM baseline ORDER BY year")
                .map { row in
                    let year: Int = row[0]
                    var elements: [String: Double] = [:]
                    for e in try Row.fetchAll(db, sql: "SELECT element_code, value FROM baseline_element WHERE year = ?",
                                              arguments: [year]) {
                        elements[e[0]] = e[1]
                    }
                    return Baseline(year: year, index: row[1], elements: elements, rank: row[2], rankOf: row[3],
                                    source: row[4], recordedAt: row[5])
                }
        }
    }

    public func baseline(year: Int) throws(SIPASError) -> Baseline? {
        try baselines().first { $0.year == year }
    }

    /// Years that have responses, oldest first.
    public func dataYears() throws(SIPASError) -> [Int] {
        try read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT month / 100 FROM tally_group WHERE responses > 0 ORDER BY 1")
        }
    }

    /// Up to `limit` most recent non-empty comments of a procedure (by code) or a unit (by name) in a period.
    public func recentComments(procedureCode: String? = nil, unitName: String? = nil, period: DayRange,
                               limit: Int = 3) throws(SIPASError) -> [(day: Int, text: String)] {
        try read { db in
            let filter: String
            let key: String
            if let procedureCode {
                filter = "r.procedure_id = (SELECT id FROM procedure WHERE code = ?)"
                key = procedureCode
            } else {
                filter = """
                    r.unit_id IN (SELECT u.id FROM unit u LEFT JOIN unit_alias a ON a.code = u.name
                                  WHERE COALESCE(a.name, u.name) = ?)
                    """
                key = unitName ?? ""
            }
            return try Row.fetchAll(db, sql: """
                SELECT r.day, r.comment FROM response r
                WHERE \(filter) AND r.comment IS NOT NULL AND r.day BETWEEN ? AND ?
                ORDER BY r.day DESC, r.time DESC, r.id DESC LIMIT ?
                """, arguments: [key, period.from, period.to, limit]).map { ($0[0], $0[1]) }
        }
    }
}

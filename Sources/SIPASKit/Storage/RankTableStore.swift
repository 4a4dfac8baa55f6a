import GRDB

/// The province's published table of every department's index for one year (`sipas baseline table`).
public struct RankTable: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var name: String
        /// A fraction in [0, 1].
        public var index: Double
        /// As published; nil when the file has no rank column.
        public var rank: Int?
        public var isSelf: Bool

        public init(name: String, index: Double, rank: Int?, isSelf: Bool) {
            self.name = name
            self.index = index
            self.rank = rank
            self.isSelf = isSelf
        }

        enum CodingKeys: String, CodingKey {
            case name, index, rank
            case isSelf = "self"
        }
    }

    public var year: Int
    /// In the file's order.
    public var rows: [Row]
    public var source: String?

    public init(year: Int, rows: [Row], source: String?) {
        self.year = year
        self.rows = rows
        self.source = source
    }

    public var own: Row? { rows.first { $0.isSelf } }
    public var others: [Row] { rows.filter { !$0.isSelf } }
}

extension AppDatabase {
    /// Records (or replaces) a year's table, in one transaction. When no published figure was recorded
    /// for that year, the department's own row becomes it (index, rank, field size), so summaries show
    /// it as last year's published figure.
    public func setRankTable(_ table: RankTable, recordedAt: String = UTCTimestamp.string()) throws(SIPASError) {
        try write { db in
            try db.execute(sql: "DELETE FROM rank_table WHERE year = ?", arguments: [table.year])
            for (i, row) in table.rows.enumerated() {
                try db.execute(sql: """
                    INSERT INTO rank_table (year, position, name, index_value, rank, is_self, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [table.year, i + 1, row.name, row.index, row.rank, row.isSelf ? 1 : 0, table.source])
            }
            let published = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM baseline WHERE year = ?", arguments: [table.year]) ?? 0
            if published == 0, let own = table.own {
                try db.execute(sql: """
                    INSERT INTO baseline (year, index_value, rank, rank_of, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [table.year, own.index, own.rank ?? table.rankOf(own), table.rows.count,
                                     table.source, recordedAt])
            }
        }
    }

    /// The table recorded for `year`, or nil.
    public func rankTable(year: Int) throws(SIPASError) -> RankTable? {
        try read { db in
            let rows = try GRDB.Row.fetchAll(db, sql: """
                SELECT name, index_value, rank, is_self, source FROM rank_table WHERE year = ? ORDER BY position
                """, arguments: [year])
            guard !rows.isEmpty else { return nil }
            return RankTable(year: year, rows: rows.map { .init(name: $0[0], index: $0[1], rank: $0[2], isSelf: ($0[3] as Int) == 1) },
                             source: rows[0][4])
        }
    }
}

extension RankTable {
    /// A row's place by its index among all rows (ties share the better place).
    public func rankOf(_ row: Row) -> Int { 1 + rows.filter { $0.index > row.index }.count }

    /// The department's published rank: the file's when it has one, else by index.
    public var ownRank: Int? { own.map { $0.rank ?? rankOf($0) } }
}

import GRDB

/// The daily tallies (`tally_day`, migration 0005): one row per (day, catalogue) with the counts of
/// all that day's responses, so that a period of any days is summarised from at most one row a day.
/// An accumulator's group key carries the day (yyyymmdd) in its `month` field and 0 elsewhere.
enum DayTallies {
    static func key(day: Int32) -> TallyAccumulator.GroupKey { FileTallies.dayKey(day) }

    /// Adds (sign +1) or takes out (sign −1) every day of `tally` (settled) to catalogue `catalogID`'s
    /// rows. A day taken out must be stored already; a day left with no responses is deleted (as a
    /// rebuild from the responses would have no row for it).
    static func add(_ tally: TallyAccumulator, catalogID: Int64, sign: Int, in db: Database) throws {
        precondition(tally.isSettled, "settle() an accumulator before writing it")
        let find = try RawStatement(db, sql: """
            SELECT ratings, pairs, responses FROM tally_day WHERE day = ?1 AND catalog_id = ?2
            """)
        let delete = try RawStatement(db, sql: "DELETE FROM tally_day WHERE day = ?1 AND catalog_id = ?2")
        let update = try RawStatement(db, sql: """
            UPDATE tally_day SET responses = responses + ?3, answered_any = answered_any + ?4,
                                 all_satisfied = all_satisfied + ?5, ratings = ?6, pairs = ?7
            WHERE day = ?1 AND catalog_id = ?2
            """)
        let insert = try RawStatement(db, sql: """
            INSERT INTO tally_day (day, catalog_id, responses, answered_any, all_satisfied, ratings, pairs)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        let k = tally.criterionCount
        for (index, key) in tally.keys.enumerated() {
            let head = tally.head(index)
            if head.responses == 0 { continue }
            var ratings = [Int](repeating: 0, count: k * 6)
            for c in 0..<k {
                for v in 0...5 { ratings[c * 6 + v] = tally.rating(index, criterion: c, value: v) * sign }
            }
            var pairs = tally.pairCounts(index).map { $0 * sign }
            find.bind(1, Int64(key.month))
            find.bind(2, catalogID)
            let statement: RawStatement
            if try find.step() {
                let storedRatings = PairBlob.decode(find.blob(0)), storedPairs = PairBlob.decode(find.blob(1))
                let storedResponses = find.int(2)
                try find.finish()
                if storedResponses + head.responses * sign == 0 {
                    delete.bind(1, Int64(key.month))
                    delete.bind(2, catalogID)
                    try delete.run()
                    continue
                }
                guard storedRatings.count == ratings.count, storedPairs.count == pairs.count else {
                    throw DatabaseError(message: "tally_day \(key.month): counts of another catalogue size")
                }
                for i in ratings.indices { ratings[i] += storedRatings[i] }
                for i in pairs.indices { pairs[i] += storedPairs[i] }
                statement = update
            } else {
                guard sign == 1 else {
                    throw DatabaseError(message: "tally_day \(key.month): taking out responses of a day not counted")
                }
                statement = insert
            }
            statement.bind(1, Int64(key.month))
            statement.bind(2, catalogID)
            statement.bind(3, head.responses * sign)
            statement.bind(4, head.answeredAny * sign)
            statement.bind(5, head.allSatisfied * sign)
            statement.bindBlob(6, PairBlob.encode(ratings))
            statement.bindBlob(7, PairBlob.encode(pairs))
            try statement.run()
        }
    }

    /// Fills `tally_day` from the stored responses (when migration 0005 is applied to a database that
    /// has some): one pass, one accumulator per catalogue.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM tally_day")
        var byCatalog: [Int64: TallyAccumulator] = [:]
        let rows = try RawStatement(db, sql: """
            SELECT r.day, r.ratings, f.catalog_id FROM response r JOIN import_file f ON f.id = r.file_id
            """)
        while try rows.step() {
            let ratings = rows.blob(1), catalog = Int64(rows.int(2))
            if byCatalog[catalog] == nil { byCatalog[catalog] = TallyAccumulator(criterionCount: ratings.count) }
            byCatalog[catalog]!.record(key(day: Int32(rows.int(0))), ratings: ratings[...])
        }
        for (catalog, var tally) in byCatalog.sorted(by: { $0.key < $1.key }) {
            tally.settle()
            try add(tally, catalogID: catalog, sign: 1, in: db)
        }
    }
}

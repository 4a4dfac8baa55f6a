import GRDB

/// Adds accumulated counts to the tally tables (upserts: counts add up across files).
struct TallyWriter {
    private let group: RawStatement
    private let rating: RawStatement
    private let pair: RawStatement

    init(_ db: Database) throws {
        group = try RawStatement(db, sql: """
            INSERT INTO tally_group (month, catalog_id, procedure_id, unit_id, channel_id, respondent_type_id,
                                     responses, answered_any, all_satisfied)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (month, catalog_id, procedure_id, unit_id, channel_id, respondent_type_id) DO UPDATE SET
                responses = responses + excluded.responses,
                answered_any = answered_any + excluded.answered_any,
                all_satisfied = all_satisfied + excluded.all_satisfied
            RETURNING id
            """)
        rating = try RawStatement(db, sql: """
            INSERT INTO tally_rating (group_id, position, n0, n1, n2, n3, n4, n5)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT (group_id, position) DO UPDATE SET
                n0 = n0 + excluded.n0, n1 = n1 + excluded.n1, n2 = n2 + excluded.n2,
                n3 = n3 + excluded.n3, n4 = n4 + excluded.n4, n5 = n5 + excluded.n5
            """)
        pair = try RawStatement(db, sql: """
            INSERT INTO tally_pair (group_id, c, d, aa, sa, "as", ss) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (group_id, c, d) DO UPDATE SET
                aa = aa + excluded.aa, sa = sa + excluded.sa, "as" = "as" + excluded."as", ss = ss + excluded.ss
            """)
    }

    func add(_ tally: TallyAccumulator, catalogID: Int64) throws {
        let k = tally.criterionCount
        for (index, key) in tally.keys.enumerated() {
            let head = tally.head(index)
            if head.responses == 0 && head.answeredAny == 0 && head.allSatisfied == 0 { continue }
            group.bind(1, Int64(key.month))
            group.bind(2, catalogID)
            group.bind(3, Int64(key.procedure))
            group.bind(4, Int64(key.unit))
            group.bind(5, Int64(key.channel))
            group.bind(6, Int64(key.respondentType))
            group.bind(7, head.responses)
            group.bind(8, head.answeredAny)
            group.bind(9, head.allSatisfied)
            let groupID = try group.runReturningInt()
            for c in 0..<k {
                let counts = (0...5).map { tally.rating(index, criterion: c, value: $0) }
                if counts.allSatisfy({ $0 == 0 }) { continue }
                rating.bind(1, groupID)
                rating.bind(2, c)
                for (i, n) in counts.enumerated() { rating.bind(Int32(3 + i), n) }
                try rating.run()
            }
            var p = 0
            for c in 0..<k {
                for d in (c + 1)..<max(k, c + 1) {
                    let counts = tally.pair(index, p)
                    p += 1
                    if counts == (0, 0, 0, 0) { continue }
                    pair.bind(1, groupID)
                    pair.bind(2, c)
                    pair.bind(3, d)
                    pair.bind(4, counts.aa)
                    pair.bind(5, counts.sa)
                    pair.bind(6, counts.as)
                    pair.bind(7, counts.ss)
                    try pair.run()
                }
            }
        }
    }
}

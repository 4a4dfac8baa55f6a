import GRDB

extension AppDatabase {
    /// Up to `limit` most recent comments of respondents not satisfied (rating 1–3) on a criterion
    /// (by code) in a period: what citizens said where the department is weakest.
    public func commentsOfUnsatisfied(criterion code: String, period: DayRange,
                                      limit: Int = 3) throws(SIPASError) -> [(day: Int, text: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.day, r.comment FROM response r
                JOIN import_file f ON f.id = r.file_id
                JOIN catalog_criterion cc ON cc.catalog_id = f.catalog_id
                     AND cc.criterion_id = (SELECT id FROM criterion WHERE code = ?)
                WHERE r.comment IS NOT NULL AND r.day BETWEEN ? AND ?
                  AND hex(substr(r.ratings, cc.position + 1, 1)) IN ('01', '02', '03')
                ORDER BY r.day DESC, r.time DESC, r.id DESC LIMIT ?
                """, arguments: [code, period.from, period.to, limit]).map { ($0[0], $0[1]) }
        }
    }
}

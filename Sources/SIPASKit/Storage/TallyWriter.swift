import GRDB

/// Adds accumulated counts to the tally tables: counts add up across files (and go down when a
/// replaced response is taken back out).
struct TallyWriter {
    private let findGroup: RawStatement
    private let insertGroup: RawStatement
    private let updateGroup: RawStatement
    private let updateRating: RawStatement
    private let insertRating: RawStatement

    init(_ db: Database) throws {
        findGroup = try RawStatement(db, sql: """
            SELECT id, pairs FROM tally_group
            WHERE month = ?1 AND catalog_id = ?2 AND procedure_id = ?3 AND unit_id = ?4 AND channel_id = ?5
              AND respondent_type_id = ?6
            """)
        insertGroup = try RawStatement(db, sql: """
            INSERT INTO tally_group (month, catalog_id, procedure_id, unit_id, channel_id, respondent_type_id,
                                     responses, answered_any, all_satisfied, pairs)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
        updateGroup = try RawStatement(db, sql: """
            UPDATE tally_group SET responses = responses + ?2, answered_any = answered_any + ?3,
                                   all_satisfied = all_satisfied + ?4, pairs = ?5
            WHERE id = ?1
            """)
        // Update first, insert only when there is no row: an upsert would test the CHECK (n >= 0)
        // on the values to insert, which are negative when a replaced response is taken back out.
        updateRating = try RawStatement(db, sql: """
            UPDATE tally_rating SET n0 = n0 + ?3, n1 = n1 + ?4, n2 = n2 + ?5, n3 = n3 + ?6, n4 = n4 + ?7, n5 = n5 + ?8
            WHERE group_id = ?1 AND position = ?2
            """)
        insertRating = try RawStatement(db, sql: """
            INSERT INTO tally_rating (group_id, position, n0, n1, n2, n3, n4, n5)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
    }

    /// Adds (sign +1) or takes out (sign −1) every group of `tally`, its key mapped by `map` (e.g. from
    /// a file's local indices to ids). Groups taken out must be stored already.
    func add(_ tally: TallyAccumulator, catalogID: Int64, sign: Int = 1,
             mapping map: (TallyAccumulator.GroupKey) -> TallyAccumulator.GroupKey) throws {
        precondition(tally.isSettled, "settle() an accumulator before writing it")
        precondition(sign == 1 || sign == -1, "sign is +1 or -1")
        let k = tally.criterionCount
        for (index, localKey) in tally.keys.enumerated() {
            let key = map(localKey)
            let counted = tally.head(index)
            let head = (responses: counted.responses * sign, answeredAny: counted.answeredAny * sign,
                        allSatisfied: counted.allSatisfied * sign)
            var pairs = tally.pairCounts(index).map { $0 * sign }
            if head == (0, 0, 0) && pairs.allSatisfy({ $0 == 0 }) { continue }
            let keyValues = [Int64(key.month), catalogID, Int64(key.procedure), Int64(key.unit),
                             Int64(key.channel), Int64(key.respondentType)]
            for (i, value) in keyValues.enumerated() { findGroup.bind(Int32(i + 1), value) }
            let groupID: Int64
            if try findGroup.step() {
                groupID = Int64(findGroup.int(0))
                let stored = PairBlob.decode(findGroup.blob(1))
                try findGroup.finish()
                guard stored.count == pairs.count else { throw DatabaseError(message: "tally_group \(groupID): pairs of another size") }
                for i in pairs.indices { pairs[i] += stored[i] }
                updateGroup.bind(1, groupID)
                updateGroup.bind(2, head.responses)
                updateGroup.bind(3, head.answeredAny)
                updateGroup.bind(4, head.allSatisfied)
                updateGroup.bindBlob(5, PairBlob.encode(pairs))
                try updateGroup.run()
            } else {
                for (i, value) in keyValues.enumerated() { insertGroup.bind(Int32(i + 1), value) }
                insertGroup.bind(7, head.responses)
                insertGroup.bind(8, head.answeredAny)
                insertGroup.bind(9, head.allSatisfied)
                insertGroup.bindBlob(10, PairBlob.encode(pairs))
                try insertGroup.run()
                groupID = findGroup.lastInsertedRowID
            }
            for c in 0..<k {
                let counts = (0...5).map { tally.rating(index, criterion: c, value: $0) * sign }
                if counts.allSatisfy({ $0 == 0 }) { continue }
                for statement in [updateRating, insertRating] {
                    statement.bind(1, groupID)
                    statement.bind(2, c)
                    for (i, n) in counts.enumerated() { statement.bind(Int32(3 + i), n) }
                }
                if try updateRating.run() == 0 { try insertRating.run() }
            }
        }
    }
}

/// The `tally_group.pairs` blob: (aa, sa, as, ss) for each pair c < d, little-endian Int64.
enum PairBlob {
    static func encode(_ counts: [Int]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(counts.count * 8)
        for value in counts {
            let v = UInt64(bitPattern: Int64(value))
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// Little-endian signed 64-bit integers, read in place (a blob SQLite holds, say).
    static func decode(_ raw: UnsafeRawBufferPointer) -> [Int] {
        let n = raw.count / 8
        return [Int](unsafeUninitializedCapacity: n) { counts, filled in
            for i in 0..<n { counts[i] = value(raw, i) }
            filled = n
        }
    }

    /// Adds the blob's integers to `sums` (extended with zeros to the blob's length), read in place.
    static func add(_ raw: UnsafeRawBufferPointer, to sums: inout [Int]) {
        let n = raw.count / 8
        if sums.count < n { sums += [Int](repeating: 0, count: n - sums.count) }
        sums.withUnsafeMutableBufferPointer { sums in
            for i in 0..<n { sums[i] += value(raw, i) }
        }
    }

    @inline(__always)
    private static func value(_ raw: UnsafeRawBufferPointer, _ i: Int) -> Int {
        Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: Int64.self)))
    }
}

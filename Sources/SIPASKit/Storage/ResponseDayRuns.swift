import GRDB

/// Where each day's responses are stored (`response_day_run`, migration 0007): runs of response ids
/// by day, written as an import stores rows, so that the edge days of a period off month boundaries
/// are read by id (`EdgeDayTallies`) instead of by a scan of every response.
///
/// A run holds one day's ids as signed differences, zigzag-encoded as unsigned LEB128 varints, the
/// first from 0. Worked example: ids 1000, 1003, 1002 of 5 March → differences 1000, 3, −1 → zigzag
/// 2000, 6, 1 → bytes D0 0F 06 01.
struct ResponseDayRuns {
    /// Runs are written when this many bytes of ids are held (and at the end of an import; tests lower
    /// it): 256 KiB, about 150,000 responses, keeps the import's peak memory within 1 MiB of what it was
    /// without the runs (a 1,000,000-response import writes about 1.8 MB of ids).
    nonisolated(unsafe) static var flushBytes = 1 << 18

    /// The import's own open-addressing index (no SipHash a row: rows of a file come in any day order).
    private var slotOfDay = HashSlots()
    private var days: [Int32] = []
    private var runs: [[UInt8]] = []
    private var previous: [Int64] = []
    private var lastDay: Int32 = -1
    private var lastSlot = -1
    /// Bytes of ids held, not yet written.
    private(set) var heldBytes = 0

    /// Notes that response `id` of `day` was stored.
    mutating func add(day: Int32, id: Int64) {
        if day != lastDay {
            let hash = HashSlots.mix(0, day)
            if let slot = slotOfDay.find(hash, matches: { days[$0] == day }) {
                lastSlot = slot
            } else {
                lastSlot = slotOfDay.append(hash)
                days.append(day)
                runs.append([])
                previous.append(0)
            }
            lastDay = day
        }
        let difference = id &- previous[lastSlot]
        previous[lastSlot] = id
        var value = UInt64(bitPattern: (difference << 1) ^ (difference >> 63))
        while value >= 0x80 {
            runs[lastSlot].append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
            heldBytes += 1
        }
        runs[lastSlot].append(UInt8(value))
        heldBytes += 1
    }

    /// Writes a run for every day with ids held, and starts new runs (in the same buffers: no memory
    /// is given back and taken again a flush).
    mutating func flush(_ db: Database) throws {
        guard heldBytes > 0 else { return }
        let insert = try RawStatement(db, sql: "INSERT INTO response_day_run (day, ids) VALUES (?1, ?2)")
        for (slot, day) in days.enumerated() where !runs[slot].isEmpty {
            insert.bind(1, Int64(day))
            insert.bindBlob(2, runs[slot])
            try insert.run()
            runs[slot].removeAll(keepingCapacity: true)
            previous[slot] = 0
        }
        heldBytes = 0
    }

    /// The ids of one run, in the order they were written. Nil when the bytes are not a whole run.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Int64]? {
        var ids: [Int64] = []
        var id: Int64 = 0, value: UInt64 = 0, shift: UInt64 = 0
        for byte in bytes {
            guard shift < 64 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 { shift += 7; continue }
            id &+= Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
            ids.append(id)
            value = 0
            shift = 0
        }
        return shift == 0 ? ids : nil
    }

    /// The distinct response ids the runs of `days` name, ascending (some may be of responses since
    /// replaced, or now of another day). Nil when a run is damaged.
    static func ids(_ db: Database, days: ClosedRange<Int>) throws -> [Int64]? {
        let runs = try RawStatement(db, sql: "SELECT ids FROM response_day_run WHERE day BETWEEN ?1 AND ?2")
        runs.bind(1, days.lowerBound)
        runs.bind(2, days.upperBound)
        var ids: [Int64] = []
        while try runs.step() {
            guard let run = runs.withBlob(0, { decode($0) }) else {
                try runs.finish()
                return nil
            }
            ids += run
        }
        ids.sort()
        var distinct = 0
        for i in ids.indices where distinct == 0 || ids[distinct - 1] != ids[i] {
            ids[distinct] = ids[i]
            distinct += 1
        }
        ids.removeLast(ids.count - distinct)
        return ids
    }

    /// Fills `response_day_run` from the stored responses (when migration 0007 is applied to a
    /// database that has some): one pass in id order, `flushBytes` of ids held at most.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM response_day_run")
        var runs = ResponseDayRuns()
        let rows = try RawStatement(db, sql: "SELECT id, day FROM response")
        while try rows.step() {
            runs.add(day: Int32(rows.int(1)), id: Int64(rows.int(0)))
            if runs.heldBytes >= flushBytes { try runs.flush(db) }
        }
        try runs.flush(db)
    }
}

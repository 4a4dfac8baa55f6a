import GRDB
import SIPASStatistics

/// The ratings of the stored responses by day and group (`response_by_day`, migration 0008), written
/// as an import stores rows, so that the edge days of a period off month boundaries are counted from
/// a few rows (`EdgeDayTallies`) instead of from each of their responses.
///
/// A row holds, for one day, catalogue and sign, a block per group: five unsigned LEB128 varints
/// (procedure, unit, channel and respondent type ids, the number n of responses), then n responses'
/// ratings as 3-bit codes (0 no answer, 1–5 a rating, 7 not asked), least significant bit first, padded
/// to whole bytes. Worked example: 5 March, procedure 3, unit 1, channel 2, respondent type 0, two
/// responses of four criteria, ratings (5, 4, 0, not asked) and (1, 2, 3, 4) → header 03 01 02 00 02;
/// the first response's codes 5, 4, 0, 7 are the bits 101 100 000 111 from the lowest up, 0xE25 →
/// bytes 25 0E; the second's 1, 2, 3, 4 → 0x8D1 → D1 08. The block: 03 01 02 00 02 25 0E D1 08.
struct ResponsesByDay {
    /// Rows are written when this many bytes are held (and at the end of an import; tests lower it):
    /// 1 MiB, about 87,000 responses of 19 criteria (each held as its group's number and its ratings).
    nonisolated(unsafe) static var flushBytes = 1 << 20

    /// A catalogue, sign and group (procedure, unit, channel, respondent type) of responses held.
    private struct Group: Equatable {
        var catalog: Int32
        var sign: Int32
        var procedure: Int32
        var unit: Int32
        var channel: Int32
        var respondentType: Int32

        func precedes(_ other: Group) -> Bool {
            if (catalog, sign) != (other.catalog, other.sign) { return (catalog, sign) < (other.catalog, other.sign) }
            return (procedure, unit, channel, respondentType)
                < (other.procedure, other.unit, other.channel, other.respondentType)
        }
    }

    /// The import's own open-addressing indices (rows of a file come in any order of day and group).
    private var groupIndex = HashSlots()
    private var groups: [Group] = []
    private var criteria: [Int] = []
    private var dayIndex = HashSlots()
    private var days: [Int32] = []
    /// Per day, the responses held: each its group's number (4 bytes, little-endian), then its ratings.
    /// Held by day, not by day and group: a year of a province's groups is tens of thousands of
    /// day-groups, each a buffer of its own (1,000,000 responses, 2 MiB held: 47.2 MiB peak against
    /// 39.9 without).
    private var held: [[UInt8]] = []
    private var lastDay: Int32 = .min
    private var lastDaySlot = 0
    /// Bytes held, not yet written.
    private(set) var heldBytes = 0

    /// Bytes one response's `criteria` ratings take.
    static func width(criteria: Int) -> Int { (3 * criteria + 7) / 8 }

    /// Notes one stored response (sign 1) or one taken back out (sign −1): its day, catalogue, group
    /// (database ids; the key's `month` is not used) and ratings.
    mutating func add(day: Int32, catalog: Int64, sign: Int, group key: TallyAccumulator.GroupKey,
                      ratings: UnsafeBufferPointer<UInt8>) {
        let group = Group(catalog: Int32(catalog), sign: Int32(sign), procedure: key.procedure, unit: key.unit,
                          channel: key.channel, respondentType: key.respondentType)
        let hash = HashSlots.mix(HashSlots.mix(HashSlots.mix(HashSlots.mix(HashSlots.mix(HashSlots.mix(
            0, group.catalog), group.sign), group.procedure), group.unit), group.channel), group.respondentType)
        let number: Int
        if let found = groups.withUnsafeBufferPointer({ groups in groupIndex.find(hash) { groups[$0] == group } }) {
            number = found
        } else {
            number = groupIndex.append(hash)
            groups.append(group)
            criteria.append(ratings.count)
        }
        precondition(criteria[number] == ratings.count, "one catalogue, one number of criteria")
        if day != lastDay {
            let hash = HashSlots.mix(0, day)
            if let found = days.withUnsafeBufferPointer({ days in dayIndex.find(hash) { days[$0] == day } }) {
                lastDaySlot = found
            } else {
                lastDaySlot = dayIndex.append(hash)
                days.append(day)
                held.append([])
            }
            lastDay = day
        }
        let before = held[lastDaySlot].count
        for shift in stride(from: 0, to: 32, by: 8) { held[lastDaySlot].append(UInt8(truncatingIfNeeded: number >> shift)) }
        Self.pack(ratings, into: &held[lastDaySlot])
        heldBytes += held[lastDaySlot].count - before
    }

    mutating func add(day: Int32, catalog: Int64, sign: Int, group: TallyAccumulator.GroupKey, ratings: [UInt8]) {
        ratings.withUnsafeBufferPointer { add(day: day, catalog: catalog, sign: sign, group: group, ratings: $0) }
    }

    /// Appends one response's ratings as 3-bit codes.
    static func pack(_ ratings: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        var bits: UInt64 = 0, held = 0
        for value in ratings {
            bits |= (value > 5 ? 7 : UInt64(value)) << UInt64(held)
            held += 3
            if held >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
                held -= 8
            }
        }
        if held > 0 { bytes.append(UInt8(truncatingIfNeeded: bits)) }
    }

    /// Writes one row per day, catalogue and sign held, its groups in id order, and empties the buffers.
    mutating func flush(_ db: Database) throws {
        guard heldBytes > 0 else { return }
        let insert = try RawStatement(db, sql: """
            INSERT INTO response_by_day (day, catalog_id, sign, criteria, responses, groups)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        let order = groups.indices.sorted { groups[$0].precedes(groups[$1]) }
        var rank = [Int](repeating: 0, count: groups.count)
        for (r, number) in order.enumerated() { rank[number] = r }
        var start = [Int](repeating: 0, count: groups.count + 1)
        var blob: [UInt8] = []
        for slot in days.indices.sorted(by: { days[$0] < days[$1] }) {
            try held[slot].withUnsafeBytes { bytes in
                // The day's responses in block order (a counting sort by their group's rank).
                func number(at offset: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) }
                for r in start.indices { start[r] = 0 }
                var offset = 0
                while offset < bytes.count {
                    let n = number(at: offset)
                    start[rank[n] + 1] += 1
                    offset += 4 + Self.width(criteria: criteria[n])
                }
                for r in 0..<groups.count { start[r + 1] += start[r] }
                var cursor = start
                var sorted = [Int](repeating: 0, count: start[groups.count])
                offset = 0
                while offset < bytes.count {
                    let n = number(at: offset)
                    sorted[cursor[rank[n]]] = offset
                    cursor[rank[n]] += 1
                    offset += 4 + Self.width(criteria: criteria[n])
                }
                var r = 0
                while r < order.count {
                    let first = groups[order[r]]
                    var end = r, responses = 0
                    blob.removeAll(keepingCapacity: true)
                    while end < order.count, groups[order[end]].catalog == first.catalog, groups[order[end]].sign == first.sign {
                        let count = start[end + 1] - start[end]
                        if count > 0 {
                            let group = groups[order[end]], width = Self.width(criteria: criteria[order[end]])
                            for value in [group.procedure, group.unit, group.channel, group.respondentType, Int32(count)] {
                                Self.appendVarint(UInt64(value), to: &blob)
                            }
                            for j in start[end]..<start[end + 1] {
                                blob.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[(sorted[j] + 4)..<(sorted[j] + 4 + width)]))
                            }
                            responses += count
                        }
                        end += 1
                    }
                    if responses > 0 {
                        insert.bind(1, Int64(days[slot]))
                        insert.bind(2, Int64(first.catalog))
                        insert.bind(3, Int64(first.sign))
                        insert.bind(4, criteria[order[r]])
                        insert.bind(5, responses)
                        insert.bindBlob(6, blob)
                        try insert.run()
                    }
                    r = end
                }
            }
        }
        self = ResponsesByDay()
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Calls `body` with each block's group (database ids, `month` 0), its number of responses and
    /// their packed ratings (`unpack`). False, having stopped, when the bytes are not whole blocks of
    /// `criteria` ratings (a damaged row).
    static func forEachBlock(_ raw: UnsafeRawBufferPointer, criteria: Int,
                             _ body: (TallyAccumulator.GroupKey, Int, UnsafeRawBufferPointer) -> Void) -> Bool {
        guard criteria > 0, criteria <= 64 else { return false }
        let width = width(criteria: criteria)
        var offset = 0
        var header: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        while offset < raw.count {
            for i in 0..<5 {
                guard let (value, next) = readVarint(raw, at: offset), i == 4 || value <= UInt64(Int32.max) else { return false }
                switch i {
                case 0: header.0 = value
                case 1: header.1 = value
                case 2: header.2 = value
                case 3: header.3 = value
                default: header.4 = value
                }
                offset = next
            }
            guard header.4 > 0, header.4 <= UInt64((raw.count - offset) / width) else { return false }
            let count = Int(header.4)
            let group = TallyAccumulator.GroupKey(month: 0, procedure: Int32(header.0), unit: Int32(header.1),
                                                  channel: Int32(header.2), respondentType: Int32(header.3))
            body(group, count, UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * width)]))
            offset += count * width
        }
        return true
    }

    /// Response `index`'s packed ratings as one word (criterion c at bits 3c..<3c+3), for at most 21
    /// criteria; nil when a code is 6 (no rating: a damaged row).
    @inline(__always)
    static func codes(_ packed: UnsafeRawBufferPointer, index: Int, criteria: Int) -> UInt64? {
        let width = width(criteria: criteria), start = index * width
        var word: UInt64 = 0
        if start + 8 <= packed.count {
            word = UInt64(littleEndian: packed.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        } else {
            for b in 0..<width { word |= UInt64(packed[start + b]) << UInt64(8 * b) }
        }
        word &= (1 << UInt64(3 * criteria)) &- 1
        // A field is 6 (110) when its high and middle bits are set and its low bit is not.
        let lowBits: UInt64 = 0x1249_2492_4924_9249 & ((1 << UInt64(3 * criteria)) &- 1)
        return (word >> 2) & (word >> 1) & ~word & lowBits == 0 ? word : nil
    }

    /// Response `index`'s ratings of a block's packed ratings, into `values` (`criteria` of them: 0 no
    /// answer, 1–5, `Tally.notAsked`). False when a code is 6 (no rating: a damaged row).
    @inline(__always)
    static func unpack(_ packed: UnsafeRawBufferPointer, index: Int, into values: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let criteria = values.count, width = width(criteria: criteria), start = index * width
        if criteria <= 21 {
            guard let word = codes(packed, index: index, criteria: criteria) else { return false }
            for c in 0..<criteria {
                let code = UInt8(truncatingIfNeeded: word >> UInt64(3 * c)) & 7
                values[c] = code == 7 ? Tally.notAsked : code
            }
            return true
        }
        var bits: UInt64 = 0, held = 0, byte = start
        for c in 0..<criteria {
            if held < 3 {
                bits |= UInt64(packed[byte]) << UInt64(held)
                byte += 1
                held += 8
            }
            let code = UInt8(truncatingIfNeeded: bits & 7)
            bits >>= 3
            held -= 3
            if code == 6 { return false }
            values[c] = code == 7 ? Tally.notAsked : code
        }
        return true
    }

    /// Calls `body` with each response's group (database ids, `month` 0) and ratings in turn (0 no
    /// answer, 1–5, `Tally.notAsked`). False, having stopped, when the row is damaged.
    static func forEachResponse(_ raw: UnsafeRawBufferPointer, criteria: Int,
                                _ body: (TallyAccumulator.GroupKey, UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard criteria > 0, criteria <= 64 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: criteria) { values in
            var whole = true
            let blocks = forEachBlock(raw, criteria: criteria) { group, count, packed in
                for i in 0..<count where whole {
                    whole = unpack(packed, index: i, into: values)
                    if whole { body(group, UnsafeBufferPointer(values)) }
                }
            }
            return blocks && whole
        }
    }

    private static func readVarint(_ raw: UnsafeRawBufferPointer, at start: Int) -> (UInt64, Int)? {
        var value: UInt64 = 0, shift: UInt64 = 0, offset = start
        while offset < raw.count, shift < 64 {
            let byte = raw[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return (value, offset) }
            shift += 7
        }
        return nil
    }

    /// Fills `response_by_day` from the stored responses (when migration 0008 is applied to a database
    /// that has some): one pass, `flushBytes` of ratings held at most.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM response_by_day")
        var byDay = ResponsesByDay()
        let rows = try RawStatement(db, sql: """
            SELECT r.day, r.procedure_id, r.unit_id, r.channel_id, r.respondent_type_id, r.ratings, f.catalog_id
            FROM response r JOIN import_file f ON f.id = r.file_id
            """)
        while try rows.step() {
            let group = TallyAccumulator.GroupKey(month: 0, procedure: Int32(rows.int(1)), unit: Int32(rows.int(2)),
                                                  channel: Int32(rows.int(3)), respondentType: Int32(rows.int(4)))
            rows.withBlob(5) { ratings in
                byDay.add(day: Int32(rows.int(0)), catalog: Int64(rows.int(6)), sign: 1, group: group,
                          ratings: ratings.bindMemory(to: UInt8.self))
            }
            if byDay.heldBytes >= flushBytes { try byDay.flush(db) }
        }
        try byDay.flush(db)
    }
}

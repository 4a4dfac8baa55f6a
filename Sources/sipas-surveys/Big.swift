import Foundation

// One large plain file for benchmarks: UTF-8, LF, comma, canonical headers, digits 1–5.
// Built straight into a byte buffer and written in big chunks; no per-row String formatting.

/// A growable byte buffer flushed to a C stream in large chunks.
private struct ChunkWriter {
    let file: UnsafeMutablePointer<FILE>
    let capacity = 1 << 23
    let buffer: UnsafeMutablePointer<UInt8>
    var count = 0
    var written = 0

    init(path: String) throws {
        guard let f = fopen(path, "wb") else {
            throw GeneratorError("cannot open \(path) for writing")
        }
        file = f
        buffer = .allocate(capacity: capacity)
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }

    @inline(__always) mutating func bytes(_ a: [UInt8]) {
        a.withUnsafeBufferPointer { src in
            (buffer + count).update(from: src.baseAddress!, count: src.count)
        }
        count += a.count
    }

    /// Decimal digits of n, zero-padded to `width`.
    @inline(__always) mutating func number(_ n: Int, width: Int) {
        var digits = 1, x = n
        while x >= 10 { x /= 10; digits += 1 }
        var pad = width - digits
        while pad > 0 { byte(0x30); pad -= 1 }
        var i = count + digits - 1
        x = n
        repeat {
            buffer[i] = UInt8(0x30 + x % 10)
            x /= 10
            i -= 1
        } while x > 0
        count += digits
    }

    /// Call between rows: writes the chunk out when it is nearly full.
    @inline(__always) mutating func maybeFlush() throws {
        if count > capacity - 16_384 { try flush() }
    }

    mutating func flush() throws {
        if count > 0 && fwrite(buffer, 1, count, file) != count {
            throw GeneratorError("write failed")
        }
        written += count
        count = 0
    }

    mutating func close() throws {
        try flush()
        if fclose(file) != 0 { throw GeneratorError("close failed") }
        buffer.deallocate()
    }
}

private func csvField(_ s: String) -> [UInt8] {
    if s.contains(",") || s.contains("\"") || s.contains("\n") {
        return Array(("\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8)
    }
    return Array(s.utf8)
}

/// Probability as a threshold on a 64-bit draw.
private func threshold(_ p: Double) -> UInt64 {
    p <= 0 ? 0 : p >= 1 ? UInt64.max : UInt64(p * 18_446_744_073_709_551_616.0)
}

/// A uniform 16-bit bucket -> index table, for O(1) weighted draws.
private func lookupTable(_ weights: [Double]) -> [Int] {
    let total = weights.reduce(0, +)
    var table: [Int] = []
    table.reserveCapacity(65536)
    var acc = 0.0
    for (i, w) in weights.enumerated() {
        acc += w / total
        let end = i == weights.count - 1 ? 65536 : Int((acc * 65536).rounded())
        while table.count < end { table.append(i) }
    }
    return table
}

func writeBig(responses: Int, year: Int, path: String, seed: UInt64) throws -> (rows: Int, bytes: Int) {
    var rng = SplitMix64(seed: seed, stream: "big")
    var w = try ChunkWriter(path: path)

    w.bytes(Array(("response_id,date,dossier_code,procedure_code,procedure_name,field,unit,channel,respondent_type,comment,"
        + criterionCodes.joined(separator: ",") + "\n").utf8))

    // Calendar: working days of the year, seasonal weights, and each day's date text.
    let days = workingDays(from: Day(year: year, month: 1, day: 1), to: Day(year: year, month: 12, day: 31))
    let months: [Double] = [1.10, 0.80, 1.00, 1.00, 1.00, 1.00, 0.95, 0.95, 1.00, 1.05, 1.10, 1.20]
    let dayPick = lookupTable(days.map { months[$0.month - 1] })
    let dateText = days.map { Array("\(pad2($0.day))/\(pad2($0.month))/\($0.year) ".utf8) }
    let dossierDay = days.map { Array("\(dossierPrefix)-\(pad2($0.year % 100))\(pad2($0.month))\(pad2($0.day))-".utf8) }
    var dossierSeq = [Int](repeating: 0, count: days.count)

    // Procedures: weights and story of 2024 (a 2023 story for 2023 and earlier).
    let storyYear = year <= 2023 ? 2023 : 2024
    let procPick = lookupTable(procedures.map { Double($0.story(storyYear).responses) })
    let procText = procedures.map { p in
        csvField(p.code) + [0x2C] + csvField(p.name) + [0x2C] + csvField(p.field.name) + [0x2C] + csvField(p.unit.name) + [0x2C]
    }
    let channelPick = procedures.map { lookupTable(channelWeights(year: storyYear, procedure: $0)) }
    let channelText = channelNames.map { csvField($0) + [0x2C] }
    let respondentPick = procedures.map { lookupTable($0.respondents) }
    let respondentText = respondentTypeNames.map { csvField($0) + [0x2C] }
    let comments = Comments.bigPool.map(csvField)

    // Rating model (the bundled one, simplified): a share of dissatisfied visits rate several criteria low.
    struct Model { var dis: UInt64; var low: [[UInt64]] }   // low[dissatisfied ? 1 : 0][criterion]
    let models = procedures.map { p -> Model in
        let story = p.story(storyYear)
        let weak = Dictionary(uniqueKeysWithValues: story.weak.map { (criterionIndex($0.key), $0.value) })
        let d = max(0, (1 - story.target - 0.006) / 0.45)
        let ok = (0..<19).map { threshold(0.006 + (weak[$0] ?? 0)) }
        let bad = (0..<19).map { threshold(weak[$0] != nil ? 0.85 : feedbackCriteria.contains($0) ? 0.30 : 0.42) }
        return Model(dis: threshold(d), low: [ok, bad])
    }
    let noAnswer: [[UInt64]] = [
        (0..<19).map { threshold(feedbackCriteria.contains($0) ? 0.25 : 0.03) },
        (0..<19).map { threshold(feedbackCriteria.contains($0) ? 0.15 : 0.03) },
    ]
    let commentChance = threshold(0.05)
    let fiveChance = threshold(0.6)
    let usualChance = threshold(0.85)

    let idPrefix = Array("KHCN-\(year)-".utf8)
    let idWidth = max(7, String(responses).count)

    var n = 0
    while n < responses {
        n += 1
        let dayIndex = dayPick[Int(rng.next() >> 48)]
        let p = procPick[Int(rng.next() >> 48)]
        let model = models[p]

        w.bytes(idPrefix); w.number(n, width: idWidth); w.byte(0x2C)
        w.bytes(dateText[dayIndex])
        let minute = 450 + Int((rng.next() >> 32) % 570)       // 07:30–17:00
        w.number(minute / 60, width: 2); w.byte(0x3A); w.number(minute % 60, width: 2); w.byte(0x2C)
        dossierSeq[dayIndex] += 1
        w.bytes(dossierDay[dayIndex]); w.number(dossierSeq[dayIndex], width: 4); w.byte(0x2C)
        w.bytes(procText[p])
        w.bytes(channelText[channelPick[p][Int(rng.next() >> 48)]])
        w.bytes(respondentText[respondentPick[p][Int(rng.next() >> 48)]])
        if rng.next() < commentChance { w.bytes(comments[rng.below(comments.count)]) }

        let dis = rng.next() < model.dis ? 1 : 0
        let usualHigh: UInt8 = dis == 1 ? 4 : (rng.next() < fiveChance ? 5 : 4)
        let low = model.low[dis], skip = noAnswer[dis]
        for c in 0..<19 {
            w.byte(0x2C)
            if rng.next() < skip[c] { continue }
            let v: UInt8
            if rng.next() < low[c] {
                let x = rng.next() >> 56
                v = x < 140 ? 3 : (x < 225 ? 2 : 1)
            } else {
                v = rng.next() < usualChance ? usualHigh : 9 - usualHigh
            }
            w.byte(0x30 + v)
        }
        w.byte(0x0A)
        try w.maybeFlush()
    }
    try w.close()
    return (responses, w.written)
}

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

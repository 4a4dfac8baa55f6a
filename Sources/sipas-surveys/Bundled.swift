import Foundation

// The bundled demo exports in surveys/: four files, four real-world shapes, one story.

struct Time {
    var hour: Int, minute: Int, second: Int
}

/// A row the importer must set aside (file 3), each for a different reason.
enum BadKind: CaseIterable {
    case ratingSix, ratingWord, impossibleDate, missingProcedureCode, ragged, missingDate
}

struct Response {
    var procedure: Int
    var dissatisfied: Bool
    var day: Day
    var time: Time
    var dossierDay: Day
    var dossierSeq = 0
    var channel: Int
    var respondent: Int
    var ratings: [Int] = []          // 1...5, 0 = no answer
    var comment = ""
    var id = ""
    var tablet = false
    var bad: BadKind?
}

// MARK: - The rating model

/// Chance that a criterion goes unanswered. Feedback (PA) is mostly left blank by people without a complaint.
private func noAnswerChance(_ c: Int, dissatisfied: Bool) -> Double {
    feedbackCriteria.contains(c) ? (dissatisfied ? 0.45 : 0.62) : 0.015
}

private let goodVisitSlip = 0.006    // a low rating in an otherwise good visit
/// Chance that an answered criterion is rated 1–3. A dissatisfied visit marks most of the procedure's weak
/// criteria and a good share of the others low; the feedback questions less so (no complaint was filed).
private func lowChance(_ c: Int, dissatisfied: Bool, weak: [Int: Double]) -> Double {
    if dissatisfied { return weak[c] != nil ? 0.85 : feedbackCriteria.contains(c) ? 0.30 : 0.42 }
    return goodVisitSlip + (weak[c] ?? 0)
}

/// Expected "mean of criteria" index for a share `d` of dissatisfied visits (element-weighted).
private func expectedIndex(d: Double, weak: [Int: Double]) -> Double {
    let elements = [0..<4, 4..<8, 8..<13, 13..<16, 16..<19]
    var sum = 0.0
    for e in elements {
        var es = 0.0
        for c in e {
            let ad = d * (1 - noAnswerChance(c, dissatisfied: true))
            let ao = (1 - d) * (1 - noAnswerChance(c, dissatisfied: false))
            let low = (ad * lowChance(c, dissatisfied: true, weak: weak) + ao * lowChance(c, dissatisfied: false, weak: weak)) / (ad + ao)
            es += 1 - low
        }
        sum += es / Double(e.count)
    }
    return sum / Double(elements.count)
}

/// The share of dissatisfied visits that gives the story's target index (bisection).
private func dissatisfiedShare(target: Double, weak: [Int: Double]) -> Double {
    var lo = 0.0, hi = 1.0
    for _ in 0..<60 {
        let mid = (lo + hi) / 2
        if expectedIndex(d: mid, weak: weak) > target { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}

private func rate(_ r: inout Response, weak: [Int: Double], rng: inout SplitMix64) {
    let dis = r.dissatisfied
    // A respondent's "usual good mark": many people give 5 across the board, others 4.
    let usualHigh = dis ? 4 : (rng.chance(0.6) ? 5 : 4)
    r.ratings = (0..<19).map { c in
        if rng.chance(noAnswerChance(c, dissatisfied: dis)) { return 0 }
        if rng.chance(lowChance(c, dissatisfied: dis, weak: weak)) {
            let x = rng.unit()
            return x < (dis ? 0.45 : 0.65) ? 3 : (x < 0.88 ? 2 : 1)
        }
        return rng.chance(0.85) ? usualHigh : 9 - usualHigh
    }
}

private func drawTime(channel: Int, rng: inout SplitMix64) -> Time {
    if channel == 1 {
        // Online: rated from home or office, mostly in the day.
        let hour = rng.weighted([0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 5, 4, 2, 3, 5, 5, 4, 3, 2, 3, 3, 2, 1, 0.5])
        return Time(hour: hour, minute: rng.below(60), second: rng.below(60))
    }
    // At the counter (and postal results handed over at the counter): office hours 7:30–11:30, 13:30–17:00.
    let morning = rng.chance(0.58)
    let start = morning ? 7 * 60 + 30 : 13 * 60 + 30
    let span = morning ? 240 : 210
    let m = start + rng.below(span)
    return Time(hour: m / 60, minute: m % 60, second: rng.below(60))
}

private let monthWeight: [Double] = [1.10, 0.80, 1.00, 1.00, 1.00, 1.00, 0.95, 0.95, 1.00, 1.05, 1.10, 1.20]

// MARK: - One year's population

/// One year's responses (or, with `throughMonth` < 12, the first months' share of the year's story).
func population(year: Int, rng: inout SplitMix64, dossierSeq: inout [Day: Int], calendar: [Day],
                throughMonth: Int = 12) -> [Response] {
    let lastDay = throughMonth == 12 ? 31 : Day(serial: Day(year: year, month: throughMonth + 1, day: 1).serial - 1).day
    let days = workingDays(from: Day(year: year, month: 1, day: 2), to: Day(year: year, month: throughMonth, day: lastDay))
    let share = Double(throughMonth) / 12
    let dayTable = CumulativeTable(days.map { monthWeight[$0.month - 1] })
    let serialIndex = Dictionary(uniqueKeysWithValues: calendar.enumerated().map { ($1.serial, $0) })

    var out: [Response] = []
    for (p, proc) in procedures.enumerated() {
        let story = proc.story(year)
        let weak = Dictionary(uniqueKeysWithValues: story.weak.map { (criterionIndex($0.key), $0.value) })
        let d = dissatisfiedShare(target: story.target, weak: weak)
        // Exactly round(d·n) dissatisfied visits, spread at random: small procedures still tell their story.
        let responses = Int((Double(story.responses) * share).rounded())
        let nDis = Int((d * Double(responses)).rounded())
        var flags = Array(repeating: true, count: nDis) + Array(repeating: false, count: responses - nDis)
        rng.shuffle(&flags)
        for dis in flags {
            let day = days[dayTable.draw(&rng)]
            let channel = rng.weighted(channelWeights(year: year, procedure: proc))
            // The dossier was filed 0–20 working days before the visit that was rated.
            let lag = rng.chance(0.25) ? 0 : 1 + rng.below(20)
            let dossierDay = calendar[max(0, serialIndex[day.serial]! - lag)]
            var r = Response(
                procedure: p, dissatisfied: dis, day: day, time: drawTime(channel: channel, rng: &rng),
                dossierDay: dossierDay, channel: channel, respondent: rng.weighted(proc.respondents))
            rate(&r, weak: weak, rng: &rng)
            if rng.chance(dis ? 0.35 : 0.075) {
                r.comment = dis
                    ? Comments.complaint(topic: proc.topic, weakCriteria: Array(story.weak.keys).sorted(), rng: &rng)
                    : Comments.satisfied(rng: &rng)
            }
            out.append(r)
        }
    }
    out.sort { a, b in
        (a.day.serial, a.time.hour, a.time.minute, a.time.second, a.procedure) < (b.day.serial, b.time.hour, b.time.minute, b.time.second, b.procedure)
    }
    // Dossier numbers run per filing day, in the order the dossiers were rated (close enough).
    for i in out.indices {
        let n = (dossierSeq[out[i].dossierDay] ?? 0) + 1
        dossierSeq[out[i].dossierDay] = n
        out[i].dossierSeq = n
    }
    return out
}

// MARK: - Rendering

func dossierCode(_ r: Response) -> String {
    let d = r.dossierDay
    return "\(dossierPrefix)-\(pad2(d.year % 100))\(pad2(d.month))\(pad2(d.day))-\(pad(r.dossierSeq, 4))"
}

private enum RatingStyle { case digits, labels, labelsNFD, labelsASCII }

private func ratingCell(_ v: Int, style: RatingStyle, rng: inout SplitMix64) -> String {
    if v == 0 {
        switch style {
        case .digits: return rng.chance(0.85) ? "" : "KTL"
        case .labels: return rng.chance(0.25) ? "" : (rng.chance(0.8) ? "Không trả lời" : "Không biết")
        case .labelsNFD: return "Không trả lời".decomposedStringWithCanonicalMapping
        case .labelsASCII: return ""
        }
    }
    switch style {
    case .digits: return String(v)
    case .labels: return ratingLabels[v]
    case .labelsNFD: return ratingLabels[v].decomposedStringWithCanonicalMapping
    case .labelsASCII: return ratingLabelsASCII[v]
    }
}

private func ratingCells(_ r: Response, style: RatingStyle, rng: inout SplitMix64) -> [String] {
    r.ratings.map { ratingCell($0, style: style, rng: &rng) }
}

struct BadRowNote {
    var file: String
    var row: Int
    var line: Int
    var id: String
    var reason: String
}

struct BundledSummary {
    var files: [(name: String, records: Int, bytes: Int)] = []
    var badRows: [BadRowNote] = []
}

// MARK: - The four files

func writeBundled(outDirectory: String, seed: UInt64 = 20_240_101) throws -> BundledSummary {
    var summary = BundledSummary()
    let calendar = workingDays(from: Day(year: 2022, month: 11, day: 1), to: Day(year: 2025, month: 3, day: 31))
    var dossierSeq: [Day: Int] = [:]

    var rng2023 = SplitMix64(seed: seed, stream: "population-2023")
    var rng2024 = SplitMix64(seed: seed, stream: "population-2024")
    var y2023 = population(year: 2023, rng: &rng2023, dossierSeq: &dossierSeq, calendar: calendar)
    var y2024 = population(year: 2024, rng: &rng2024, dossierSeq: &dossierSeq, calendar: calendar)

    // 2024: the counter tablets (new that year) take about a quarter of the in-person ratings.
    var pick = SplitMix64(seed: seed, stream: "tablet")
    for i in y2024.indices where y2024[i].channel == 0 && pick.chance(0.24) {
        y2024[i].tablet = true
        y2024[i].comment = ""
    }

    // Six extra portal rows that will be broken on purpose (not part of the story's counts).
    var badRng = SplitMix64(seed: seed, stream: "bad-rows")
    let h2Days = workingDays(from: Day(year: 2024, month: 7, day: 1), to: Day(year: 2024, month: 12, day: 31))
    let healthy = [1, 2, 5, 8, 13]
    for (k, kind) in BadKind.allCases.enumerated() {
        let day = h2Days[20 + k * 19 + badRng.below(10)]
        var r = Response(
            procedure: healthy[k % healthy.count], dissatisfied: false, day: day,
            time: drawTime(channel: 1, rng: &badRng), dossierDay: day, channel: 1, respondent: 2)
        rate(&r, weak: [:], rng: &badRng)
        r.ratings[criterionIndex("CC2")] = 4
        r.ratings[criterionIndex("KQ2")] = 5
        r.ratings[criterionIndex("PA3")] = 4
        r.bad = kind
        r.dossierSeq = 900 + k
        y2024.append(r)
    }
    y2024.sort { a, b in
        (a.day.serial, a.time.hour, a.time.minute, a.time.second, a.procedure) < (b.day.serial, b.time.hour, b.time.minute, b.time.second, b.procedure)
    }

    // Response ids in date order; the tablets number their own.
    for i in y2023.indices { y2023[i].id = "KHCN-2023-\(pad(i + 1, 6))" }
    var mainNo = 0, tabletNo = 0
    for i in y2024.indices {
        if y2024[i].tablet {
            tabletNo += 1
            y2024[i].id = "QUAY-2024-\(pad(tabletNo, 5))"
        } else {
            mainNo += 1
            y2024[i].id = "KHCN-2024-\(pad(mainNo, 6))"
        }
    }

    let h1 = y2024.filter { !$0.tablet && $0.day.month <= 6 }
    var h2 = y2024.filter { !$0.tablet && $0.day.month >= 7 }
    let tablet = y2024.filter { $0.tablet }

    // The two hostile comments, each exactly once, as the latest comment of a procedure the report flags
    // (reports show the most recent comments): the last portal rows of the import inspection and the X-ray licence.
    guard let i = h2.lastIndex(where: { $0.procedure == 0 && $0.channel == 1 }),
          let j = h2.lastIndex(where: { $0.procedure == 4 }) else { fatalError("no rows for the hostile comments") }
    h2[i].comment = scriptComment
    h2[j].comment = formulaComment

    let dir = outDirectory.hasSuffix("/") ? outDirectory : outDirectory + "/"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var render = SplitMix64(seed: seed, stream: "render")

    // 1. 2023, Excel "CSV" on Vietnamese Windows.
    do {
        let name = "2023-trung-tam-hcc.csv"
        var w = CSVWriter(shape: CSVShape(encoding: .windows1258, delimiter: ",", lineEnd: "\r\n"))
        w.write(["Mã phiếu", "Ngày đánh giá", "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Đơn vị", "Kênh nộp", "Đối tượng"]
            + criterionCodes + ["Ý kiến"])
        for r in y2023 {
            let p = procedures[r.procedure]
            w.write([r.id, "\(pad2(r.day.day))/\(pad2(r.day.month))/\(r.day.year)", dossierCode(r), p.code, p.name,
                     p.field.name, p.unit.name, channelNames[r.channel], respondentTypeNames[r.respondent]]
                    + ratingCells(r, style: .digits, rng: &render) + [r.comment])
        }
        try writeFile(w.bytes, to: dir + name)
        summary.files.append((name, y2023.count, w.bytes.count))
    }

    // 2. 2024 H1: paper forms typed into Excel, saved as "CSV UTF-8"; two typists, one typing labels.
    do {
        let name = "2024-q1-q2-trung-tam-hcc.csv"
        var w = CSVWriter(shape: CSVShape(encoding: .utf8BOM, delimiter: ",", lineEnd: "\r\n"))
        w.write(["Số phiếu", "Ngày khảo sát", "Mã hồ sơ", "Tên thủ tục hành chính", "Mã thủ tục", "Lĩnh vực", "Cơ quan",
                 "Hình thức nộp", "Đối tượng", "Góp ý"] + (1...19).map { "Câu \($0)" })
        for r in h1 {
            let p = procedures[r.procedure]
            let style: RatingStyle = render.chance(0.4) ? .labels : .digits
            w.write([r.id, "\(r.day.day)/\(r.day.month)/\(r.day.year) \(pad2(r.time.hour)):\(pad2(r.time.minute))",
                     dossierCode(r), p.name, p.code, p.field.name, p.unit.name, channelNames[r.channel],
                     respondentTypeNames[r.respondent], r.comment]
                    + ratingCells(r, style: style, rng: &render))
        }
        try writeFile(w.bytes, to: dir + name)
        summary.files.append((name, h1.count, w.bytes.count))
    }

    // 3. 2024 H2: the public-service portal's export, with the bad rows.
    do {
        let name = "2024-q3-q4-cong-dvc.csv"
        var w = CSVWriter(shape: CSVShape(encoding: .utf8, delimiter: ";", lineEnd: "\n"))
        w.write(["response_id", "date", "dossier_code", "procedure_code", "procedure_name", "field", "unit", "channel",
                 "respondent_type", "comment"] + criterionCodes)
        var records = 0
        var pending: [(afterRow: Int, fields: [String], note: String, id: String)] = []
        func fields(_ r: Response, style: RatingStyle) -> [String] {
            let p = procedures[r.procedure]
            let d = r.day, t = r.time
            return [r.id, "\(d.year)-\(pad2(d.month))-\(pad2(d.day)) \(pad2(t.hour)):\(pad2(t.minute)):\(pad2(t.second))",
                    dossierCode(r), p.code, p.name, p.field.name, p.unit.name, channelNames[r.channel],
                    respondentTypeNames[r.respondent], r.comment]
                + ratingCells(r, style: style, rng: &render)
        }
        for (k, r) in h2.enumerated() {
            let x = render.unit()
            let style: RatingStyle = x < 0.45 ? .digits : x < 0.78 ? .labels : x < 0.91 ? .labelsNFD : .labelsASCII
            var f = fields(r, style: r.bad == nil ? style : .digits)
            var reason: String?
            switch r.bad {
            case .none: break
            case .ratingSix:
                f[10 + criterionIndex("CC2")] = "6"
                reason = "rating \"6\" in CC2 (out of the 1–5 scale)"
            case .ratingWord:
                f[10 + criterionIndex("KQ2")] = "tốt"
                reason = "rating \"tốt\" in KQ2 (not a scale label)"
            case .impossibleDate:
                f[1] = "2024-09-31 14:20:05"
                reason = "impossible date 2024-09-31 (September has 30 days)"
            case .missingProcedureCode:
                f[3] = ""
                reason = "procedure_code empty (procedure_name present)"
            case .ragged:
                f.removeLast()
                reason = "ragged: 28 fields instead of 29 (PA3 missing)"
            case .missingDate:
                f[1] = ""
                reason = "date empty"
            }
            let pos = w.write(f)
            records += 1
            if let reason {
                summary.badRows.append(BadRowNote(file: name, row: pos.row, line: pos.line, id: r.id, reason: reason))
            }
            // An export that overlapped the previous one: an identical row again, 37 rows later.
            if k == 300 {
                pending.append((pos.row + 37, f, "exact duplicate of row \(pos.row) (same id, same values): count once, store once", r.id))
            }
            // A row re-exported after someone edited it: same id, different ratings, 120 rows later.
            if k == 700 {
                var g = f
                for c in ["CC3", "TT4", "KQ1"] { g[10 + criterionIndex(c)] = "2" }
                g[9] = "Cán bộ hướng dẫn chưa rõ, phải bổ sung hồ sơ 2 lần"
                pending.append((pos.row + 120, g, "conflict with row \(pos.row): same id, different ratings (CC3, TT4, KQ1 = 2) and comment", r.id))
            }
            while let next = pending.first, next.afterRow == pos.row {
                pending.removeFirst()
                let p2 = w.write(next.fields)
                records += 1
                summary.badRows.append(BadRowNote(file: name, row: p2.row, line: p2.line, id: next.id, reason: next.note))
            }
        }
        precondition(pending.isEmpty)
        try writeFile(w.bytes, to: dir + name)
        summary.files.append((name, records, w.bytes.count))
    }

    // 4. The counter tablets: 3-level scale, five questions, Excel "Unicode text".
    do {
        let name = "2024-may-danh-gia-tai-quay.csv"
        let asked = ["CC1", "CC2", "CC3", "CC5", "KQ1"].map(criterionIndex)
        var w = CSVWriter(shape: CSVShape(encoding: .utf16leBOM, delimiter: "\t", lineEnd: "\r\n"))
        w.write(["Mã phiếu", "Ngày", "Mã thủ tục", "Tên thủ tục", "Đơn vị", "CC1", "CC2", "CC3", "CC5", "KQ1"])
        for r in tablet {
            let p = procedures[r.procedure]
            let cells = asked.map { c -> String in
                let v = r.ratings[c]
                if v == 0 { return render.chance(0.5) ? "" : "Không trả lời" }
                return v >= 5 ? "Rất hài lòng" : v == 4 ? "Hài lòng" : "Không hài lòng"
            }
            w.write([r.id, "\(pad2(r.day.day))/\(pad2(r.day.month))/\(r.day.year) \(pad2(r.time.hour)):\(pad2(r.time.minute))",
                     p.code, p.name, p.unit.name] + cells)
        }
        try writeFile(w.bytes, to: dir + name)
        summary.files.append((name, tablet.count, w.bytes.count))
    }

    // 5. 2025 Q1: the centre's own workbook export (title block, two-row header, date cells, footer).
    do {
        var rng2025 = SplitMix64(seed: seed, stream: "population-2025")
        var q1 = population(year: 2025, rng: &rng2025, dossierSeq: &dossierSeq, calendar: calendar, throughMonth: 3)
        for i in q1.indices { q1[i].id = "KHCN-2025-\(pad(i + 1, 6))" }
        let name = "2025-q1-trung-tam-hcc.xlsx"
        let bytes = try writeCentreWorkbook(q1, to: dir + name)
        summary.files.append((name, q1.count, bytes))
    }
    return summary
}

import GRDB
import SIPASStatistics

/// Builds a `TallySet` from tally rows or from responses: maps every catalogue's positions onto the
/// reporting catalogue (the one most responses of the period were imported with) and sums per group.
struct TallySetBuilder {
    struct Key: Hashable {
        var month: Int
        var procedure: Int
        var unit: Int
        var channel: Int
        var respondentType: Int
    }

    let catalog: Catalog
    let dimension: GroupDimension?
    private let k: Int
    /// catalogue id → (position in that catalogue → position in the reporting catalogue, or nil).
    private var positionMaps: [Int: [Int?]] = [:]
    private var dropped = Set<String>()
    private var procedures: [Int: (code: String, name: String)] = [:]
    private var names: [GroupDimension: [Int: String]] = [:]
    private var slotOfKey: [String: Int] = [:]
    private var keys: [String] = []
    private var tallies: [Tally] = []
    private var total: Tally
    private var unitsOfProcedure: [Int: [Int: Int]] = [:]
    private var firstDay: Int?
    private var lastDay: Int?

    init?(_ db: Database, period: DayRange, dimension: GroupDimension?) throws {
        let used = try Row.fetchAll(db, sql: """
            SELECT catalog_id, SUM(responses) AS n FROM tally_group WHERE month BETWEEN ? AND ?
            GROUP BY catalog_id HAVING n > 0 ORDER BY n DESC, catalog_id
            """, arguments: [period.fromMonth, period.toMonth])
        guard let reporting = used.first?[0] as Int? else { return nil }
        let json = try String.fetchOne(db, sql: "SELECT json FROM catalog WHERE id = ?", arguments: [reporting]) ?? ""
        do { catalog = try Catalog.parse(json: json, source: "catalog \(reporting)") } catch {
            throw DatabaseError(message: "stored catalogue \(reporting) is invalid")
        }
        k = catalog.criterionCount
        total = Tally(criterionCount: k)
        self.dimension = dimension
        for row in used {
            let id: Int = row[0]
            var map: [Int?] = []
            for entry in try Row.fetchAll(db, sql: """
                SELECT cc.position, c.code FROM catalog_criterion cc JOIN criterion c ON c.id = cc.criterion_id
                WHERE cc.catalog_id = ? ORDER BY cc.position
                """, arguments: [id]) {
                let code: String = entry[1]
                let target = catalog.position(ofCriterion: code)
                if target == nil { dropped.insert(code) }
                map.append(target)
            }
            positionMaps[id] = map
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, code, name FROM procedure") {
            procedures[row[0]] = (row[1], row[2])
        }
        for (dim, table) in [(GroupDimension.unit, "unit"), (.channel, "channel"), (.respondentType, "respondent_type")] {
            var map: [Int: String] = [:]
            // Units are named through `unit_alias` where an export used a code (sipas settings unit).
            let sql = dim == .unit
                ? "SELECT u.id, COALESCE(a.name, u.name) FROM unit u LEFT JOIN unit_alias a ON a.code = u.name"
                : "SELECT id, name FROM \(table)"
            for row in try Row.fetchAll(db, sql: sql) { map[row[0]] = row[1] }
            names[dim] = map
        }
        if let range = try Row.fetchOne(db, sql: """
            SELECT MIN(first_day), MAX(last_day) FROM import_file WHERE last_day >= ? AND first_day <= ?
            """, arguments: [period.from, period.to]), let first = range[0] as Int?, let last = range[1] as Int? {
            firstDay = max(first, period.from)
            lastDay = min(last, period.to)
        }
    }

    /// True when a catalogue used in the period has criteria the reporting catalogue lacks.
    var dropsCriteria: Bool { !dropped.isEmpty }

    /// The slot of the group a response of `key` belongs to (-1 when ungrouped: total only).
    mutating func slot(for key: Key) -> Int {
        guard let dimension else { return -1 }
        let name: String
        switch dimension {
        case .procedure: name = procedures[key.procedure]?.code ?? "?"
        case .unit: name = names[.unit]?[key.unit] ?? ""
        case .channel: name = names[.channel]?[key.channel] ?? ""
        case .respondentType: name = names[.respondentType]?[key.respondentType] ?? ""
        case .quarter: name = "\(key.month / 100)-Q\((key.month % 100 - 1) / 3 + 1)"
        case .month: name = "\(key.month / 100)-\(key.month % 100 < 10 ? "0" : "")\(key.month % 100)"
        }
        if let slot = slotOfKey[name] { return slot }
        slotOfKey[name] = keys.count
        keys.append(name)
        tallies.append(Tally(criterionCount: k))
        return keys.count - 1
    }

    private mutating func update(_ slot: Int, _ body: (inout Tally) -> Void) {
        body(&total)
        if slot >= 0 { body(&tallies[slot]) }
    }

    mutating func addHead(_ slot: Int, responses: Int, answeredAny: Int, allSatisfied: Int, procedure: Int, unit: Int) {
        update(slot) {
            $0.responses += responses
            $0.answeredAny += answeredAny
            $0.allSatisfied += allSatisfied
        }
        unitsOfProcedure[procedure, default: [:]][unit, default: 0] += responses
    }

    mutating func addRatings(_ slot: Int, catalog id: Int, position: Int,
                             counts n: (Int, Int, Int, Int, Int, Int)) {
        guard let c = positionMaps[id]?[position] else { return }
        let k = self.k
        update(slot) { t in
            t.ratings[c][0] += n.0; t.ratings[c][1] += n.1; t.ratings[c][2] += n.2
            t.ratings[c][3] += n.3; t.ratings[c][4] += n.4; t.ratings[c][5] += n.5
            let answered = n.1 + n.2 + n.3 + n.4 + n.5, satisfied = n.4 + n.5
            t.bothAnswered[c * k + c] += answered
            t.satisfiedAnswered[c * k + c] += satisfied
            t.bothSatisfied[c * k + c] += satisfied
        }
    }

    /// Where pair p of a catalogue (row-major over its positions c < d) lands in the reporting
    /// catalogue's K×K arrays: `c2 * K + d2` and `d2 * K + c2`, or -1 for a pair the reporting
    /// catalogue lacks. Made once per catalogue.
    private struct PairTarget {
        var cd: Int32
        var dc: Int32
    }
    private var pairTargets: [Int: [PairTarget]] = [:]

    private mutating func targets(ofCatalog id: Int) -> [PairTarget]? {
        if let made = pairTargets[id] { return made }
        guard let map = positionMaps[id] else { return nil }
        var made: [PairTarget] = []
        for c in 0..<map.count {
            for d in (c + 1)..<max(map.count, c + 1) {
                if let c2 = map[c], let d2 = map[d] {
                    made.append(PairTarget(cd: Int32(c2 * k + d2), dc: Int32(d2 * k + c2)))
                } else {
                    made.append(PairTarget(cd: -1, dc: -1))
                }
            }
        }
        pairTargets[id] = made
        return made
    }

    /// Adds a group's pair counts (aa, sa, as, ss for each pair c < d of its catalogue, row-major).
    mutating func addPairs(_ slot: Int, catalog id: Int, counts n: [Int]) {
        guard let targets = targets(ofCatalog: id) else { return }
        n.withUnsafeBufferPointer { n in
            targets.withUnsafeBufferPointer { targets in
                Self.add(n, targets, to: &total)
                if slot >= 0 { Self.add(n, targets, to: &tallies[slot]) }
            }
        }
    }

    /// The pair counts `n` added through `targets`: each array is reached once, not once per pair.
    private static func add(_ n: UnsafeBufferPointer<Int>, _ targets: UnsafeBufferPointer<PairTarget>, to t: inout Tally) {
        t.bothAnswered.withUnsafeMutableBufferPointer { both in
            t.satisfiedAnswered.withUnsafeMutableBufferPointer { satisfiedAnswered in
                t.bothSatisfied.withUnsafeMutableBufferPointer { bothSatisfied in
                    for (p, target) in targets.enumerated() {
                        let i = 4 * p
                        guard i + 3 < n.count else { break }
                        guard target.cd >= 0 else { continue }
                        let cd = Int(target.cd), dc = Int(target.dc)
                        let aa = n[i], ss = n[i + 3]
                        both[cd] += aa
                        both[dc] += aa
                        satisfiedAnswered[cd] += n[i + 1]   // satisfied on c, answered d
                        satisfiedAnswered[dc] += n[i + 2]   // satisfied on d, answered c
                        bothSatisfied[cd] += ss
                        bothSatisfied[dc] += ss
                    }
                }
            }
        }
    }

    mutating func addResponse(_ slot: Int, catalog id: Int, ratings: [UInt8], procedure: Int, unit: Int) {
        var mapped = [UInt8](repeating: Tally.notAsked, count: k)
        if let map = positionMaps[id] {
            for (position, value) in ratings.enumerated() where position < map.count {
                if let target = map[position] { mapped[target] = value }
            }
        }
        update(slot) { $0.record(ratings: mapped) }
        unitsOfProcedure[procedure, default: [:]][unit, default: 0] += 1
    }

    func finish() -> TallySet? {
        guard total.responses > 0 else { return nil }
        var groups: [String: Tally] = [:]
        var info: [String: GroupInfo] = [:]
        let procedureByCode = Dictionary(procedures.map { ($0.value.code, $0.key) }, uniquingKeysWith: { a, _ in a })
        // A group whose responses were all taken back out (edge days) is not a group of the period.
        for (slot, key) in keys.enumerated() where tallies[slot].responses != 0 {
            groups[key] = tallies[slot]
            var label = key
            var unit: String?
            if dimension == .procedure, let id = procedureByCode[key] {
                label = procedures[id]?.name ?? key
                if let best = unitsOfProcedure[id]?.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) {
                    unit = names[.unit]?[best.key]
                }
            }
            info[key] = GroupInfo(key: key, label: label, unit: unit)
        }
        return TallySet(catalog: catalog, total: total, groups: groups, info: info, firstDay: firstDay,
                        lastDay: lastDay, droppedCriteria: dropped.sorted())
    }
}


// The coverage benchmark (not a test): simulates respondents whose answers are correlated, runs the
// real estimator on the tallies the import would store, and prints how often the 95 % intervals
// cover the truth, per cell of sample size × true index × correlation. `make bench-coverage`;
// README "How honest the intervals are".
//
//   sipas-coverage [--datasets 500] [--seed 1] [--methods all|a,b,…] [--detail METHOD] [--sizes 20,30]
//                  [--indices 0.93,0.96] [--correlations none,moderate,strong] [--markdown]
// Default: the standard method (tables in detail) and sipas 0.1's kish-wilson, 500 datasets a cell.
import Foundation
import SIPASStatistics

struct Options {
    var datasets = 500
    var seed: UInt64 = 1
    var methods: [IntervalMethod] = [.standard, .kishWilson]
    var detail: IntervalMethod = .standard
    var markdown = false
    var sizes = [20, 30, 50, 100, 300, 1000]
    var indices = [0.93, 0.96, 0.985, 0.99]
    var correlations = [Correlation.none, .moderate, .strong]
}

func parseOptions() -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst()
    func value(_ name: String) -> String {
        guard let v = args.popFirst() else { fail("\(name) needs a value") }
        return v
    }
    func method(_ text: String) -> IntervalMethod {
        guard let m = IntervalMethod(rawValue: text) else {
            fail("unknown method '\(text)'; one of \(IntervalMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return m
    }
    while let a = args.popFirst() {
        switch a {
        case "--datasets": o.datasets = Int(value(a)) ?? 0
        case "--seed": o.seed = UInt64(value(a)) ?? 1
        case "--methods":
            let list = value(a)
            o.methods = list == "all" ? IntervalMethod.allCases : list.split(separator: ",").map { method(String($0)) }
        case "--detail": o.detail = method(value(a))
        case "--sizes": o.sizes = value(a).split(separator: ",").compactMap { Int($0) }
        case "--indices": o.indices = value(a).split(separator: ",").compactMap { Double($0) }
        case "--correlations":
            let all = [Correlation.none, .moderate, .strong]
            o.correlations = value(a).split(separator: ",").map { name in
                all.first { $0.name == name } ?? { fail("unknown correlation '\(name)'") }()
            }
        case "--markdown": o.markdown = true
        case "-h", "--help":
            print("usage: sipas-coverage [--datasets N] [--seed S] [--methods all|a,b] [--detail METHOD] [--sizes 20,30] [--indices 0.93,0.96] [--correlations none,moderate,strong] [--markdown]")
            exit(0)
        default: fail("unknown option '\(a)'")
        }
    }
    if o.datasets < 1 { fail("--datasets must be a positive number") }
    if !o.methods.contains(o.detail) { o.methods.insert(o.detail, at: 0) }
    return o
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("sipas-coverage: " + message + "\n").utf8))
    exit(64)
}

/// Counts for one interval kind in one cell.
struct Tallied {
    var covered = 0, above = 0, below = 0, flagged = 0
    var widths: [Double] = []
    var error = 0.0
    mutating func add(_ i: Interval, truth: Double, target: Double) {
        error += i.value - truth
        if i.low > truth { above += 1 } else if i.high < truth { below += 1 } else { covered += 1 }
        if i.high < target { flagged += 1 }
        widths.append(i.width)
    }
    var count: Int { covered + above + below }
    func share(_ x: Int) -> Double { count == 0 ? .nan : Double(x) / Double(count) }
    var medianWidth: Double {
        let s = widths.sorted()
        return s.isEmpty ? .nan : s[s.count / 2]
    }
}

/// Everything measured for one method in one cell.
struct CellResult {
    var index = Tallied()
    var elements = [Tallied](repeating: Tallied(), count: 5)
    var criteria = [Tallied](repeating: Tallied(), count: 19)
    /// Changes when nothing changed (truth 0): index, elements, criteria.
    var indexChange = Tallied()
    var elementChanges = [Tallied](repeating: Tallied(), count: 5)
    var criterionChanges = [Tallied](repeating: Tallied(), count: 19)
}

struct Cell: Hashable { var correlation: String; var index: Double; var n: Int }

let options = parseOptions()
let target = 0.96
let shape = Population.shape
let cells: [Cell] = options.correlations.flatMap { c in
    options.indices.flatMap { t in options.sizes.map { Cell(correlation: c.name, index: t, n: $0) } }
}
let correlationByName = Dictionary(uniqueKeysWithValues: options.correlations.map { ($0.name, $0) })

func run(_ cell: Cell, cellNumber: Int) -> [IntervalMethod: CellResult] {
    let population = Population(index: cell.index, correlation: correlationByName[cell.correlation]!)
    var rng = Random(seed: options.seed &* 0x1000_0000 &+ UInt64(cellNumber) &* 0x9e37_79b9)
    var results = Dictionary(uniqueKeysWithValues: options.methods.map { ($0, CellResult()) })
    for _ in 0..<options.datasets {
        let current = population.sample(cell.n, &rng)
        let previous = population.sample(cell.n, &rng)
        for method in options.methods {
            let now = IndexEstimator.estimate(current, shape: shape, interval: method)
            let before = IndexEstimator.estimate(previous, shape: shape, interval: method)
            var r = results[method]!
            if let i = now.index?.interval {
                r.index.add(i, truth: population.index, target: target)
                if let j = before.index?.interval { r.indexChange.add(Change.between(i, j).difference, truth: 0, target: 0) }
            }
            for e in 0..<5 {
                guard let i = now.elements[e]?.interval else { continue }
                r.elements[e].add(i, truth: population.elementIndices[e], target: target)
                if let j = before.elements[e]?.interval {
                    r.elementChanges[e].add(Change.between(i, j).difference, truth: 0, target: 0)
                }
            }
            if method == options.methods[0] {
                for c in 0..<19 {
                    guard let i = now.criteria[c]?.interval else { continue }
                    r.criteria[c].add(i, truth: population.criterionRates[c], target: target)
                    if let change = Change.betweenRates(successes: current.satisfied(c), trials: current.answered(c),
                                                        previousSuccesses: previous.satisfied(c),
                                                        previousTrials: previous.answered(c)) {
                        r.criterionChanges[c].add(change.difference, truth: 0, target: 0)
                    }
                }
            }
            results[method] = r
        }
    }
    return results
}

let started = Date()
let lock = NSLock()
nonisolated(unsafe) var all: [Cell: [IntervalMethod: CellResult]] = [:]
// Largest cells first so the two threads finish together.
let order = cells.indices.sorted { cells[$0].n > cells[$1].n }
DispatchQueue.concurrentPerform(iterations: order.count) { k in
    let i = order[k]
    let r = run(cells[i], cellNumber: i)
    lock.lock(); all[cells[i]] = r; lock.unlock()
}
let seconds = Date().timeIntervalSince(started)

// MARK: Output

func pct(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.1f", 100 * x) }

func table(_ title: String, _ value: (CellResult) -> String, method: IntervalMethod,
           indices: [Double] = options.indices) {
    print("\n" + title)
    if options.markdown {
        print("| correlation | true index | " + options.sizes.map { "n = \($0)" }.joined(separator: " | ") + " |")
        print("|---|---|" + options.sizes.map { _ in "---|" }.joined())
    } else {
        print("correlation  index  " + options.sizes.map { String(format: "%16d", $0) }.joined())
    }
    for c in options.correlations {
        for t in indices {
            let row = options.sizes.map { n in value(all[Cell(correlation: c.name, index: t, n: n)]![method]!) }
            if options.markdown {
                print("| \(c.name) | \(t) | " + row.joined(separator: " | ") + " |")
            } else {
                print(c.name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %6.3f ", t)
                      + row.map { $0.count >= 16 ? " " + $0 : String(repeating: " ", count: 16 - $0.count) + $0 }.joined())
            }
        }
    }
}

func covCell(_ t: Tallied) -> String { "\(pct(t.share(t.covered))) ↑\(pct(t.share(t.above))) ↓\(pct(t.share(t.below)))" }
func worstElement(_ ts: [Tallied]) -> Tallied { ts.min { $0.share($0.covered) < $1.share($1.covered) }! }
func maxShare(_ ts: [Tallied], _ key: (Tallied) -> Int) -> Double { ts.map { $0.share(key($0)) }.max()! }

print("sipas coverage benchmark: \(options.datasets) datasets a cell, seed \(options.seed), target \(target); \(String(format: "%.1f", seconds)) s")
print("respondents: latent Gaussian ratings, respondent effect a² and respondent×element effect b² (none 0/0, moderate 0.30/0.15, strong 0.60/0.22);")
print("true criterion rates spread around the index on the probit scale; 5% item non-response; PA skipped by 55% (57% missing).")
print("cells read: coverage ↑wholly above the truth ↓wholly below (percent of datasets)")

// One line per method: the worst figures over the grid.
print("\nmethod summary (worst over the grid; power and false alarms of 'below target' = whole interval under 0.96):")
print("method                 index cov  ↑max  elem cov  ↑max  FA@0.96 n≥30  fell@30 idx/elem/crit   power@0.93 mod n=30/100   median width mod 0.96 n=30")
for m in options.methods {
    let rs = cells.map { all[$0]![m]! }
    let indexCov = rs.map { $0.index.share($0.index.covered) }.min()!
    let indexAbove = rs.map { $0.index.share($0.index.above) }.max()!
    let elemCov = rs.map { r in r.elements.map { $0.share($0.covered) }.min()! }.min()!
    let elemAbove = rs.map { r in maxShare(r.elements) { $0.above } }.max()!
    let fa = cells.filter { $0.index == 0.96 && $0.n >= 30 }.map { all[$0]![m]!.index }.map { $0.share($0.flagged) }.max() ?? .nan
    let at30 = cells.filter { $0.n == 30 }.map { all[$0]![m]! }
    let fellIndex = at30.map { $0.indexChange.share($0.indexChange.below) }.max() ?? .nan
    let fellElem = at30.map { maxShare($0.elementChanges) { $0.below } }.max() ?? .nan
    let crit = cells.filter { $0.n == 30 }.map { all[$0]![options.methods[0]]! }
    let fellCrit = crit.map { maxShare($0.criterionChanges) { $0.below } }.max() ?? .nan
    func power(_ n: Int) -> String {
        guard let r = all[Cell(correlation: "moderate", index: 0.93, n: n)]?[m] else { return "–" }
        return pct(r.index.share(r.index.flagged))
    }
    let width = all[Cell(correlation: "moderate", index: 0.96, n: 30)]?[m].map { pct($0.index.medianWidth) } ?? "–"
    print(m.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
          + String(format: " %9@ %5@ %9@ %5@ %13@ %8@/%@/%@ %17@/%@ %14@", pct(indexCov), pct(indexAbove), pct(elemCov),
                   pct(elemAbove), pct(fa), pct(fellIndex), pct(fellElem), pct(fellCrit), power(30), power(100), width))
}

let d = options.detail
print("\n== \(d.rawValue) in detail ==")
table("SIPAS index: coverage of the 95% interval", { covCell($0.index) }, method: d)
table("SIPAS index: mean error of the estimate (points)", { pct($0.index.error / Double($0.index.count)) }, method: d)
table("SIPAS index: median width (points)", { pct($0.index.medianWidth) }, method: d)
table("SIPAS index: flagged 'below target' (whole interval under 0.96): false alarm at 0.96 and above, power at 0.93",
      { pct($0.index.share($0.index.flagged)) }, method: d)
table("Element indices: coverage of the worst-covered element", { covCell(worstElement($0.elements)) }, method: d)
table("Change of the index when nothing changed: coverage of 0 ↑ ↓ (↓ = a false 'fell')", { covCell($0.indexChange) }, method: d)
table("Change of an element when nothing changed: coverage of the worst element, the highest 'fell' share",
      { "\(pct(worstElement($0.elementChanges).share(worstElement($0.elementChanges).covered))) ↓\(pct(maxShare($0.elementChanges) { $0.below }))" }, method: d)
table("Criteria (Wilson) and their change (Newcombe): worst coverage; highest false 'fell' share",
      { r in "\(pct(worstElement(r.criteria).share(worstElement(r.criteria).covered))) ↓\(pct(maxShare(r.criterionChanges) { $0.below }))" },
      method: options.methods[0])

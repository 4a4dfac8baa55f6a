import Foundation

// sipas-surveys: synthetic citizen-satisfaction exports for sipas (see surveys/README.md).

let usage = """
    sipas-surveys — synthetic SIPAS survey exports (deterministic: same flags, same bytes)

    USAGE
      sipas-surveys bundled --out DIR [--seed N]
          Writes the bundled demo exports of the Department of Science and Technology
          of Lai Châu (2023, 2024 and a 2025 Q1 workbook) into DIR (normally surveys/).
      sipas-surveys big --out FILE [--responses N] [--year YYYY] [--seed N] [--format csv|xlsx]
          Writes one large plain export: UTF-8, LF, comma, canonical headers, ratings 1–5.
          With --format xlsx, the same rows as a workbook (shared strings, date-time cells,
          ratings as numbers). Defaults: --responses 1000000 --year 2024 --seed 1 --format csv.
      sipas-surveys --help

    EXAMPLES
      swift run sipas-surveys bundled --out surveys/
      swift run -c release sipas-surveys big --responses 1000000 --out /tmp/big.csv
      swift run -c release sipas-surveys big --responses 1000000 --format xlsx --out /tmp/big.xlsx

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("sipas-surveys: \(message)\n\nRun 'sipas-surveys --help' for usage.\n".utf8))
    exit(2)
}

func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Parses `--name value` pairs after the subcommand; only the allowed names.
func options(_ args: ArraySlice<String>, allowed: Set<String>) -> [String: String] {
    var result: [String: String] = [:]
    var i = args.startIndex
    while i < args.endIndex {
        let arg = args[i]
        var name = arg, value: String?
        if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
            name = String(arg[..<eq])
            value = String(arg[arg.index(after: eq)...])
        }
        guard name.hasPrefix("--"), allowed.contains(String(name.dropFirst(2))) else { fail("unknown option '\(arg)'") }
        if value == nil {
            i += 1
            guard i < args.endIndex else { fail("\(name) needs a value") }
            value = args[i]
        }
        result[String(name.dropFirst(2))] = value
        i += 1
    }
    return result
}

func integer(_ opts: [String: String], _ name: String, default d: Int, range: ClosedRange<Int>) -> Int {
    guard let text = opts[name] else { return d }
    guard let v = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(v) else {
        fail("--\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
    }
    return v
}

let args = CommandLine.arguments.dropFirst()
guard let command = args.first else {
    print(usage, terminator: "")
    exit(2)
}

do {
    switch command {
    case "-h", "--help", "help":
        print(usage, terminator: "")

    case "bundled":
        let opts = options(args.dropFirst(), allowed: ["out", "seed"])
        guard let out = opts["out"] else { fail("bundled needs --out DIR") }
        let seed = UInt64(integer(opts, "seed", default: 20_240_101, range: 0...Int.max))
        let summary = try writeBundled(outDirectory: out, seed: seed)
        for f in summary.files {
            note("wrote \(out.hasSuffix("/") ? out : out + "/")\(f.name): \(f.records) records, \(f.bytes) bytes")
        }
        note("bad rows (header = row 1):")
        for b in summary.badRows {
            note("  \(b.file) row \(b.row) (line \(b.line)) \(b.id): \(b.reason)")
        }

    case "big":
        let opts = options(args.dropFirst(), allowed: ["out", "responses", "year", "seed", "format"])
        guard let out = opts["out"] else { fail("big needs --out FILE") }
        let responses = integer(opts, "responses", default: 1_000_000, range: 0...100_000_000)
        let year = integer(opts, "year", default: 2024, range: 2000...2100)
        let seed = UInt64(integer(opts, "seed", default: 1, range: 0...Int.max))
        let start = Date()
        let result: (rows: Int, bytes: Int)
        switch opts["format"] ?? "csv" {
        case "csv": result = try writeBig(responses: responses, year: year, path: out, seed: seed)
        case "xlsx": result = try writeBigWorkbook(responses: responses, year: year, path: out, seed: seed)
        case let other: fail("--format must be csv or xlsx, got '\(other)'")
        }
        let seconds = Date().timeIntervalSince(start)
        note("wrote \(out): \(result.rows) rows, \(result.bytes) bytes in \(String(format: "%.2f", seconds)) s")

    default:
        fail("unknown command '\(command)'")
    }
} catch {
    fail("\(error)")
}

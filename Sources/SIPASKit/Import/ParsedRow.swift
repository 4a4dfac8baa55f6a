import SIPASStatistics
import SurveyCSV

/// A row that passed validation: typed once, at the edge. Text values that repeat are indices into
/// the batch's dimension tables (see `ValidatedBatch`).
struct ParsedRow: Sendable {
    var record: Int32            // index of the record in its RecordBatch (for the raw text of a conflict)
    var rowNumber: Int32
    var day: Int32               // yyyymmdd
    var time: Int32              // seconds since midnight, -1 when not given
    var procedure: Int32
    var unit: Int32              // 0 = not given
    var channel: Int32
    var respondentType: Int32
    var key: CellText
    var dossier: CellText
    var comment: CellText
    /// Where this row's ratings start in its batch's `ratings`.
    var ratingsStart: Int32
    var contentHash: Int64

    /// The row's tally group, in the file's local indices.
    var groupKey: TallyAccumulator.GroupKey {
        TallyAccumulator.GroupKey(month: day / 100, procedure: procedure, unit: unit, channel: channel,
                                  respondentType: respondentType)
    }
}

/// A text cell (an id, a dossier code, a comment), kept as the file's own bytes when they are already
/// NFC (ASCII, or Vietnamese text `NFCQuickCheck` vouches for: no String to allocate per row), else as
/// the NFC text.
enum CellText: Sendable, Equatable {
    case none
    /// UTF-8 bytes that are already NFC, left where they are: this range of the batch's field bytes
    /// (`RecordBatch.withUnsafeBytes`).
    case inPlace(Range<Int32>)
    case text(String)

    /// Calls `body` with the cell's UTF-8 bytes (nil for no value), valid only inside `body`.
    /// `batchBytes` are the field bytes of the cell's batch.
    func withBytes<R>(in batchBytes: UnsafeRawBufferPointer,
                      _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        switch self {
        case .none: return try body(nil)
        case let .inPlace(range): return try body(UnsafeRawBufferPointer(rebasing: batchBytes[Int(range.lowerBound)..<Int(range.upperBound)]))
        case let .text(text): return try CellText.withBytes(text, body)
        }
    }

    static func withBytes<R>(_ text: String?, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard var text else { return try body(nil) }
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    func string(in batchBytes: UnsafeRawBufferPointer) -> String? {
        withBytes(in: batchBytes) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }
}

enum RatingCode {
    static let notAsked: UInt8 = Tally.notAsked
}

/// A row that was rejected, with all its problems and its text as the file has it (NFC).
struct RejectedRow: Sendable {
    var rowNumber: Int
    var diagnostics: [Diagnostic]
    var raw: String
    /// The row's response id (trimmed, NFC), when it has one: a later import of that id resolves it.
    var responseKey: String? = nil
}

/// A procedure first seen in this file (or seen again with a name where it had none).
struct ProcedureInfo: Sendable, Equatable {
    var code: String
    var name: String
    var field: String
}

/// What the reading thread hands to the writing thread.
struct ValidatedBatch: Sendable {
    var records: RecordBatch
    var criterionCount: Int
    /// The response id's column (0-based) and header as the file spells it, for conflict diagnostics.
    var keyColumn: (index: Int, name: String)?
    /// The rows' ratings, `criterionCount` bytes a row (one allocation a batch, not one a row): 0 no
    /// answer, 1...5 a rating, `RatingCode.notAsked` when the file has no column for that criterion.
    var ratings: [UInt8] = []
    var rows: [ParsedRow] = []
    var rejected: [RejectedRow] = []
    /// Dimension values first seen in this batch, in index order (indices continue the previous batches').
    var newProcedures: [ProcedureInfo] = []
    /// Procedures seen before without a name that this batch names.
    var procedureUpdates: [ProcedureInfo] = []
    var newUnits: [String] = []
    var newChannels: [String] = []
    var newRespondentTypes: [String] = []
    var bytesRead: Int = 0
    /// Whether the reading thread counted the rows into the file's tallies (`SharedTallies`); if not,
    /// the writer counts those it stores.
    var countedByReader = false
}

extension ValidatedBatch {
    func ratings(of row: ParsedRow) -> ArraySlice<UInt8> {
        let start = Int(row.ratingsStart)
        return ratings[start..<(start + criterionCount)]
    }
}

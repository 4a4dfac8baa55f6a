import SurveyCSV

/// Validation of one file's parsed batches, in order, counting those it has time for (`SharedTallies`),
/// sending validated batches (then the tally) to the writer's queue: on the parsing thread for a CSV file, on a thread of its own for a
/// workbook (`FileReading.start`).
final class ValidationStage: @unchecked Sendable {
    private let path: String
    private let options: ImportOptions
    private let queue: BlockingQueue<FileReading.Message>
    private var opened: (encoding: TextEncoding, detected: Bool, delimiter: UInt8, byteCount: Int,
                         workbook: FileReading.WorkbookTable?)?
    private var validator: RowValidator?
    private let tally: SharedTallies
    private var rows = 0
    private var batches = 0

    init(path: String, options: ImportOptions, tallies: SharedTallies, into queue: BlockingQueue<FileReading.Message>) {
        self.path = path
        self.options = options
        self.queue = queue
        tally = tallies
    }

    /// Handles the parser's next message. False when the file is over for the import: ended, failed, or
    /// the writer stopped taking batches (the parser stops reading then).
    func handle(_ message: FileReading.Parsed) -> Bool {
        do {
            switch message {
            case let .failed(error):
                _ = queue.put(.failed(error))
                return false
            case let .opened(encoding, detected, delimiter, byteCount, workbook):
                opened = (encoding, detected, delimiter, byteCount, workbook)
                return true
            case let .records(batch, bytesRead):
                guard let file = opened else { return true }
                var first = 0
                if validator == nil {
                    guard batch.count > 0 else { return true }
                    let header = try FileReading.bindHeader(batch, path: path, options: options, file: file)
                    validator = RowValidator(file: path, binding: header.binding,
                                             criterionCount: options.catalog.criterionCount, scale: header.scale)
                    guard queue.put(.header(header)) else { return false }
                    first = 1
                }
                var validated = validator!.validate(batch, from: first, bytesRead: bytesRead)
                rows += validated.rows.count + validated.rejected.count
                batches += 1
                switch options.tallyCounting {
                case .adaptive: validated.countedByReader = queue.count > 0
                case .reader: validated.countedByReader = true
                case .writer: validated.countedByReader = false
                case .alternating: validated.countedByReader = batches % 2 == 1
                }
                if validated.countedByReader { tally.record(validated.rows, of: validated, sign: 1) }
                return queue.put(.batch(validated))
            case let .end(table):
                guard validator != nil else { throw SIPASError.fileEmpty(path: path) }
                _ = queue.put(.finished(rows: rows, table: table))
                return false
            }
        } catch let error as SIPASError {
            _ = queue.put(.failed(error))
        } catch {
            _ = queue.put(.failed(.fileUnreadable(path: path, reason: String(describing: error))))
        }
        return false
    }
}

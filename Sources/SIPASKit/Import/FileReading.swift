import Foundation
import SurveyCSV
import SurveyXLSX

/// The reading thread of one import: libcsv → header binding → row validation → tally counting,
/// handing validated batches to the writing thread through a bounded queue.
enum FileReading {
    struct Header: Sendable {
        var binding: HeaderBinding
        var scale: RatingScale
        var scaleInferred: Bool
        var encoding: TextEncoding
        var encodingDetected: Bool
        var delimiter: UInt8
        var byteCount: Int
        /// Set for a workbook: the sheet and the header's rows.
        var workbook: WorkbookTable?
    }

    /// Where a workbook's table is.
    struct WorkbookTable: Sendable, Equatable {
        var sheet: String
        var headerRows: ClosedRange<Int>
    }

    enum Message: Sendable {
        case header(Header)
        case batch(ValidatedBatch)
        case finished(tally: TallyAccumulator, rows: Int, table: TableReport?)
        case failed(SIPASError)
    }

    private struct Stopped: Error {}

    /// What the parsing thread hands to the validating thread.
    enum Parsed: Sendable {
        case opened(encoding: TextEncoding, detected: Bool, delimiter: UInt8, byteCount: Int, workbook: WorkbookTable?)
        case records(RecordBatch, bytesRead: Int)
        case end(table: TableReport?)
        case failed(SIPASError)
    }

    /// Starts the pipeline — a parsing thread (file → libcsv → record batches) and a validating thread
    /// (records → typed rows, tallies) — so that, with the caller writing, the work spreads over both
    /// cores. Messages arrive on the returned queue, `.header` or `.failed` first. Both queues are
    /// bounded, so memory stays flat whatever the file's size.
    static func start(path: String, options: ImportOptions) -> BlockingQueue<Message> {
        let parsed = BlockingQueue<Parsed>(capacity: 2)
        let validated = BlockingQueue<Message>(capacity: 2)
        // Each thread names itself, so that its CPU can be read from /proc (scripts/bench-import.sh does).
        let parser = Thread {
            Thread.current.name = "sipas-parse"
            if WorkbookKind.of(path: path) == .other {
                parse(path: path, options: options, into: parsed)
            } else {
                parseWorkbook(path: path, options: options, into: parsed)
            }
        }
        let validator = Thread {
            Thread.current.name = "sipas-validate"
            validate(path: path, options: options, from: parsed, into: validated)
        }
        for thread in [parser, validator] {
            thread.stackSize = 4 << 20
            thread.start()
        }
        return validated
    }

    private static func parse(path: String, options: ImportOptions, into queue: BlockingQueue<Parsed>) {
        do {
            let reader: CSVReader
            do {
                var readOptions = CSVReadOptions(
                    encoding: options.encoding, delimiter: options.delimiter, chunkSize: options.chunkSize,
                    batchSize: options.batchSize)
                readOptions.hashes = false   // the importer hashes the file ahead of parsing (FileDigest)
                reader = try CSVReader(path: path, options: readOptions)
            } catch {
                throw map(error, path: path)
            }
            guard queue.put(.opened(encoding: reader.encoding, detected: reader.encodingWasDetected,
                                    delimiter: reader.delimiter, byteCount: reader.byteCount, workbook: nil)) else { return }
            do {
                try reader.read { batch in
                    guard queue.put(.records(batch, bytesRead: reader.bytesRead)) else { throw Stopped() }
                }
            } catch is Stopped {
                return
            } catch {
                throw map(error, path: path)
            }
            _ = queue.put(.end(table: nil))
        } catch let error as SIPASError {
            _ = queue.put(.failed(error))
        } catch {
            _ = queue.put(.failed(.fileUnreadable(path: path, reason: String(describing: error))))
        }
    }

    private static func validate(path: String, options: ImportOptions, from input: BlockingQueue<Parsed>,
                                 into queue: BlockingQueue<Message>) {
        let catalog = options.catalog
        var opened: (encoding: TextEncoding, detected: Bool, delimiter: UInt8, byteCount: Int, workbook: WorkbookTable?)?
        var validator: RowValidator?
        var tally = TallyAccumulator(criterionCount: catalog.criterionCount)
        var rows = 0
        func send(_ message: Message) -> Bool { queue.put(message) }
        // However this thread ends (done, failed, or the writer stopped), the parser stops too.
        defer { input.close() }
        do {
            while true {
                switch input.take() {
                case let .failed(error):
                    _ = send(.failed(error))
                    return
                case let .opened(encoding, detected, delimiter, byteCount, workbook):
                    opened = (encoding, detected, delimiter, byteCount, workbook)
                case let .records(batch, bytesRead):
                    guard let file = opened else { continue }
                    var first = 0
                    if validator == nil {
                        guard batch.count > 0 else { continue }
                        let header = try bindHeader(batch, path: path, options: options, file: file)
                        validator = RowValidator(file: path, binding: header.binding,
                                                 criterionCount: catalog.criterionCount, scale: header.scale)
                        guard send(.header(header)) else { return }
                        first = 1
                    }
                    let validated = validator!.validate(batch, from: first, bytesRead: bytesRead, tally: &tally)
                    rows += validated.rows.count + validated.rejected.count
                    guard send(.batch(validated)) else { return }
                case let .end(table):
                    guard validator != nil else { throw SIPASError.fileEmpty(path: path) }
                    tally.settle()
                    _ = send(.finished(tally: tally, rows: rows, table: table))
                    return
                }
            }
        } catch let error as SIPASError {
            _ = send(.failed(error))
        } catch {
            _ = send(.failed(.fileUnreadable(path: path, reason: String(describing: error))))
        }
    }

    /// Binds the header (record 0) and settles the scale: given, or inferred from the batch's ratings.
    private static func bindHeader(_ batch: RecordBatch, path: String, options: ImportOptions,
                                   file: (encoding: TextEncoding, detected: Bool, delimiter: UInt8, byteCount: Int,
                                          workbook: WorkbookTable?))
        throws(SIPASError) -> Header {
        let headers = (0..<batch.fieldCount(0)).map { batch.string(0, $0).nfc }
        let binding = try HeaderBinding.bind(headers: headers, catalog: options.catalog, file: path)
        var scale = options.scale ?? .five
        var inferred = false
        if options.scale == nil {
            var cells: [ArraySlice<UInt8>] = []
            for record in 1..<max(batch.count, 1) where batch.fieldCount(record) == binding.headerCount {
                for (column, _) in binding.criteria { cells.append(batch.field(record, column)) }
            }
            if RatingReader.inferScale(from: cells) == .three {
                scale = .three
                inferred = true
            }
        }
        return Header(binding: binding, scale: scale, scaleInferred: inferred, encoding: file.encoding,
                      encodingDetected: file.detected, delimiter: file.delimiter, byteCount: file.byteCount,
                      workbook: file.workbook)
    }

    private static func map(_ error: any Error, path: String) -> SIPASError {
        guard let error = error as? CSVError else {
            return .fileUnreadable(path: path, reason: String(describing: error))
        }
        switch error {
        case let .cannotOpen(_, reason), let .readFailed(_, reason): return .fileUnreadable(path: path, reason: reason)
        case .empty: return .fileEmpty(path: path)
        case .notText: return .fileNotText(path: path)
        case let .encodingSuspect(_, looksLike, readAs):
            return .fileEncodingSuspect(path: path, looksLike: looksLike.rawValue, readAs: readAs?.rawValue)
        case .libcsvInit: return .fileUnreadable(path: path, reason: "libcsv")
        }
    }
}

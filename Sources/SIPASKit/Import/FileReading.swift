import Foundation
import SurveyCSV
import SurveyXLSX

/// The reading side of one import: libcsv → header binding → row validation → tally counting,
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
        case finished(rows: Int, table: TableReport?)
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

    /// Starts the pipeline, with the caller writing, so that the work spreads over both cores. A CSV file
    /// is parsed and validated on one thread, each batch validated as soon as libcsv has made it (records →
    /// typed rows, and the tallies when the writer is the busier thread: `SharedTallies`); a workbook, whose XML parsing is the heavier part, has a thread of its own for
    /// validation. Messages arrive on the returned queue, `.header` or `.failed` first. The queues are
    /// bounded, so memory stays flat whatever the file's size.
    ///
    /// Why CSV has no validating thread of its own: on two cores, three busy threads (parse, validate,
    /// write) left the writer's core idle whenever it waited a moment for a batch, while parsing and
    /// validation took turns on the other core (sampled from /proc: together one core's worth, 0.46 + 0.46,
    /// the writer 0.82, on the comment-rich shape). One thread for both, three alternating 1M imports each:
    /// comment-rich 8.57 / 7.86 / 8.17 s → 7.60 / 8.26 / 7.50 s, generated 6.37 / 5.92 / 6.53 → 5.83 / 5.86 /
    /// 5.85 s; NFD text and a cumulative export within the noise; the peak up to 3 MiB higher (README: Speed).
    static func start(path: String, options: ImportOptions, tallies: SharedTallies) -> BlockingQueue<Message> {
        let validated = BlockingQueue<Message>(capacity: 2)
        let stage = ValidationStage(path: path, options: options, tallies: tallies, into: validated)
        var threads: [Thread] = []
        if WorkbookKind.of(path: path) == .other {
            // Each thread names itself, so that its CPU can be read from /proc (scripts/bench-import.sh does).
            threads.append(Thread {
                Thread.current.name = "sipas-parse"
                parse(path: path, options: options, into: stage.handle)
            })
        } else {
            let parsed = BlockingQueue<Parsed>(capacity: 2)
            threads.append(Thread {
                Thread.current.name = "sipas-parse"
                parseWorkbook(path: path, options: options, into: parsed)
            })
            threads.append(Thread {
                Thread.current.name = "sipas-validate"
                // However this thread ends (done, failed, or the writer stopped), the parser stops too.
                defer { parsed.close() }
                while stage.handle(parsed.take()) {}
            })
        }
        for thread in threads {
            thread.stackSize = 4 << 20
            thread.start()
        }
        return validated
    }

    /// Parses the CSV file into `sink` (false from it: stop reading).
    private static func parse(path: String, options: ImportOptions, into sink: (Parsed) -> Bool) {
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
            guard sink(.opened(encoding: reader.encoding, detected: reader.encodingWasDetected,
                               delimiter: reader.delimiter, byteCount: reader.byteCount, workbook: nil)) else { return }
            do {
                try reader.read { batch in
                    guard sink(.records(batch, bytesRead: reader.bytesRead)) else { throw Stopped() }
                }
            } catch is Stopped {
                return
            } catch {
                throw map(error, path: path)
            }
            _ = sink(.end(table: nil))
        } catch let error as SIPASError {
            _ = sink(.failed(error))
        } catch {
            _ = sink(.failed(.fileUnreadable(path: path, reason: String(describing: error))))
        }
    }

    /// Binds the header (record 0) and settles the scale: given, or inferred from the batch's ratings.
    static func bindHeader(_ batch: RecordBatch, path: String, options: ImportOptions,
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

import Foundation
import SurveyCSV

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
    }

    enum Message: Sendable {
        case header(Header)
        case batch(ValidatedBatch)
        case finished(tally: TallyAccumulator, sha256: String, rows: Int)
        case failed(SIPASError)
    }

    private struct Stopped: Error {}

    /// Starts the reading thread; its messages arrive on the returned queue, `.header` or `.failed` first.
    static func start(path: String, options: ImportOptions) -> BlockingQueue<Message> {
        let queue = BlockingQueue<Message>(capacity: 2)
        let thread = Thread { run(path: path, options: options, queue: queue) }
        thread.stackSize = 4 << 20
        thread.start()
        return queue
    }

    private static func run(path: String, options: ImportOptions, queue: BlockingQueue<Message>) {
        let catalog = options.catalog
        do {
            let reader: CSVReader
            do {
                reader = try CSVReader(path: path, options: CSVReadOptions(
                    encoding: options.encoding, delimiter: options.delimiter, chunkSize: options.chunkSize))
            } catch {
                throw map(error, path: path)
            }
            var validator: RowValidator?
            var tally = TallyAccumulator(criterionCount: catalog.criterionCount)
            var rows = 0
            do {
                try reader.read { batch in
                    var first = 0
                    if validator == nil {
                        guard batch.count > 0 else { return }
                        let headers = (0..<batch.fieldCount(0)).map { batch.string(0, $0).nfc }
                        let binding = try HeaderBinding.bind(headers: headers, catalog: catalog, file: path)
                        var scale = options.scale ?? .five
                        var inferred = false
                        if options.scale == nil {
                            var cells: [ArraySlice<UInt8>] = []
                            for record in 1..<max(batch.count, 1) where batch.fieldCount(record) == binding.headerCount {
                                for (column, _) in binding.criteria { cells.append(batch.field(record, column)) }
                            }
                            if RatingReader.inferScale(from: cells) == .three { scale = .three; inferred = true }
                        }
                        validator = RowValidator(file: path, binding: binding, criterionCount: catalog.criterionCount,
                                                 delimiter: reader.delimiter, scale: scale)
                        let header = Header(binding: binding, scale: scale, scaleInferred: inferred,
                                            encoding: reader.encoding, encodingDetected: reader.encodingWasDetected,
                                            delimiter: reader.delimiter, byteCount: reader.byteCount)
                        guard queue.put(.header(header)) else { throw Stopped() }
                        first = 1
                    }
                    let validated = validator!.validate(batch, from: first, bytesRead: reader.bytesRead)
                    for row in validated.rows {
                        tally.record(ImportWriter.localKey(row), ratings: validated.ratings(of: row))
                    }
                    rows += validated.rows.count + validated.rejected.count
                    guard queue.put(.batch(validated)) else { throw Stopped() }
                }
            } catch let error as SIPASError {
                throw error
            } catch is Stopped {
                return
            } catch {
                throw map(error, path: path)
            }
            guard validator != nil else { throw SIPASError.fileEmpty(path: path) }
            tally.settle()
            _ = queue.put(.finished(tally: tally, sha256: reader.sha256Hex ?? "", rows: rows))
        } catch let error as SIPASError {
            _ = queue.put(.failed(error))
        } catch {
            _ = queue.put(.failed(.fileUnreadable(path: path, reason: String(describing: error))))
        }
    }

    private static func map(_ error: any Error, path: String) -> SIPASError {
        guard let error = error as? CSVError else {
            return .fileUnreadable(path: path, reason: String(describing: error))
        }
        switch error {
        case let .cannotOpen(_, reason), let .readFailed(_, reason): return .fileUnreadable(path: path, reason: reason)
        case .empty: return .fileEmpty(path: path)
        case .notText: return .fileNotText(path: path)
        case .libcsvInit: return .fileUnreadable(path: path, reason: "libcsv")
        }
    }
}

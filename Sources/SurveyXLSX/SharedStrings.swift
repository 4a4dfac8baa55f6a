import Foundation
import Synchronization

/// The workbook's shared strings (`xl/sharedStrings.xml`): needed whole, since any cell may point at any
/// string, so kept compact — one UTF-8 buffer, each string's length in a byte and where every 32nd string
/// starts (no object per string; 1.1 bytes per string instead of a 4-byte offset: 6 MB less for the
/// benchmark's two million strings). Rich-text runs are joined; phonetic runs (`<rPh>`) are left out;
/// `_x000D_`-style escapes are decoded.
///
/// A workbook's table is read on a thread of its own (`init(xml:part:)`) while the sheet is read: writers
/// put strings in the order cells first use them, so a row needs only strings read long before it, and
/// `bytes(_:)` waits in the rare case it asks for one not read yet. Its buffers are sized once from the
/// part's inflated size (the decoded text is never longer than the XML holding it) and never move, so
/// reading while the table grows is safe; pages not written are never touched, so they cost no memory.
final class SharedStrings: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var byteCount = 0
    /// String i's length, or 255 for a length of 255 or more (then in `long`, under `condition`).
    private let lengths: UnsafeMutablePointer<UInt8>
    private let lengthCapacity: Int
    private var long: [Int: Int] = [:]
    /// `blockStarts[k]` is where string `32 k` starts.
    private let blockStarts: UnsafeMutablePointer<Int>
    /// Strings readable so far (set after a string is whole, read before its bytes).
    private let published = Atomic<Int>(0)
    private let waiters = Atomic<Int>(0)
    private let condition = NSCondition()
    private var finished = true
    private var failure: (any Error)?
    private let stopRequested = Atomic<Bool>(false)

    /// Strings read so far (all of them once the table is loaded).
    var count: Int { published.load(ordering: .acquiring) }

    /// Buffers for the strings of an XML part of `xmlBytes` bytes: the text is never longer than the XML
    /// holding it, and every string takes at least `<si/>` of it. Nil when the address space cannot
    /// reserve them (a zip that claims terabytes).
    private static func buffers(xmlBytes: Int)
        -> (text: UnsafeMutablePointer<UInt8>, capacity: Int, lengths: UnsafeMutablePointer<UInt8>, strings: Int,
            starts: UnsafeMutablePointer<Int>)? {
        let capacity = max(xmlBytes, 16), strings = capacity / 5 + 1
        let text = malloc(capacity)
        let lengths = text == nil ? nil : malloc(strings)
        let starts = lengths == nil ? nil : malloc(MemoryLayout<Int>.stride * (strings / 32 + 1))
        guard let text, let lengths, let starts else {
            free(text)
            free(lengths)
            return nil
        }
        return (text.assumingMemoryBound(to: UInt8.self), capacity, lengths.assumingMemoryBound(to: UInt8.self), strings,
                starts.assumingMemoryBound(to: Int.self))
    }

    private init(_ made: (text: UnsafeMutablePointer<UInt8>, capacity: Int, lengths: UnsafeMutablePointer<UInt8>,
                          strings: Int, starts: UnsafeMutablePointer<Int>)) {
        (buffer, capacity, lengths, lengthCapacity, blockStarts) = made
    }

    /// A complete table, filled by `append` on the calling thread, with room for the strings of an XML
    /// part of `xmlBytes` bytes: empty for a workbook without shared strings, or built by tests.
    convenience init(xmlBytes: Int = 0) {
        self.init(SharedStrings.buffers(xmlBytes: xmlBytes)!)
    }

    /// Starts reading `part` on its own thread; `bytes(_:)` answers as strings arrive, `waitUntilLoaded()`
    /// rethrows what went wrong. A part whose size cannot be reserved is a damaged part, reported so.
    convenience init(xml archive: ZipArchive, part: String) {
        let size = archive.size(of: part) ?? 0
        guard let made = SharedStrings.buffers(xmlBytes: size) else {
            self.init()
            failure = XLSXError.damagedPart(path: archive.path, part: part, reason: "a size of \(size) bytes cannot be held")
            return
        }
        self.init(made)
        finished = false
        nonisolated(unsafe) let archive = archive
        let thread = Thread { [self] in
            Thread.current.name = "sipas-strings"
            var failed: (any Error)?
            do { try load(part, of: archive) } catch { failed = error }
            condition.lock()
            failure = failed
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Parses the part into the table (on the loading thread).
    private func load(_ part: String, of archive: ZipArchive) throws {
        let handler = SharedStringsHandler(table: self)
        let stream = XMLStream(handler: handler)
        handler.stream = stream
        let inflater = InflatingThread(archive, part: part, capacity: 4)
        defer { inflater.close() }
        let problem = try stream.parse(inflater)
        if let failure = handler.failure {
            throw XLSXError.damagedPart(path: archive.path, part: part, reason: String(describing: failure))
        }
        if shouldStop { return }
        if let problem { throw XLSXError.damagedPart(path: archive.path, part: part, reason: problem) }
    }

    deinit {
        free(buffer)
        free(lengths)
        free(blockStarts)
    }

    /// Waits until the whole part is read; rethrows its error (a damaged part).
    func waitUntilLoaded() throws {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        if let failure { throw failure }
    }

    /// Stops the reading early (the workbook is done with) and waits until the thread has let go.
    func close() {
        stopRequested.store(true, ordering: .relaxed)
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// The loading thread stops at the next string once `close()` is called.
    var shouldStop: Bool { stopRequested.load(ordering: .relaxed) }

    struct Overflow: Error, CustomStringConvertible {
        var description: String { "more text than the part's size" }
    }

    func append(_ string: [UInt8]) throws {
        let count = published.load(ordering: .relaxed)
        if byteCount + string.count > capacity || count == lengthCapacity { throw Overflow() }
        string.withUnsafeBufferPointer { (buffer + byteCount).update(from: $0.baseAddress!, count: $0.count) }
        if count & 31 == 0 { blockStarts[count >> 5] = byteCount }
        if string.count < 255 {
            lengths[count] = UInt8(string.count)
        } else {
            lengths[count] = 255
            condition.lock()
            long[count] = string.count
            condition.unlock()
        }
        byteCount += string.count
        published.store(count + 1, ordering: .sequentiallyConsistent)
        if waiters.load(ordering: .sequentiallyConsistent) > 0 {
            condition.lock()
            condition.broadcast()
            condition.unlock()
        }
    }

    @inline(__always) private func length(_ index: Int) -> Int {
        let l = lengths[index]
        if l < 255 { return Int(l) }
        condition.lock()
        defer { condition.unlock() }
        return long[index]!
    }

    /// Waits until string `index` is read or the part is done; the strings readable then.
    private func wait(for index: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        waiters.add(1, ordering: .sequentiallyConsistent)
        defer { waiters.subtract(1, ordering: .sequentiallyConsistent) }
        while published.load(ordering: .sequentiallyConsistent) <= index && !finished { condition.wait() }
        return published.load(ordering: .acquiring)
    }

    /// String `index`'s bytes (valid while the workbook is open); empty for an index out of range (once
    /// the whole part is read: until then, it waits for the string).
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        var available = published.load(ordering: .acquiring)
        if index >= available { available = wait(for: index) }
        guard index >= 0, index < available else { return UnsafeBufferPointer(start: buffer, count: 0) }
        var start = blockStarts[index >> 5]
        for i in (index & ~31)..<index { start += length(i) }
        return UnsafeBufferPointer(start: buffer + start, count: length(index))
    }

    func string(_ index: Int) -> String? {
        guard index >= 0 else { return nil }
        let b = bytes(index)
        if b.isEmpty && index >= count { return nil }
        return String(decoding: b, as: UTF8.self)
    }
}

private final class SharedStringsHandler: XMLHandler {
    private unowned let table: SharedStrings
    /// The current string's bytes, until `</si>` (escapes are decoded there).
    private var current: [UInt8] = []
    private var inText = false
    private var phonetic = 0

    /// Why the table stopped early (its text outgrew the part), reported as the part's damage.
    var failure: (any Error)?
    weak var stream: XMLStream?

    init(table: SharedStrings) { self.table = table }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            current.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            inText = phonetic == 0
        } else if name.is("rPh") {
            phonetic += 1
        }
    }

    override func end(_ name: XMLName) {
        if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phonetic -= 1
        } else if name.is("si") {
            OOXMLEscapes.decode(&current, from: 0)
            do {
                try table.append(current)
            } catch {
                failure = error
                stream?.stop()
            }
            if table.shouldStop { stream?.stop() }
        }
    }

    override func text(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: text) }
    }
}

/// OOXML writes characters XML cannot carry as `_xHHHH_` (e.g. `_x000D_` for a carriage return).
enum OOXMLEscapes {
    /// Decodes the escapes in `bytes[from...]` in place.
    static func decode(_ bytes: inout [UInt8], from start: Int) {
        guard bytes.count - start >= 7 else { return }
        var found = false
        for i in start..<(bytes.count - 6) where bytes[i] == 0x5F && bytes[i + 1] == 0x78 && bytes[i + 6] == 0x5F {
            found = true
            break
        }
        guard found else { return }
        var out: [UInt8] = []
        var i = start
        while i < bytes.count {
            if i + 6 < bytes.count, bytes[i] == 0x5F, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F,
               let code = hex(bytes[(i + 2)..<(i + 6)]), let scalar = Unicode.Scalar(code) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 7
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        bytes.replaceSubrange(start..., with: out)
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for d in digits {
            switch d {
            case 0x30...0x39: v = v * 16 + UInt32(d - 0x30)
            case 0x41...0x46: v = v * 16 + UInt32(d - 0x37)
            case 0x61...0x66: v = v * 16 + UInt32(d - 0x57)
            default: return nil
            }
        }
        return v
    }
}

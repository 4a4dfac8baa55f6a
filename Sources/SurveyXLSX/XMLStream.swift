import Foundation
internal import CLibXML2

/// What a parse of `XMLStream` calls: element starts and ends and text, in document order.
class XMLHandler {
    /// Called for each element start; `name` is the local name (any `x:` prefix removed).
    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    /// The parse's first fatal error, `line N: message` (set by `XMLStream`).
    fileprivate(set) var firstError: String?
    /// The first error was inside a start tag: the tag's later errors replace it.
    fileprivate var inStartTagError = false
}

/// An element's or attribute's local name, valid only during the callback: libxml2's NUL-terminated
/// bytes, compared up to the NUL (no `strlen` per element).
struct XMLName {
    let raw: UnsafePointer<UInt8>

    init(_ raw: UnsafePointer<UInt8>) { self.raw = raw }

    /// Byte `i`; any index up to the name's length is valid (the last is the NUL).
    @inline(__always) subscript(i: Int) -> UInt8 { raw[i] }

    @inline(__always) func `is`(_ literal: StaticString) -> Bool {
        let l = literal.utf8Start, n = literal.utf8CodeUnitCount
        for i in 0..<n where raw[i] != l[i] { return false }
        return raw[n] == 0
    }
}

/// The attributes of an element start, valid only during the callback: libxml2's five pointers per
/// attribute (local name, prefix, URI, value start, value end).
struct XMLAttributes {
    let raw: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// Local name of attribute `i`.
    @inline(__always) func name(_ i: Int) -> UnsafePointer<UInt8> { raw![5 * i]! }

    /// Value of attribute `i` (not NUL-terminated).
    @inline(__always) func value(at i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = raw![5 * i + 3]!, end = raw![5 * i + 4]!
        return UnsafeBufferPointer(start: start, count: end - start)
    }

    /// The value of the attribute whose local name is `name`.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for i in 0..<count where XMLName(self.name(i)).is(name) { return value(at: i) }
        return nil
    }

    func string(local name: StaticString) -> String? {
        value(name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// libxml2's SAX2 parser pulling a part's bytes through a read callback (`xmlCreateIOParserCtxt` +
/// `xmlParseDocument`) from the chunks the inflating thread hands over: element starts and ends and text
/// come out through the handler's methods. Pull mode parses a sheet about 15% faster than feeding the push
/// parser (`xmlParseChunk`) the same chunks (`scripts/bench-xml-parsers.sh`). Never builds a tree; no DTD,
/// no external entities, no network. The only Swift that touches libxml2.
final class XMLStream {
    private var parser: xmlParserCtxtPtr?
    private let handler: XMLHandler
    private let box: Unmanaged<XMLHandler>
    private var sax = xmlSAXHandler()
    /// Called with the bytes inflated so far, each time a chunk is taken.
    var onChunk: (Int) -> Void = { _ in }

    init(handler: XMLHandler) {
        self.handler = handler
        box = Unmanaged.passRetained(handler)
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localname, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localname else { return }
            // The stream holds the handler for the whole parse: no retain and release per callback.
            Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.start(XMLName(localname), XMLAttributes(raw: attributes, count: Int(attributeCount)))
            }
        }
        sax.endElementNs = { context, localname, _, _ in
            guard let context, let localname else { return }
            Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end(XMLName(localname)) }
        }
        sax.characters = { context, text, length in
            guard let context, let text, length > 0 else { return }
            Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.text(UnsafeBufferPointer(start: text, count: Int(length)))
            }
        }
        // The first fatal error stops the parse and is the one reported, as with the push parser: left to
        // itself, the pulling parser goes on and its last error would be a later, derived one ("Premature
        // end of data" after a tag mismatch). Within a broken start tag the push parser reported the tag's
        // last error ("Couldn't find end of Start Tag c" after "AttValue: ' expected"), so those go on to it.
        sax.serror = { _, error in
            guard let error, error.pointee.level == XML_ERR_FATAL,
                  let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let context = parser.pointee.userData else { return }
            let code = error.pointee.code
            let stop: Bool = Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef { handler in
                if handler.firstError != nil && !handler.inStartTagError { return true }
                let inTag = XMLStream.startTagErrors.contains(code)
                if handler.firstError != nil && !inTag && code != Int32(XML_ERR_GT_REQUIRED.rawValue) { return true }
                if code == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue) {
                    // A part that ends inside an element: the push parser's words for it, kept.
                    handler.firstError = "line \(error.pointee.line): Extra content at the end of the document"
                } else if code == Int32(XML_ERR_GT_REQUIRED.rawValue) {
                    // "… Start Tag c line 2": the push parser said it without the tag's line.
                    var text = XMLStream.describe(error)
                    if let r = text.range(of: #" line [0-9]+$"#, options: .regularExpression) { text.removeSubrange(r) }
                    handler.firstError = text
                } else {
                    handler.firstError = XMLStream.describe(error)
                }
                handler.inStartTagError = inTag
                return !inTag
            }
            if stop { xmlStopParser(parser) }
        }
    }

    /// Errors inside an element's start tag (its attributes), after which libxml2 goes on to the tag's end.
    private static let startTagErrors: Set<Int32> = Set([
        XML_ERR_LT_IN_ATTRIBUTE, XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED,
        XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_ATTRIBUTE_REDEFINED, XML_ERR_SPACE_REQUIRED, XML_ERR_NAME_REQUIRED,
    ].map { Int32($0.rawValue) })

    /// libxml2's message with its line.
    fileprivate static func describe(_ error: UnsafePointer<xmlError>) -> String {
        let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
        return "line \(error.pointee.line): \(message)"
    }

    deinit {
        if let parser { xmlFreeParserCtxt(parser) }
        box.release()
    }

    /// The chunks libxml2 reads from, and what went wrong taking them.
    private final class Input {
        let inflater: InflatingThread
        let onChunk: (Int) -> Void
        var chunk = Data()
        var offset = 0
        var inflated = 0
        var failure: (any Error)?

        init(_ inflater: InflatingThread, onChunk: @escaping (Int) -> Void) {
            self.inflater = inflater
            self.onChunk = onChunk
        }

        /// Copies up to `count` bytes into `buffer`: 0 at the end, -1 when the inflater failed.
        func read(_ buffer: UnsafeMutablePointer<CChar>, _ count: Int) -> Int32 {
            while offset == chunk.count {
                do {
                    guard let next = try inflater.next() else { return 0 }
                    chunk = next
                    offset = 0
                    inflated += next.count
                    onChunk(inflated)
                } catch {
                    failure = error
                    return -1
                }
            }
            let n = min(count, chunk.count - offset)
            chunk.withUnsafeBytes { bytes in
                UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            }
            offset += n
            return Int32(n)
        }
    }

    /// Parses the whole document `inflater` yields. Rethrows the inflater's error (a damaged zip entry);
    /// else returns nil when the XML is fine, or libxml2's message with the line.
    func parse(_ inflater: InflatingThread) throws -> String? {
        let input = Input(inflater, onChunk: onChunk)
        let context = Unmanaged.passUnretained(input)
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            return Unmanaged<Input>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.read(buffer, Int(length)) }
        }
        let close: xmlInputCloseCallback = { _ in 0 }
        let ok: Bool = withExtendedLifetime(input) {
            guard let parser = xmlCreateIOParserCtxt(&sax, box.toOpaque(), read, close, context.toOpaque(),
                                                     XML_CHAR_ENCODING_NONE) else { return false }
            self.parser = parser
            // Entities are not substituted from a DTD and nothing is fetched: XML_PARSE_NONET, no NOENT/DTDLOAD.
            xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_COMPACT.rawValue))
            return xmlParseDocument(parser) == 0 && parser.pointee.wellFormed != 0
        }
        if let failure = input.failure { throw failure }
        if let problem = handler.firstError { return problem }
        if ok { return nil }
        guard let parser, let error = xmlCtxtGetLastError(parser) else { return "malformed XML" }
        return XMLStream.describe(error)
    }

    /// Stops the parse from inside a callback; `parse` then reports an error.
    func stop() { if let parser { xmlStopParser(parser) } }

    /// Parses a whole part of `archive` through `handler`, in chunks inflated on their own thread.
    static func parse(_ part: String, of archive: ZipArchive, with handler: XMLHandler) throws {
        let stream = XMLStream(handler: handler)
        let inflater = InflatingThread(archive, part: part, capacity: 4)
        defer { inflater.close() }
        if let problem = try stream.parse(inflater) {
            throw XLSXError.damagedPart(path: archive.path, part: part, reason: problem)
        }
    }
}

import Foundation
internal import CLibXML2

/// A push parser over libxml2's SAX2 interface: bytes go in a chunk at a time, element starts and ends
/// and text come out through the handler's methods. Never builds a tree; no DTD, no external entities,
/// no network. The only Swift that touches libxml2.
class XMLHandler {
    /// Called for each element start; `name` is the local name (any `x:` prefix removed).
    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
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

final class XMLStream {
    private var parser: xmlParserCtxtPtr?
    private let handler: XMLHandler
    private let box: Unmanaged<XMLHandler>
    private var sax = xmlSAXHandler()

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
        // Entities are not substituted from a DTD and nothing is fetched: XML_PARSE_NONET, no NOENT/DTDLOAD.
        parser = xmlCreatePushParserCtxt(&sax, box.toOpaque(), nil, 0, nil)
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_COMPACT.rawValue))
    }

    deinit {
        xmlFreeParserCtxt(parser)
        box.release()
    }

    /// Feeds the next chunk; nil when fine, else libxml2's message with the line.
    func feed(_ bytes: UnsafeRawBufferPointer, final: Bool = false) -> String? {
        var offset = 0
        repeat {
            let n = min(bytes.count - offset, 1 << 30)
            let base = bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            let last = final && offset + n == bytes.count
            if xmlParseChunk(parser, base, Int32(n), last ? 1 : 0) != 0 {
                guard let error = xmlCtxtGetLastError(parser) else { return "malformed XML" }
                let message = error.pointee.message.map { String(cString: $0) }?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
                return "line \(error.pointee.line): \(message)"
            }
            offset += n
        } while offset < bytes.count
        return nil
    }

    /// Stops the parse from inside a callback; `feed` then reports an error.
    func stop() { xmlStopParser(parser) }

    func finish() -> String? {
        feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
    }

    /// Parses a whole part of `archive` through `handler`, in chunks inflated on their own thread.
    static func parse(_ part: String, of archive: ZipArchive, with handler: XMLHandler) throws {
        let stream = XMLStream(handler: handler)
        let inflater = InflatingThread(archive, part: part)
        defer { inflater.close() }
        while let chunk = try inflater.next() {
            if let problem = chunk.withUnsafeBytes({ stream.feed($0) }) {
                throw XLSXError.damagedPart(path: archive.path, part: part, reason: problem)
            }
        }
        if let problem = stream.finish() { throw XLSXError.damagedPart(path: archive.path, part: part, reason: problem) }
    }
}

import Foundation
internal import CExpat

/// A push parser over expat: bytes go in a chunk at a time, element starts and ends and text come out
/// through the handler's methods. Never builds a tree. The only Swift that touches expat.
class XMLHandler {
    /// Called for each element start; `name` is the local name (any `x:` prefix removed).
    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// An element's local name, valid only during the callback.
struct XMLName {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ raw: UnsafePointer<CChar>) {
        let length = strlen(raw)
        let all = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: length)
        if let colon = all.lastIndex(of: 0x3A) {
            bytes = UnsafeBufferPointer(rebasing: all[(colon + 1)...])
        } else {
            bytes = all
        }
    }

    @inline(__always) func `is`(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == bytes.count else { return false }
        let l = literal.utf8Start
        for i in 0..<bytes.count where bytes[i] != l[i] { return false }
        return true
    }
}

/// The attributes of an element start, valid only during the callback.
struct XMLAttributes {
    let raw: UnsafeMutablePointer<UnsafePointer<CChar>?>

    /// The value of the attribute whose local name is `name`.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        var i = 0
        while let key = raw[i] {
            if XMLName(key).is(name), let value = raw[i + 1] {
                return UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self),
                                           count: strlen(value))
            }
            i += 2
        }
        return nil
    }

    /// The value with the exact (prefixed) name, e.g. `r:id`.
    func string(_ name: String) -> String? {
        var i = 0
        while let key = raw[i] {
            if String(cString: key) == name, let value = raw[i + 1] { return String(cString: value) }
            i += 2
        }
        return nil
    }

    func string(local name: StaticString) -> String? {
        value(name).map { String(decoding: $0, as: UTF8.self) }
    }
}

final class XMLStream {
    private let parser: XML_Parser
    private let handler: XMLHandler
    private let box: Unmanaged<XMLHandler>

    init(handler: XMLHandler) {
        self.handler = handler
        parser = XML_ParserCreate("UTF-8")
        box = Unmanaged.passRetained(handler)
        XML_SetUserData(parser, box.toOpaque())
        XML_SetElementHandler(parser, { data, name, attributes in
            guard let data, let name, let attributes else { return }
            Unmanaged<XMLHandler>.fromOpaque(data).takeUnretainedValue().start(XMLName(name), XMLAttributes(raw: attributes))
        }, { data, name in
            guard let data, let name else { return }
            Unmanaged<XMLHandler>.fromOpaque(data).takeUnretainedValue().end(XMLName(name))
        })
        XML_SetCharacterDataHandler(parser, { data, text, length in
            guard let data, let text, length > 0 else { return }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                            count: Int(length))
            Unmanaged<XMLHandler>.fromOpaque(data).takeUnretainedValue().text(bytes)
        })
    }

    deinit {
        XML_ParserFree(parser)
        box.release()
    }

    /// Feeds the next chunk; nil when fine, else expat's message with the line.
    func feed(_ bytes: UnsafeRawBufferPointer, final: Bool = false) -> String? {
        var offset = 0
        repeat {
            // XML_Parse takes an Int32 length.
            let n = min(bytes.count - offset, 1 << 30)
            let base = bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            let last = final && offset + n == bytes.count
            if XML_Parse(parser, base, Int32(n), last ? 1 : 0) != XML_STATUS_OK {
                let message = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "?"
                return "line \(XML_GetCurrentLineNumber(parser)): \(message)"
            }
            offset += n
        } while offset < bytes.count
        return nil
    }

    /// Stops the parse from inside a callback; `feed` then reports an abort.
    func stop() { XML_StopParser(parser, XML_FALSE) }

    func finish() -> String? {
        feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
    }

    /// Parses a whole part of `archive` through `handler`, in chunks.
    static func parse(_ part: String, of archive: ZipArchive, with handler: XMLHandler,
                      afterChunk: () throws -> Void = {}) throws {
        let stream = XMLStream(handler: handler)
        try archive.read(part) { chunk in
            if let problem = stream.feed(chunk) {
                throw XLSXError.damagedPart(path: archive.path, part: part, reason: problem)
            }
            try afterChunk()
        }
        if let problem = stream.finish() { throw XLSXError.damagedPart(path: archive.path, part: part, reason: problem) }
        try afterChunk()
    }
}

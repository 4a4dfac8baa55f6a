/// The text encodings a survey export may arrive in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1258 = "windows-1258"

    /// The byte order mark that introduces this encoding, if any.
    /// A plain `.utf8` reader still strips a UTF-8 BOM when one is present.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8, .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .windows1258: return []
        }
    }

    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }
}

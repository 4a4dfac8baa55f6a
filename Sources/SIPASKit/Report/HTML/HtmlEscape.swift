import Foundation

/// HTML escaping for everything that came from outside the program (CSV text: comments, procedure
/// names, units, codes, labels; the department name; catalogue labels).
///
/// The output of `HtmlReport` is also well-formed XML (XHTML-compatible), so the same rules hold in
/// element text, in attribute values and in SVG `<text>`:
///
/// - `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` (no `&apos;`, which HTML 4 lacks);
/// - control characters that neither HTML nor XML 1.0 allow (C0 except tab and newline, DEL, C1,
///   U+FFFE, U+FFFF) become U+FFFD, so a stray byte in an export cannot break the document;
/// - CR LF and lone CR become LF;
/// - the text is normalised to NFC (import already does this; a report must not depend on it).
///
/// Example: `<script>alert(1)</script>` → `&lt;script&gt;alert(1)&lt;/script&gt;`, shown as text.
enum HtmlEscape {
    /// Escapes `text` for element content.
    static func text(_ text: String) -> String {
        escape(text)
    }

    /// Escapes `value` for a double-quoted attribute value (the same rules: quotes are always escaped).
    static func attribute(_ value: String) -> String {
        escape(value)
    }

    private static func escape(_ raw: String) -> String {
        let input = raw.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in input.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\r": out.append("\n")
            case "\n": if !previousWasCR { out.append("\n") }
            case "\t": out.append(scalar)
            default:
                if isForbidden(scalar.value) {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    private static func isForbidden(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}

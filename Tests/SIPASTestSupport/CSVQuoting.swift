/// Writing fields the way `CSVReader` reads them back: how the tests write their CSV fixtures.
public enum CSVQuoting {
    /// True when a field must be quoted: it holds the delimiter, a quote, CR or LF,
    /// or it starts or ends with a space or tab (quoting keeps them for trimming readers).
    public static func needsQuotes(_ field: some Collection<UInt8>, delimiter: UInt8) -> Bool {
        guard let first = field.first else { return false }
        if first == 0x20 || first == 0x09 { return true }
        var last: UInt8 = first
        for byte in field {
            if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            last = byte
        }
        return last == 0x20 || last == 0x09
    }

    /// Appends one field, quoted and with doubled quotes if needed.
    public static func append(_ field: some Collection<UInt8>, delimiter: UInt8, to line: inout [UInt8]) {
        guard needsQuotes(field, delimiter: delimiter) else {
            line.append(contentsOf: field)
            return
        }
        line.append(0x22)
        for byte in field {
            if byte == 0x22 { line.append(0x22) }
            line.append(byte)
        }
        line.append(0x22)
    }

    /// One CSV line (without terminator) from string fields.
    public static func line(_ fields: [String], delimiter: UInt8) -> String {
        var out: [UInt8] = []
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(delimiter) }
            append(Array(field.utf8), delimiter: delimiter, to: &out)
        }
        if fields.count == 1 && out.isEmpty { out = [0x22, 0x22] }
        return String(decoding: out, as: UTF8.self)
    }
}

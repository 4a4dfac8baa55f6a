import GRDB

/// The department's identity for its documents, said once (`sipas settings`), and the unit names
/// that stand for the codes some exports use.
public enum SettingKey: String, Sendable, CaseIterable, Codable {
    case department, parent, abbreviation, place, addressee
    case signerTitle = "signer-title"
    case signerName = "signer-name"
    /// One recipient a line.
    case recipients
}

extension AppDatabase {
    /// Every stored setting.
    public func settings() throws(SIPASError) -> [SettingKey: String] {
        try read { db in
            var out: [SettingKey: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
                if let key = SettingKey(rawValue: row[0]) { out[key] = row[1] }
            }
            return out
        }
    }

    /// Stores (or replaces) one setting; nil removes it.
    public func setSetting(_ key: SettingKey, _ value: String?) throws(SIPASError) {
        try write { db in
            if let value {
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key.rawValue, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key.rawValue])
            }
        }
    }

    /// Unit codes (or spellings) and the names they stand for, by code.
    public func unitAliases() throws(SIPASError) -> [(code: String, name: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name FROM unit_alias ORDER BY code").map { ($0[0], $0[1]) }
        }
    }

    /// Says that `code` in an export means the unit `name`; nil name removes the mapping.
    public func setUnitAlias(code: String, name: String?) throws(SIPASError) {
        try write { db in
            if let name {
                try db.execute(sql: "INSERT INTO unit_alias (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name",
                               arguments: [code, name])
            } else {
                try db.execute(sql: "DELETE FROM unit_alias WHERE code = ?", arguments: [code])
            }
        }
    }
}

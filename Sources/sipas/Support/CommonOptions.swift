import ArgumentParser
import Foundation
import SIPASKit

/// Options every command that reads the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Tệp cơ sở dữ liệu SQLite (mặc định $SIPAS_DB hoặc ./sipas.sqlite). (Database file.)")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["SIPAS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "sipas.sqlite"
    }

    /// How long a writer waits for another one: `SIPAS_LOCK_WAIT` seconds, default 600.
    static var lockWait: Double? {
        ProcessInfo.processInfo.environment["SIPAS_LOCK_WAIT"].flatMap(Double.init)
    }

    /// Opens the database read-only: what every read command does (never creates, writes or migrates).
    func open() throws -> AppDatabase {
        try AppDatabase(path: path, access: .readOnly)
    }

    /// Opens the database for writing (created, mode 0600, and migrated when needed); says once on
    /// stderr when it waits for another import.
    func openForWriting(_ lang: Language, checkIntegrity: Bool = false) throws -> AppDatabase {
        let path = path
        return try AppDatabase(path: path, access: .readWrite, patience: Self.lockWait, checkIntegrity: checkIntegrity, onWait: {
            Output.err(Messages.waitingForLock(path, lang) + "\n")
        })
    }
}

struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Ngôn ngữ: vi hoặc en. (Language.)")
    var lang: Language = .vi
}

extension Language: ExpressibleByArgument {}

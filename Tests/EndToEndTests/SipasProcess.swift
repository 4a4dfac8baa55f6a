import Foundation
import SIPASTestSupport
import XCTest

/// Runs the real `sipas` binary, as a user would, from the repository root.
struct SipasRun {
    var stdout: String
    var stderr: String
    var status: Int32
    /// True when the process was killed by a signal (then `status` is the signal number).
    var signaled: Bool
}

enum Sipas {
    /// The built binary, beside the test bundle.
    static let binary: URL = {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("sipas")]
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("sipas"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> SipasRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["SIPAS_DB"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return SipasRun(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                        status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal)
    }

    /// The bundled exports, as the README's quick start names them.
    static let surveys = [
        "surveys/2023-trung-tam-hcc.csv", "surveys/2024-may-danh-gia-tai-quay.csv",
        "surveys/2024-q1-q2-trung-tam-hcc.csv", "surveys/2024-q3-q4-cong-dvc.csv",
    ]
}

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

    /// The binary, ready to run from the repository root with `arguments`: no `SIPAS_DB` from the
    /// caller's environment, no colour, no input.
    private static func process(_ arguments: [String], environment: [String: String] = [:],
                                executable: URL? = nil) -> Process {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["SIPAS_DB"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        return process
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> SipasRun {
        try start(arguments, environment: environment).wait()
    }

    /// Starts the binary and returns at once; `wait()` collects what it wrote.
    /// `stdout`, `stderr`: a path to write that stream to instead (e.g. /dev/full).
    static func start(_ arguments: [String], environment: [String: String] = [:],
                      executable: URL? = nil, stdout: String? = nil, stderr: String? = nil) throws -> RunningSipas {
        let process = process(arguments, environment: environment, executable: executable)
        // Output goes to files, so a large output can never block the child on a full pipe.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        if let stdout { process.standardOutput = FileHandle(forWritingAtPath: stdout) }
        process.standardError = err
        if let stderr { process.standardError = FileHandle(forWritingAtPath: stderr) }
        try process.run()
        return RunningSipas(process: process, directory: directory, out: out, err: err)
    }

    /// Runs the binary with stderr on a pseudo-terminal (stdout discarded), as when a person runs it
    /// in a terminal; returns everything written to the terminal.
    static func runOnTerminal(_ arguments: [String]) throws -> (terminal: String, status: Int32) {
        // posix_openpt and friends are not in Swift's Glibc module: the same, by hand (Linux). The two
        // requests are function-like macros Swift cannot import: _IOW('T', 0x31, int) and
        // _IOR('T', 0x30, unsigned int), the same values on x86-64 and arm64.
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: CInt = 0, number: CUnsignedInt = 0
        guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            throw NSError(domain: "pty", code: Int(errno))
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw NSError(domain: "pty", code: Int(errno)) }
        defer { close(master) }
        let process = process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        // The terminal is read while the child runs (a full terminal buffer would block it).
        let collected = LockedData()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }   // EIO once the child has exited and no one holds the terminal
                collected.append(buffer[0..<n])
            }
            done.signal()
        }
        try process.run()
        close(slave)
        process.waitUntilExit()
        done.wait()
        return (String(decoding: collected.bytes, as: UTF8.self), process.terminationStatus)
    }

    /// Runs another program (e.g. `setpriv … sipas …`) the way `run` runs the binary.
    static func runProgram(_ command: [String]) throws -> SipasRun {
        let running = try start(Array(command.dropFirst()), executable: URL(fileURLWithPath: command[0]))
        return try running.wait()
    }

    /// The bundled exports, as the README's quick start names them.
    static let surveys = [
        "surveys/2023-trung-tam-hcc.csv", "surveys/2024-may-danh-gia-tai-quay.csv",
        "surveys/2024-q1-q2-trung-tam-hcc.csv", "surveys/2024-q3-q4-cong-dvc.csv",
    ]
}

/// Bytes appended from one thread and read from another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [UInt8] = []
    func append(_ bytes: ArraySlice<UInt8>) { lock.lock(); data.append(contentsOf: bytes); lock.unlock() }
    var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return data }
}

/// A started `sipas` process.
struct RunningSipas {
    let process: Process
    let directory: URL
    let out: FileHandle
    let err: FileHandle

    var isRunning: Bool { process.isRunning }

    func wait() throws -> SipasRun {
        defer { try? FileManager.default.removeItem(at: directory) }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: directory.appendingPathComponent("out"))
        let errData = try Data(contentsOf: directory.appendingPathComponent("err"))
        return SipasRun(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                        status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal)
    }
}

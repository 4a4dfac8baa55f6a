// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sipas",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SIPASKit", targets: ["SIPASKit"]),
        .executable(name: "sipas", targets: ["sipas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Zip archives (workbooks in, and the Word report out); inflates a member in chunks.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The only C: libcsv from Debian's libcsv-dev (no pkg-config file; the module map links "csv").
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        // SHA-256 from Debian's libssl-dev (libcrypto): 1.8 GB/s with the CPU's SHA instructions.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        // libxlsxwriter from Debian's libxlsxwriter-dev: the C library made for writing .xlsx, with a
        // constant-memory mode for large sheets. Its xlsxwriter.pc adds only -I/usr/include and -lz (which the
        // shared library already links), so the module map links "xlsxwriter" as CLibCSV's links "csv".
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),
        // The only Swift that touches libxlsxwriter: workbooks, sheets, cells, styles and charts as
        // Swift values; no pointer leaves it.
        .target(name: "XLSXWriter", dependencies: ["CXlsxWriter"]),
        // The only Swift that touches libcsv and libcrypto: bytes -> records, dialect, encodings,
        // row numbers, the file's SHA-256.
        .target(name: "SurveyCSV", dependencies: ["CLibCSV", "COpenSSL", "CUTF8"]),
        // UTF-8 validation 32 bytes at a time (AVX2, chosen at run time; none in Debian's C libraries):
        // one C function with plain types; the bytes it leaves, and every processor without AVX2, are
        // checked by SurveyCSV's own byte-by-byte loop (README: Dependencies).
        .target(name: "CUTF8"),
        // libxml2's SAX2 parser from Debian's libxml2-dev (include path from pkg-config), pulling its input
        // through a read callback: the streaming XML parser for workbook sheets, measured faster than expat
        // and than its own push mode on them (README: Workbooks).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        // zlib's crc32 from Debian's zlib1g-dev (which ZIPFoundation already links): the CRC of each inflated
        // chunk, 20 times faster than ZIPFoundation's pure-Swift fallback on Linux (README: Workbooks).
        .systemLibrary(name: "CZlibSystem", path: "Sources/CZlibSystem"),
        // Intel's ISA-L inflate from Debian's libisal-dev: a workbook's deflated parts, three times zlib's speed
        // with the CRC-32 computed as it goes (README: Workbooks).
        .systemLibrary(name: "CISAL", path: "Sources/CISAL"),
        // The only Swift that touches the zip and XML libraries: workbook bytes -> sheets -> rows of
        // typed cells, and the same record batches SurveyCSV yields.
        // Its per-cell callbacks mutate one handler object: the run-time exclusivity checks (about 5% of a
        // million-row workbook import's CPU in `perf record`) are off for this target alone.
        .target(name: "SurveyXLSX", dependencies: ["CLibXML2", "CZlibSystem", "CISAL", "SurveyCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // Unicode NFC through ICU's normaliser (Debian's libicu-dev, libicuuc): one C function with plain
        // types in its header, so no ICU header meets the ICU copy inside Foundation. About 5x faster
        // than Foundation's normalisation on decomposed Vietnamese (README: Dependencies).
        .target(name: "CUnicodeNFC", linkerSettings: [.linkedLibrary("icuuc")]),
        // sqlite3_config(SQLITE_CONFIG_PMASZ) for Storage: the size of each run of SQLite's sorter, so the
        // comment index of a large import is sorted on two threads in the memory one used (README: Speed).
        // sqlite3_config is variadic, which Swift cannot call; the header is Debian's libsqlite3-dev.
        .target(name: "CSQLiteSorter", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Pure statistics: counts -> rates, indices, intervals. No I/O, no GRDB, no formatting.
        .target(name: "SIPASStatistics"),
        // The engine.
        .target(
            name: "SIPASKit",
            dependencies: [
                "SurveyCSV", "SurveyXLSX", "SIPASStatistics", "XLSXWriter", "CUnicodeNFC", "CSQLiteSorter",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw sqlite3_* API, used by Storage alone for the import hot loop.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The thin executable.
        .executableTarget(
            name: "sipas",
            dependencies: [
                "SIPASKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic survey exports: the bundled surveys/ and benchmark files.
        .executableTarget(name: "sipas-surveys", dependencies: ["SurveyCSV", "SurveyXLSX"]),
        // The coverage benchmark of the intervals (make bench-coverage): simulated respondents, real estimator.
        .executableTarget(name: "sipas-coverage", dependencies: ["SIPASStatistics"]),

        // Helpers the test targets share: golden files, temporary directories, the repository root, a CSV writer.
        .target(name: "SIPASTestSupport", path: "Tests/SIPASTestSupport"),
        .testTarget(name: "SurveyCSVTests", dependencies: ["SurveyCSV", "SIPASTestSupport"]),
        .testTarget(name: "SurveyXLSXTests", dependencies: [
            "SurveyXLSX", "SIPASTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Workbooks read back for the tests with the project's own reader.
        .target(name: "WorkbookTestSupport", dependencies: [
            "SurveyXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Tests/WorkbookTestSupport"),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "SIPASTestSupport", "WorkbookTestSupport"]),
        .testTarget(name: "SIPASStatisticsTests", dependencies: ["SIPASStatistics", "SIPASTestSupport"]),
        .testTarget(name: "SIPASKitTests", dependencies: ["SIPASKit", "SurveyXLSX", "SIPASTestSupport", "WorkbookTestSupport"],
                    exclude: ["Golden"]),
        // GRDB: the database-fault tests make foreign and damaged SQLite files and hold locks.
        .testTarget(name: "EndToEndTests", dependencies: ["SIPASKit", "SurveyXLSX", "sipas", "SIPASTestSupport", "WorkbookTestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Golden"]),
    ]
)

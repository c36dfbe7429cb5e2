// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "InformationBoard",
    products: [
        .executable(name: "kiosk", targets: ["KioskTUI"]),
        .library(name: "BoardModel", targets: ["BoardModel"]),
        .executable(name: "kiosk-bench", targets: ["KioskBench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libxcrypt: salted slow hashes of dossier access codes and of the staff PIN (yescrypt).
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        // The pure core: domain, content validation, state machine, layout into a grid,
        // plus the SQLite store (the only I/O here, reached through effects).
        .target(
            name: "BoardModel",
            dependencies: ["CSQLite", "CCrypt"]
        ),
        // The terminal: ncurses backend, command line, OS calls.
        .executableTarget(
            name: "KioskTUI",
            dependencies: ["BoardModel", "CNcursesw", "CCrypt"]
        ),
        // `swift run -c release kiosk-bench`: builds a large database and measures the board.
        .target(name: "CBenchPty"),
        .executableTarget(
            name: "KioskBench",
            dependencies: ["BoardModel", "CSQLite", "CBenchPty"]
        ),
        .target(
            name: "BoardTestSupport",
            dependencies: ["BoardModel"],
            path: "Tests/BoardTestSupport"
        ),
        .testTarget(
            name: "BoardModelTests",
            dependencies: ["BoardModel", "BoardTestSupport"]
        ),
        .testTarget(
            name: "GoldenScreenTests",
            dependencies: ["BoardModel", "BoardTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TerminalTests",
            dependencies: ["BoardTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

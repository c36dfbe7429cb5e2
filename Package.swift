// swift-tools-version:6.0
import PackageDescription

// The targets follow the arrows (each depends on those below it), so that the compiler keeps them:
//
//   KioskTUI ──────────────────────▶ CNcursesw
//      │
//      ▼
//   BoardRuntime ◀──────────── BoardTestSupport (EmbeddedRunner: the runtime on a virtual clock)
//      │          │
//      ▼          ▼
//   BoardView    BoardStore ──▶ CSQLite, CCrypt
//      │          │
//      ▼          ▼
//        BoardCore
//
// BoardCore (domain, state machine, wording, text, search, settings) imports no C module and does
// no I/O; BoardView renders a state into a grid; BoardStore is SQLite and the files; BoardRuntime
// runs effects off the UI loop and owns the clocks; KioskTUI is ncurses and the command line.
let package = Package(
    name: "InformationBoard",
    products: [
        .executable(name: "kiosk", targets: ["KioskTUI"]),
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
        // libxcrypt: the salted slow hashes of access codes and of the staff PIN.
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        .target(name: "BoardCore"),
        .target(name: "BoardView", dependencies: ["BoardCore"]),
        .target(name: "BoardStore", dependencies: ["BoardCore", "CSQLite", "CCrypt"]),
        .target(name: "BoardRuntime", dependencies: ["BoardCore", "BoardView", "BoardStore"]),
        .executableTarget(
            name: "KioskTUI",
            dependencies: ["BoardCore", "BoardView", "BoardStore", "BoardRuntime", "CNcursesw"]
        ),
        // `swift run -c release kiosk-bench`: builds a large database and measures the board.
        .target(name: "CBenchPty"),
        .executableTarget(
            name: "KioskBench",
            dependencies: ["BoardCore", "BoardView", "BoardStore", "BoardRuntime", "CSQLite", "CBenchPty"]
        ),
        .target(
            name: "BoardTestSupport",
            dependencies: ["BoardCore", "BoardView", "BoardStore", "BoardRuntime"],
            path: "Tests/BoardTestSupport"
        ),
        .testTarget(
            name: "BoardModelTests",
            dependencies: ["BoardCore", "BoardView", "BoardStore", "BoardRuntime", "BoardTestSupport"]
        ),
        .testTarget(
            name: "GoldenScreenTests",
            dependencies: ["BoardCore", "BoardView", "BoardStore", "BoardRuntime", "BoardTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TerminalTests",
            dependencies: ["BoardTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

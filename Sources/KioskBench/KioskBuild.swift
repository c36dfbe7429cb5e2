import Glibc

/// Which kiosk a run measured, written into the JSON so that figures of different builds are never
/// compared unknowingly. Boards run the release build with the Swift runtime linked in
/// (`swift build -c release --static-swift-stdlib`, see deploy/README.md).
struct KioskBuild {
    var path: String
    /// "release" or "debug" from the directory SwiftPM builds into; "unknown" elsewhere.
    var configuration: String
    /// "static" or "dynamic": whether the binary names libswiftCore.so among the libraries it loads.
    var swiftRuntime: String
    var bytes: Int
    /// The commit checked out in the work tree that holds the binary, "+changes" when that tree
    /// has uncommitted changes; nil outside a git work tree. It says where the binary lies, not
    /// what it was built from.
    var workTreeCommit: String?

    /// Whether this is the build a board runs.
    var isBoardBuild: Bool { configuration == "release" && swiftRuntime == "static" }

    /// Looks at the binary: where it lies, its size, the libraries it loads.
    static func inspect(path: String) -> KioskBuild {
        var info = stat()
        let bytes = stat(path, &info) == 0 ? Int(info.st_size) : 0
        let configuration = path.contains("/release/") ? "release" : path.contains("/debug/") ? "debug" : "unknown"
        let runtime =
            neededLibraries(path).map { names in
                names.contains { $0.hasPrefix("libswiftCore.so") } ? "dynamic" : "static"
            } ?? "unknown"
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        var commit = output(of: "git -C '\(directory)' rev-parse --short HEAD 2>/dev/null")
        let changes = output(of: "git -C '\(directory)' status --porcelain --untracked-files=no 2>/dev/null")
        if commit != nil, let changes, !changes.isEmpty {
            commit! += "+changes"
        }
        return KioskBuild(
            path: path, configuration: configuration, swiftRuntime: runtime, bytes: bytes,
            workTreeCommit: commit)
    }

    /// "static" or "dynamic" for a running process (this one: `getpid()`), by what it maps.
    static func swiftRuntime(of pid: pid_t) -> String {
        guard let maps = readText("/proc/\(pid)/maps") else { return "unknown" }
        return maps.contains("/libswiftCore.so") ? "dynamic" : "static"
    }

    /// The shared libraries a 64-bit little-endian ELF executable names (its DT_NEEDED entries);
    /// nil when the file is not one.
    static func neededLibraries(_ path: String) -> [String]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        /// Up to `count` bytes at `offset` (fewer at the end of the file).
        func bytes(at offset: Int, count: Int) -> [UInt8] {
            guard count > 0, fseeko(file, off_t(offset), SEEK_SET) == 0 else { return [] }
            var buffer = [UInt8](repeating: 0, count: count)
            let read = fread(&buffer, 1, count, file)
            return Array(buffer.prefix(read))
        }
        func integer(_ b: [UInt8], _ at: Int, _ size: Int) -> Int {
            (0..<size).reversed().reduce(0) { $0 << 8 | Int(b[at + $1]) }
        }
        let header = bytes(at: 0, count: 64)
        guard header.count == 64, Array(header[0..<4]) == [0x7F, 0x45, 0x4C, 0x46],
            header[4] == 2, header[5] == 1
        else { return nil }
        let tableAt = integer(header, 0x20, 8), entrySize = integer(header, 0x36, 2), entries = integer(header, 0x38, 2)
        var loads: [(address: Int, offset: Int, size: Int)] = []
        var dynamic: (offset: Int, size: Int)?
        for i in 0..<entries {
            let entry = bytes(at: tableAt + i * entrySize, count: 56)
            guard entry.count == 56 else { return nil }
            let (type, offset, address, size) = (
                integer(entry, 0, 4), integer(entry, 8, 8), integer(entry, 16, 8),
                integer(entry, 32, 8)
            )
            if type == 1 { loads.append((address, offset, size)) }  // PT_LOAD
            if type == 2 { dynamic = (offset, size) }  // PT_DYNAMIC
        }
        guard let dynamic else { return [] }
        let table = bytes(at: dynamic.offset, count: dynamic.size)
        guard table.count == dynamic.size else { return nil }
        var needed: [Int] = []
        var strings: Int?
        for at in stride(from: 0, to: table.count - 15, by: 16) {
            let (tag, value) = (integer(table, at, 8), integer(table, at + 8, 8))
            if tag == 0 { break }  // DT_NULL
            if tag == 1 { needed.append(value) }  // DT_NEEDED
            if tag == 5 { strings = value }  // DT_STRTAB (an address)
        }
        guard let strings, let load = loads.first(where: { strings >= $0.address && strings < $0.address + $0.size })
        else { return nil }
        return needed.compactMap { offset in
            let name = bytes(at: load.offset + strings - load.address + offset, count: 256).prefix { $0 != 0 }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
    }

    var summary: String {
        "\(configuration) build, Swift runtime \(swiftRuntime == "static" ? "linked in (static)" : swiftRuntime), "
            + "\(bytes / 1_000_000) MB" + (workTreeCommit.map { ", work tree at \($0)" } ?? "")
    }

    var json: String {
        "{\"path\": \(jsonString(path)), \"configuration\": \(jsonString(configuration)), "
            + "\"swift_runtime\": \(jsonString(swiftRuntime)), \"bytes\": \(bytes), "
            + "\"work_tree_commit\": \(workTreeCommit.map(jsonString) ?? "null"), \"board_build\": \(isBoardBuild)}"
    }
}

/// What a shell command printed (trailing newline removed); nil when it failed.
func output(of command: String) -> String? {
    guard let pipe = popen(command, "r") else { return nil }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buffer, 1, buffer.count, pipe)
        if n > 0 { bytes += buffer[0..<n] }
        if n < buffer.count { break }
    }
    guard pclose(pipe) == 0 else { return nil }
    var text = String(decoding: bytes, as: UTF8.self)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
}

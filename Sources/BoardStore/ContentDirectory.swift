import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A content directory on disk, as `ContentReader` reads it.
public struct ContentDirectory: ContentFiles {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var name: String { path }

    public var exists: Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) != nil
    }

    public func names(in folder: String) -> [String] {
        let full = folder.isEmpty ? path : path + "/" + folder
        return ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).sorted()
    }

    public func read(_ relative: String) -> ContentFileRead {
        let full = path + "/" + relative
        guard FileManager.default.fileExists(atPath: full) else { return .missing }
        guard let data = FileManager.default.contents(atPath: full) else { return .refused("cannot be read") }
        return .bytes(data)
    }
}

extension ContentReader {
    /// Reads and validates the content directory at `directory`.
    public static func read(directory: String) throws(ContentValidationError) -> ContentSet {
        try read(ContentDirectory(path: directory))
    }
}

extension HolidayCalendar {
    /// Reads the holiday file at `path`.
    public static func load(path: String) throws(ContentValidationError) -> HolidayCalendar {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContentValidationError(issues: [
                ContentIssue(file: path, field: "", message: "cannot read the holiday file")
            ])
        }
        return try HolidayCalendar(parsing: data, file: path)
    }
}

/// One thing wrong in a content directory, named by file and field.
public struct ContentIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the content directory, e.g. `services/2079.json`.
    public var file: String
    /// The field path inside the file, e.g. `tiers[1].fee`; empty for the file as a whole.
    public var field: String
    public var message: String

    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
    }
}

/// All the issues found in a content directory; nothing is imported while there is one.
public struct ContentValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ContentIssue]

    public var description: String {
        let count = issues.count == 1 ? "1 error" : "\(issues.count) errors"
        return "content not imported: \(count)\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
    }

    package init(issues: [ContentIssue]) {
        self.issues = issues
    }
}

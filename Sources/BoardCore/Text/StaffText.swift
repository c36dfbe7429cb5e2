/// Text a staff command prints on a terminal: what the code writes stays as written, and every
/// value put into it is cleaned as the board cleans content (`SafeText.clean`).
///
/// Names, units, paths, checksums and arguments come from content, the database, files or the
/// command line; any of them may hold an escape sequence (a clipboard write, a title change).
/// Building every staff message through this type means no such value reaches the staff's
/// terminal raw, wherever the message is made.
public struct StaffText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The text, safe to write to a terminal.
    public let description: String

    public init(stringLiteral literal: String) {
        description = literal
    }

    public init(stringInterpolation: StringInterpolation) {
        description = stringInterpolation.text
    }

    /// Staff texts joined by line breaks.
    public init(lines: [StaffText]) {
        description = lines.map(\.description).joined(separator: "\n")
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// The code's own words, as written.
        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// A value on one line: control characters and escape sequences removed, line breaks
        /// turned into spaces (so a value cannot fake a line of its own).
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += SafeText.clean(value.description)
        }

        /// A value of several lines, such as a list of import errors: each line cleaned, the
        /// breaks between them kept.
        public mutating func appendInterpolation(lines value: some CustomStringConvertible) {
            text += value.description.split(separator: "\n", omittingEmptySubsequences: false)
                .map { SafeText.clean(String($0)) }.joined(separator: "\n")
        }

        /// An error's description, which may hold several lines; each is cleaned.
        public mutating func appendInterpolation(error: any Error) {
            appendInterpolation(lines: String(describing: error))
        }

        /// Staff text made elsewhere: already clean.
        public mutating func appendInterpolation(_ staff: StaffText) {
            text += staff.description
        }
    }
}

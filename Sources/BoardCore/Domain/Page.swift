/// A text page of the centre (client charter, complaints), parsed into blocks.
public struct Page: Sendable, Hashable, Codable {
    public enum Block: Sendable, Hashable, Codable {
        case heading(String)
        case paragraph(String)
        case bullet(String)
    }

    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    /// Parses the plain-text page format: `# ` headings, `- ` bullets, blank-line paragraphs.
    public init(parsing text: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(paragraph.joined(separator: " ")))
                paragraph = []
            }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("# ") {
                flush()
                blocks.append(.heading(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("- ") || line.hasPrefix("• ") {
                flush()
                blocks.append(.bullet(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)))
            } else {
                paragraph.append(line)
            }
        }
        flush()
        self.blocks = blocks
    }
}

/// The centre's text pages a visitor can open from home.
public enum PageKind: String, Sendable, Hashable, Codable, CaseIterable {
    case charter, complaints
}

extension Substring {
    package func trimmingCharacters(in set: CharacterSetLite) -> String {
        String(self).trimmingCharacters(in: set)
    }
}

/// The only character set the parser needs, so the core stays free of Foundation's.
public enum CharacterSetLite {
    case whitespaces
}

extension String {
    package func trimmingCharacters(in set: CharacterSetLite) -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

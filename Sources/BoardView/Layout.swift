import BoardCore
/// The fixed parts of every screen's geometry, shared by the renderer and the reducer so that
/// what the visitor sees and what keys do always agree.
public enum Layout {
    package static let headerHeight = 3
    package static let footerHeight = 3

    /// The area between the title and the footer.
    public static func body(_ size: TerminalSize) -> Rect {
        Rect(
            x: 2, y: headerHeight, width: max(0, size.columns - 4),
            height: max(0, size.rows - headerHeight - footerHeight - 1))
    }

    /// The width of text in a scrolling document (one column is kept for the scroll bar).
    package static func documentWidth(_ size: TerminalSize) -> Int {
        max(10, body(size).width - 2)
    }

    /// Rows each list item takes.
    package static let listRowHeight = 2

    /// How many list items fit on the screen at once.
    public static func listCapacity(_ size: TerminalSize) -> Int {
        max(1, body(size).height / listRowHeight)
    }

    /// Columns of the home menu: two where there is room, else one.
    package static func homeColumns(_ size: TerminalSize) -> Int {
        size.columns >= 70 ? 2 : 1
    }

    package static func footer(_ size: TerminalSize) -> Rect {
        Rect(x: 0, y: size.rows - footerHeight, width: size.columns, height: footerHeight)
    }
}

/// A run of text with one style.
package struct Span: Sendable, Hashable {
    package var text: String
    package var style: CellStyle
    package init(_ text: String, _ style: CellStyle = .normal) {
        self.text = text
        self.style = style
    }
}

/// One line of a scrolling document, already wrapped to the document's width.
package struct DocumentLine: Sendable, Hashable {
    package var indent: Int
    package var spans: [Span]
    package static let blank = DocumentLine(indent: 0, spans: [])
}

/// Builds a document line by line, wrapping text to the width.
package struct DocumentBuilder {
    package let width: Int
    private(set) var lines: [DocumentLine] = []

    package init(width: Int) { self.width = width }

    package mutating func blank() {
        if let last = lines.last, last.spans.isEmpty { return }
        if lines.isEmpty { return }
        lines.append(.blank)
    }

    package mutating func heading(_ text: String) {
        blank()
        for part in TextLayout.wrap(text, width: width) {
            lines.append(DocumentLine(indent: 0, spans: [Span(part, .heading)]))
        }
    }

    package mutating func paragraph(_ text: String, style: CellStyle = .normal, indent: Int = 0) {
        for part in TextLayout.wrap(text, width: width - indent) {
            lines.append(DocumentLine(indent: indent, spans: [Span(part, style)]))
        }
    }

    /// A text with a marker hanging at the left ("•", "1.").
    package mutating func item(
        _ marker: String, _ text: String, style: CellStyle = .normal, indent: Int = 1, trailer: Span? = nil
    ) {
        let markerWidth = DisplayWidth.of(marker) + 1
        var parts = TextLayout.wrap(text, width: width - indent - markerWidth)
        if parts.isEmpty { parts = [""] }
        for (i, part) in parts.enumerated() {
            var spans = [Span(i == 0 ? marker + " " : String(repeating: " ", count: markerWidth)), Span(part, style)]
            if i == parts.count - 1, let trailer {
                let used = indent + markerWidth + DisplayWidth.of(part)
                if used + 1 + DisplayWidth.of(trailer.text) <= width {
                    spans.append(Span(" "))
                    spans.append(trailer)
                } else {
                    lines.append(DocumentLine(indent: indent, spans: spans))
                    spans = [Span(String(repeating: " ", count: markerWidth)), trailer]
                }
            }
            lines.append(DocumentLine(indent: indent, spans: spans))
        }
    }

    package mutating func line(_ spans: [Span], indent: Int = 0) {
        lines.append(DocumentLine(indent: indent, spans: spans))
    }
}

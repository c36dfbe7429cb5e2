/// The satisfaction card defined in content: a few questions, one tap each.
public struct SurveyDefinition: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Four faces, very unhappy … very happy (no neutral middle); answers 1…4.
        case faces
        /// A 1–5 scale.
        case scale
        /// One option of a list; answers are option ids.
        case choice
        /// An optional free-text comment.
        case comment
    }

    public struct Option: Sendable, Hashable, Codable {
        public var id: String
        public var text: LocalizedText
        public init(id: String, text: LocalizedText) {
            self.id = id
            self.text = text
        }
    }

    public struct Question: Sendable, Hashable, Codable {
        public var id: String
        public var kind: Kind
        public var text: LocalizedText
        /// The options of a choice question (empty for the other kinds).
        public var options: [Option]
        public init(id: String, kind: Kind, text: LocalizedText, options: [Option] = []) {
            self.id = id
            self.kind = kind
            self.text = text
            self.options = options
        }

        /// How many answers a tap can give (0 for a comment).
        public var answerCount: Int {
            switch kind {
            case .faces: return 4
            case .scale: return 5
            case .choice: return options.count
            case .comment: return 0
            }
        }
    }

    public var title: LocalizedText
    public var questions: [Question]

    public init(title: LocalizedText, questions: [Question]) {
        self.title = title
        self.questions = questions
    }

    /// The question whose answers measure satisfaction: the first faces question, else the first scale.
    public var satisfactionQuestion: Question? {
        questions.first { $0.kind == .faces } ?? questions.first { $0.kind == .scale }
    }

    /// The longest comment kept.
    public static let commentLimit = 300
}

/// One answer on a card.
public enum SurveyAnswer: Sendable, Hashable, Codable {
    case value(Int)
    case option(String)
    case text(String)

    /// An answer as stored: a number, "=" and an option's id, or a text. A text that itself
    /// begins with "=" or "'" is stored behind a "'" (as spreadsheets do), so that a visitor's
    /// comment "=)" stays a comment instead of turning into an option nobody offered.
    public init(stored string: String) {
        if string.utf8.first == UInt8(ascii: "'") {
            self = .text(String(decoding: string.utf8.dropFirst(), as: UTF8.self))
        } else if string.hasPrefix("=") {
            self = .option(String(string.dropFirst()))
        } else {
            self = .text(string)
        }
    }

    /// The string that `init(stored:)` reads back as this answer (numbers are stored as numbers).
    public var storedString: String? {
        switch self {
        case .value: return nil
        case .option(let id): return "=" + id
        case .text(let t):
            let first = t.utf8.first
            return first == UInt8(ascii: "=") || first == UInt8(ascii: "'") ? "'" + t : t
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .value(n)
        } else {
            self = SurveyAnswer(stored: try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if case .value(let n) = self { try c.encode(n) } else { try c.encode(storedString ?? "") }
    }
}

/// A filled-in card as stored: the answers, the day and the centre, nothing else.
public struct SurveyCard: Sendable, Hashable {
    public var day: CalendarDate
    public var centre: String
    public var answers: [String: SurveyAnswer]
    /// Part of a burst from one terminal (kept, but left out of results by default).
    public var flood: Bool

    public init(day: CalendarDate, centre: String, answers: [String: SurveyAnswer], flood: Bool = false) {
        self.day = day
        self.centre = centre
        self.answers = answers
        self.flood = flood
    }
}

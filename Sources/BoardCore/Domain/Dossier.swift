/// Where a dossier stands: a fixed vocabulary, the same for the registry and the board.
public enum DossierStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case registered
    case assigned
    case inProgress = "in_progress"
    case waitingForApplicant = "waiting_for_applicant"
    case readyForCollection = "ready_for_collection"
    case completed
    case refused

    /// The status in plain words.
    public var name: LocalizedText {
        switch self {
        case .registered: return LocalizedText(bg: "Регистрирана", en: "Registered")
        case .assigned: return LocalizedText(bg: "Разпределена на служител", en: "Assigned to an officer")
        case .inProgress: return LocalizedText(bg: "В процес на работа", en: "Being worked on")
        case .waitingForApplicant: return LocalizedText(bg: "Очаква действие от Вас", en: "Waiting for you")
        case .readyForCollection: return LocalizedText(bg: "Готова за получаване", en: "Ready for collection")
        case .completed: return LocalizedText(bg: "Приключена", en: "Completed")
        case .refused: return LocalizedText(bg: "Отказана", en: "Refused")
        }
    }

    /// No further change is possible.
    public var isFinal: Bool { self == .completed || self == .refused }

    /// The administration's work is done (the deadline no longer runs).
    public var isDone: Bool { self == .readyForCollection || isFinal }

    /// Whether a dossier in this status may move to `next`. Nothing returns to `registered`;
    /// open statuses move to any later one (a reassignment to another unit included); a dossier
    /// ready for collection can only be collected; completed and refused are final.
    public func canMove(to next: DossierStatus) -> Bool {
        switch self {
        case .completed, .refused: return false
        case .readyForCollection: return next == .completed
        case .registered, .assigned, .inProgress, .waitingForApplicant:
            if next == .registered { return false }
            return next != self || next == .assigned
        }
    }

    /// Why a move is refused, for the staff command.
    public func refusal(to next: DossierStatus) -> String {
        if isFinal { return "the dossier is \(rawValue), which is final: no further status can follow" }
        if next == .registered { return "a dossier cannot go back to registered" }
        if self == .readyForCollection { return "a dossier ready for collection can only become completed" }
        return "the dossier is already \(rawValue)"
    }

    /// What the citizen should do now; `unit` is where the latest change happened.
    public func nextStep(unit: String?, _ language: Language) -> String {
        let bg = language == .bg
        let place = unit.map { bg ? " (\($0))" : " (\($0))" } ?? ""
        switch self {
        case .registered, .assigned:
            return bg
                ? "Нищо не е нужно от Вас засега. Ще получите резултата в срока по-долу."
                : "Nothing is needed from you for now. You will get the result within the deadline below."
        case .inProgress:
            return bg
                ? "Нищо не е нужно от Вас засега. Служителите работят по преписката."
                : "Nothing is needed from you for now. Our staff are working on your dossier."
        case .waitingForApplicant:
            return bg
                ? "Необходимо е действие от Вас, например липсващ документ. Моля, свържете се със звеното\(place) "
                    + "или попитайте на гише „Деловодство“."
                : "Something is needed from you, such as a missing document. Please contact the unit\(place) or ask "
                    + "at the registry counter."
        case .readyForCollection:
            return bg
                ? "Елате да получите документа\(place). Носете личната си карта и разписката."
                : "Come and collect your document\(place). Bring your identity card and the receipt."
        case .completed:
            return bg
                ? "Преписката е приключена. Не е нужно да правите нищо повече."
                : "The dossier is closed. Nothing more is needed from you."
        case .refused:
            return bg
                ? "Услугата е отказана. Писменият отказ посочва причините и как да го обжалвате; можете да го "
                    + "получите на гише „Деловодство“."
                : "The service was refused. The written refusal gives the reasons and how to appeal; you can collect "
                    + "it at the registry counter."
        }
    }
}

/// One dated status change, with the unit that made it.
public struct DossierEvent: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var status: DossierStatus
    public var unit: String?

    public init(date: CalendarDate, status: DossierStatus, unit: String? = nil) {
        self.date = date
        self.status = status
        self.unit = unit
    }
}

/// What the board shows about a dossier: no names, addresses or identifiers of people.
public struct DossierReport: Sendable, Hashable {
    public var number: String
    public var serviceNumber: String
    public var serviceName: LocalizedText
    public var tier: Tier
    public var filed: CalendarDate
    /// The term of the tier, in working days.
    public var termDays: Int
    public var deadline: CalendarDate
    /// Oldest first.
    public var history: [DossierEvent]

    public init(
        number: String, serviceNumber: String, serviceName: LocalizedText, tier: Tier, filed: CalendarDate,
        termDays: Int, deadline: CalendarDate, history: [DossierEvent]
    ) {
        self.number = number
        self.serviceNumber = serviceNumber
        self.serviceName = serviceName
        self.tier = tier
        self.filed = filed
        self.termDays = termDays
        self.deadline = deadline
        self.history = history
    }

    public var status: DossierStatus { history.last?.status ?? .registered }

    /// The unit of the latest change that named one.
    public var currentUnit: String? { history.last(where: { $0.unit != nil })?.unit }

    /// The day the administration finished (ready, completed or refused), if it has.
    public var doneOn: CalendarDate? {
        history.first(where: { $0.status.isDone })?.date
    }

    public enum Timeliness: Sendable, Hashable {
        /// Still within the deadline; working days are not counted here, only calendar days.
        case onTime
        /// Past the deadline and not done.
        case overdue(days: Int)
        case doneOnTime
        case doneLate(days: Int)
    }

    /// On time or overdue as of `today`.
    public func timeliness(today: CalendarDate) -> Timeliness {
        if let done = doneOn {
            return done <= deadline ? .doneOnTime : .doneLate(days: done.dayNumber - deadline.dayNumber)
        }
        return today <= deadline ? .onTime : .overdue(days: today.dayNumber - deadline.dayNumber)
    }
}

/// Registration numbers: a configurable pattern (default `{yyyy}-{seq:6}`, e.g. 2026-001234;
/// a registry's own form such as `94-00-{seq}/{dd}.{mm}.{yyyy}`). Numbers hold digits and the
/// separators `- / . `, so a digit keypad can type any of them; lookups ignore the separators.
public struct DossierNumberPattern: Sendable, Hashable, CustomStringConvertible {
    package enum Part: Sendable, Hashable {
        case literal(String)
        case year4, year2, month, day
        case sequence(width: Int)
    }

    package let parts: [Part]
    public let description: String

    public static let standard = try! DossierNumberPattern("{yyyy}-{seq:6}")

    public init(_ text: String) throws(DossierError) {
        var parts: [Part] = []
        var rest = Substring(text)
        var sequences = 0
        while let c = rest.first {
            if c == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    throw DossierError("number pattern: unclosed { in \"\(text)\"")
                }
                let token = rest[rest.index(after: rest.startIndex)..<close]
                switch token {
                case "yyyy": parts.append(.year4)
                case "yy": parts.append(.year2)
                case "mm": parts.append(.month)
                case "dd": parts.append(.day)
                case "seq": parts.append(.sequence(width: 1)); sequences += 1
                default:
                    if token.hasPrefix("seq:"), let w = Int(token.dropFirst(4)), (1...9).contains(w) {
                        parts.append(.sequence(width: w))
                        sequences += 1
                    } else {
                        throw DossierError(
                            "number pattern: unknown part {\(SafeText.clean(String(token)))} (known: {yyyy} {yy} "
                                + "{mm} {dd} {seq} {seq:N})"
                        )
                    }
                }
                rest = rest[rest.index(after: close)...]
            } else {
                guard c.isASCII && (c.isNumber || "-/. ".contains(c)) else {
                    throw DossierError(
                        "number pattern: \"\(SafeText.clean(String(c)))\" is not allowed; use digits, - / . and "
                            + "space besides the {parts}"
                    )
                }
                parts.append(.literal(String(c)))
                rest = rest.dropFirst()
            }
        }
        guard sequences == 1 else { throw DossierError("number pattern: needs exactly one {seq} or {seq:N}") }
        self.parts = parts
        self.description = text
    }

    /// The number of the `sequence`-th dossier filed on `date`'s year.
    public func format(sequence: Int, filed date: CalendarDate) -> String {
        parts.map { part -> String in
            switch part {
            case .literal(let s): return s
            case .year4: return pad(date.year, 4)
            case .year2: return pad(date.year % 100, 2)
            case .month: return pad(date.month, 2)
            case .day: return pad(date.day, 2)
            case .sequence(let width): return pad(sequence, width)
            }
        }.joined()
    }

    /// The lookup key of a typed number: its digits, with the letters O, I, L and З read as the
    /// digits they look like; nil when it has any other letter or no digit at all.
    public static func key(_ typed: String) -> String? {
        var out = ""
        for c in typed {
            if c.isASCII && c.isNumber { out.append(c); continue }
            switch c {
            case "O", "o", "О", "о": out.append("0")
            case "I", "l", "L", "|": out.append("1")
            case "З", "з": out.append("3")
            case " ", "-", "‐", "–", "—", "/", ".", "_", "\\", ",": continue
            default: return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Whether a number from elsewhere (an import) can be typed on the board.
    public static func isTypeable(_ number: String) -> Bool {
        number.count <= 32 && number.allSatisfy { $0.isASCII && ($0.isNumber || "-/. ".contains($0)) }
            && number.contains { $0.isNumber }
    }
}

/// A staff command's dossier request that cannot be carried out, in words for staff.
public struct DossierError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

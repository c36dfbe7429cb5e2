import BoardCore
/// The dossiers in the board database. Staff commands write them (under the WriterLock); kiosks
/// only read them. A dossier holds no personal data: the service, dates, statuses and units.
extension BoardDatabase {
    /// Migration 2: dossiers, their dated history, and staff unlocks after too many failed lookups.
    static let dossierSchema = """
        CREATE TABLE dossiers (
            number TEXT PRIMARY KEY,
            number_key TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            sequence INTEGER,
            code_hash TEXT NOT NULL,
            service TEXT NOT NULL,
            service_name_bg TEXT NOT NULL, service_name_en TEXT,
            tier TEXT NOT NULL, term_days INTEGER NOT NULL,
            filed TEXT NOT NULL, deadline TEXT NOT NULL,
            status TEXT NOT NULL,
            unlocks INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX dossiers_by_sequence ON dossiers (year, sequence);
        CREATE TABLE dossier_events (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL REFERENCES dossiers(number),
            date TEXT NOT NULL, status TEXT NOT NULL, unit TEXT);
        CREATE INDEX dossier_events_by_number ON dossier_events (number, id);
        CREATE TABLE dossier_unlocks (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL REFERENCES dossiers(number),
            at TEXT NOT NULL);
        """

    /// A new dossier to record. The code arrives already hashed.
    public struct NewDossier: Sendable {
        public var number: String?
        public var codeHash: String
        public var service: Service
        public var tier: Tier
        public var filed: CalendarDate
        public var deadline: CalendarDate
        public var history: [DossierEvent]

        public init(
            number: String? = nil, codeHash: String, service: Service, tier: Tier, filed: CalendarDate,
            deadline: CalendarDate, history: [DossierEvent]
        ) {
            self.number = number
            self.codeHash = codeHash
            self.service = service
            self.tier = tier
            self.filed = filed
            self.deadline = deadline
            self.history = history
        }

        /// A dossier registered at the counter, its code already hashed; the store gives the number.
        public init(_ registration: DossierRegistration, codeHash: String) {
            self.init(
                codeHash: codeHash, service: registration.service, tier: registration.tier,
                filed: registration.filed, deadline: registration.deadline, history: registration.history)
        }

        var termDays: Int { service.tiers.first { $0.tier == tier }?.days ?? 0 }
    }

    /// Records dossiers in one transaction: all of them or none. A dossier without a number gets
    /// the next one of `pattern` for its year. Returns the numbers, in order.
    @discardableResult
    public func addDossiers(
        _ dossiers: [NewDossier], pattern: DossierNumberPattern = .standard
    ) throws(StoreError) -> [String] {
        try wrap {
            try db.transaction {
                let insert = try db.prepare(
                    """
                    INSERT INTO dossiers (number, number_key, year, sequence, code_hash, service, service_name_bg,
                        service_name_en, tier, term_days, filed, deadline, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let event = try db.prepare(
                    "INSERT INTO dossier_events (number, date, status, unit) VALUES (?, ?, ?, ?)")
                let taken = try db.prepare("SELECT 1 FROM dossiers WHERE number = ? OR number_key = ?")
                let last = try db.prepare("SELECT max(sequence) FROM dossiers WHERE year = ?")
                var numbers: [String] = []
                for d in dossiers {
                    var number: String
                    var sequence: Int? = nil
                    if let given = d.number {
                        number = given
                    } else {
                        last.bind(.int(d.filed.year))
                        var next = (try last.step() && !last.isNull(0) ? last.int(0) : 0) + 1
                        last.reset()
                        // Skip any number whose digits another dossier already has.
                        while true {
                            number = pattern.format(sequence: next, filed: d.filed)
                            taken.bind(.text(number), .text(DossierNumberPattern.key(number) ?? number))
                            let exists = try taken.step()
                            taken.reset()
                            if !exists { break }
                            next += 1
                        }
                        sequence = next
                    }
                    guard let key = DossierNumberPattern.key(number) else {
                        throw DossierError(
                            "\(SafeText.clean(number)): a number needs digits (and only - / . as separators)")
                    }
                    taken.bind(.text(number), .text(key))
                    let exists = try taken.step()
                    taken.reset()
                    if exists {
                        throw DossierError("\(number): a dossier with this number (or the same digits) already exists")
                    }
                    try insert.bind(
                        .text(number), .text(key), .int(d.filed.year), sequence.map(SQLiteValue.int), .text(d.codeHash),
                        .text(d.service.number), .text(d.service.name.bg), d.service.name.en.map(SQLiteValue.text),
                        .text(d.tier.rawValue), .int(d.termDays), .text(d.filed.iso), .text(d.deadline.iso),
                        .text(d.history.last?.status.rawValue ?? DossierStatus.registered.rawValue)
                    ).run()
                    for e in d.history {
                        try event.bind(
                            .text(number), .text(e.date.iso), .text(e.status.rawValue), e.unit.map(SQLiteValue.text)
                        ).run()
                    }
                    numbers.append(number)
                }
                return numbers
            }
        }
    }

    /// Appends a status change as of `today`, checked by `DossierRules` inside the transaction,
    /// against the history as it stands when it is written.
    public func advanceDossier(
        number: String, to status: DossierStatus, unit: String?, on date: CalendarDate,
        today: CalendarDate
    ) throws(StoreError) {
        try wrap {
            try db.transaction {
                guard let (filed, latest) = try currentState(number) else {
                    throw DossierError("\(SafeText.clean(number)): no dossier has this number")
                }
                let change = DossierRules.change(status, on: date, unit: unit)
                let refusals = DossierRules.refusals(of: change, after: latest, filed: filed, today: today)
                guard refusals.isEmpty else {
                    let reasons = refusals.map(\.description).joined(separator: "; ")
                    throw DossierError("\(SafeText.clean(number)): \(reasons)")
                }
                try db.prepare("INSERT INTO dossier_events (number, date, status, unit) VALUES (?, ?, ?, ?)")
                    .bind(
                        .text(number), .text(change.date.iso), .text(change.status.rawValue),
                        change.unit.map(SQLiteValue.text)
                    ).run()
                try db.prepare("UPDATE dossiers SET status = ? WHERE number = ?").bind(
                    .text(status.rawValue), .text(number)
                ).run()
            }
        }
    }

    /// The filing date and the latest change of a dossier, or nil when no dossier has the number.
    private func currentState(_ number: String) throws -> (filed: CalendarDate, latest: DossierEvent?)? {
        let d = try db.prepare("SELECT filed FROM dossiers WHERE number = ?")
        d.bind(.text(number))
        guard try d.step(), let filed = CalendarDate(iso: d.text(0) ?? "") else { return nil }
        let s = try db.prepare(
            """
            SELECT status, date, unit FROM dossier_events WHERE number = ? ORDER BY id DESC LIMIT 1
            """)
        s.bind(.text(number))
        guard try s.step(), let status = DossierStatus(rawValue: s.text(0) ?? ""),
            let date = CalendarDate(iso: s.text(1) ?? "")
        else { return (filed, nil) }
        return (filed, DossierEvent(date: date, status: status, unit: s.text(2)))
    }

    /// Lets kiosks look the dossier up again after too many failed attempts: kiosks count only
    /// the failures since the latest unlock. Returns the number of unlocks so far.
    @discardableResult
    public func unlockDossier(number: String, at timestamp: String) throws(StoreError) -> Int {
        try wrap {
            try db.transaction {
                let s = try db.prepare("UPDATE dossiers SET unlocks = unlocks + 1 WHERE number = ? RETURNING unlocks")
                s.bind(.text(number))
                guard try s.step() else { throw DossierError("\(SafeText.clean(number)): no dossier has this number") }
                let unlocks = s.int(0)
                s.reset()
                try db.prepare("INSERT INTO dossier_unlocks (number, at) VALUES (?, ?)").bind(
                    .text(number), .text(timestamp)
                ).run()
                return unlocks
            }
        }
    }

    /// What a kiosk needs to check a lookup: the code's hash, how often staff unlocked the
    /// dossier, and the report to show when the code is right. Nil when no dossier has the key.
    public func dossierForLookup(
        key: String
    ) throws(StoreError) -> (codeHash: String, unlocks: Int, report: DossierReport)? {
        try wrap {
            try db.execute("BEGIN")
            defer { try? db.execute("COMMIT") }
            let s = try db.cached(
                """
                SELECT number, code_hash, unlocks, service, service_name_bg, service_name_en, tier, term_days,
                       filed, deadline
                FROM dossiers WHERE number_key = ?
                """)
            defer { s.reset() }
            s.bind(.text(key))
            guard try s.step(), let number = s.text(0), let hash = s.text(1) else { return nil }
            let unlocks = s.int(2)
            var report = DossierReport(
                number: number, serviceNumber: s.text(3) ?? "",
                serviceName: LocalizedText(bg: s.text(4) ?? "", en: s.text(5)),
                tier: Tier(rawValue: s.text(6) ?? "") ?? .ordinary,
                filed: CalendarDate(iso: s.text(8) ?? "") ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                termDays: s.int(7),
                deadline: CalendarDate(iso: s.text(9) ?? "") ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                history: [])
            s.reset()
            let e = try db.cached("SELECT date, status, unit FROM dossier_events WHERE number = ? ORDER BY id")
            defer { e.reset() }
            e.bind(.text(number))
            while try e.step() {
                guard let date = CalendarDate(iso: e.text(0) ?? ""),
                    let status = DossierStatus(rawValue: e.text(1) ?? "")
                else { continue }
                report.history.append(DossierEvent(date: date, status: status, unit: e.text(2)))
            }
            return (hash, unlocks, report)
        }
    }

    /// The code hash of the dossier stored last, or nil when there are none (or no dossier table).
    public func newestCodeHash() throws(StoreError) -> String? {
        try wrap {
            let s = try db.prepare("SELECT code_hash FROM dossiers ORDER BY rowid DESC LIMIT 1")
            return try s.step() ? s.text(0) : nil
        }
    }

    /// A dossier's report by its exact number (staff commands).
    public func dossierReport(number: String) throws(StoreError) -> DossierReport? {
        guard let key = DossierNumberPattern.key(number) else { return nil }
        return try dossierForLookup(key: key)?.report
    }
}

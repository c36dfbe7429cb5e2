/// The municipality and its citizen service centre: who runs the board and how to reach them.
public struct Municipality: Sendable, Hashable, Codable {
    public struct Phone: Sendable, Hashable, Codable {
        public var label: LocalizedText
        public var number: String
        public init(label: LocalizedText, number: String) {
            self.label = label
            self.number = number
        }
    }

    public struct OpeningHours: Sendable, Hashable, Codable {
        public var days: LocalizedText
        public var time: String
        public init(days: LocalizedText, time: String) {
            self.days = days
            self.time = time
        }
    }

    public var name: LocalizedText
    public var centre: LocalizedText
    public var address: LocalizedText
    public var phones: [Phone]
    public var helpdesk: String?
    public var email: String?
    public var web: String?
    public var hours: [OpeningHours]

    public init(
        name: LocalizedText, centre: LocalizedText, address: LocalizedText, phones: [Phone],
        helpdesk: String? = nil, email: String? = nil, web: String? = nil, hours: [OpeningHours]
    ) {
        self.name = name
        self.centre = centre
        self.address = address
        self.phones = phones
        self.helpdesk = helpdesk
        self.email = email
        self.web = web
        self.hours = hours
    }

    /// The phone a visitor should call for help.
    public var helpdeskPhone: String {
        helpdesk ?? phones.first?.number ?? ""
    }
}

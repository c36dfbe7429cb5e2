/// The settings of issue 5 in kiosk.conf: idle reset on dossier screens, lockdown, the staff
/// exit, and the phone for the out-of-order screen.
public struct KioskConfiguration: Sendable, Hashable {
    /// Seconds without input before the idle warning on the dossier screens.
    public var idleTimeoutDossier: Int = 30
    /// `lockdown = on|off`: with it on, Ctrl-C, Ctrl-Z, Ctrl-\ and function keys do nothing.
    public var lockdown: Bool = true
    /// `staff_exit = F12 F12 F12`: the key sequence that opens the staff PIN prompt.
    public var staffExit: [Key] = StaffSequence.standard
    /// `staff_pin = $y$…`: the salted hash of the staff PIN (`kiosk hash-pin` prints one).
    public var staffPinHash: String?
    /// `phone = 073 88 44 30`: shown when out of order before any content was ever read.
    public var phone: String?

    public init() {}

    public static let keys = ["idle_timeout_dossier", "lockdown", "staff_exit", "staff_pin", "phone"]

    /// Applies one line; returns what is wrong with the value, if anything.
    mutating func set(_ key: String, _ value: String) -> String? {
        switch key {
        case "idle_timeout_dossier":
            guard let n = Int(value), (15...3600).contains(n) else {
                return "must be a whole number of seconds from 15 to 3600, found \"\(value)\""
            }
            idleTimeoutDossier = n
        case "lockdown":
            switch value {
            case "on": lockdown = true
            case "off": lockdown = false
            default: return "must be on or off, found \"\(value)\""
            }
        case "staff_exit":
            guard let keys = StaffSequence.parse(value), keys.count >= 2 else {
                return "must be two or more key names separated by spaces (F1–F24, ctrl-A…ctrl-Z, Esc, Enter, Tab, Home, End, PgUp, PgDn, Up, Down, Left, Right, or one character), found \"\(value)\""
            }
            staffExit = keys
        case "staff_pin":
            // A crypt(3) hash with a salt: $id$[params$]salt$hash, as `kiosk hash-pin` prints.
            let parts = value.split(separator: "$", omittingEmptySubsequences: false)
            guard value.hasPrefix("$"), parts.count >= 4, !parts.contains(where: { $0.contains(" ") }) else {
                return "must be a salted hash printed by `kiosk hash-pin` (starting with $y$ or $6$), not the PIN itself"
            }
            staffPinHash = value
        case "phone":
            phone = value
        default:
            return "unknown key"
        }
        return nil
    }

    /// The reducer's view of these settings, together with the general idle timeout.
    public func settings(idleTimeout: Int) -> KioskSettings {
        var s = KioskSettings()
        s.idleTimeout = idleTimeout
        s.dossierIdleTimeout = idleTimeoutDossier
        s.lockdown = lockdown
        s.staffSequence = staffExit
        s.staffExitEnabled = staffPinHash != nil
        s.phone = phone
        return s
    }
}

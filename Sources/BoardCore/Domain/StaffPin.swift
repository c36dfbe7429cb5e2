/// The staff PIN that opens the staff exit: typed on the board, checked against a salted slow
/// hash in kiosk.conf, never stored itself.
public enum StaffPin {
    /// Shortest and longest PIN.
    public static let length = 4...12

    /// A PIN is 4 to 12 digits.
    public static func isValid(_ pin: String) -> Bool {
        length.contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

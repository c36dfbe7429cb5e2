import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Glibc

/// The staff exit's status and `kiosk hash-pin`.
extension Kiosk {
    /// The exit status of a staff exit: deploy/kiosk.service does not restart the board after it
    /// (RestartPreventExitStatus), while it restarts it after anything else.
    static let staffExitStatus: Int32 = 10

    /// `kiosk hash-pin`: reads a PIN (twice, without echo, on a terminal; one line from a pipe)
    /// and prints its salted hash for `staff_pin` in kiosk.conf.
    static func hashPin() -> Int32 {
        let interactive = isatty(STDIN_FILENO) == 1
        guard let pin = Platform.readSecretLine(prompt: interactive ? "Staff PIN (4–12 digits): " : nil) else {
            Platform.printError("kiosk: hash-pin: no PIN given on standard input")
            return 1
        }
        guard StaffPin.isValid(pin) else {
            Platform.printError("kiosk: hash-pin: the PIN must be 4 to 12 digits")
            return 1
        }
        if interactive {
            guard Platform.readSecretLine(prompt: "Again: ") == pin else {
                Platform.printError("kiosk: hash-pin: the two PINs differ")
                return 1
            }
        }
        guard let hash = try? SlowHash.make(pin, method: .staffPin) else {
            Platform.printError("kiosk: hash-pin: libxcrypt could not hash the PIN")
            return 1
        }
        Platform.printOutput("staff_pin = \(hash)")
        return 0
    }

    /// For the test that kills an import halfway: KIOSK_TEST_IMPORT_STALL=SECONDS makes the import
    /// say so on standard error and wait inside its transaction.
    static func importStallForTests() -> (() -> Void)? {
        guard let text = Platform.environment("KIOSK_TEST_IMPORT_STALL"), let seconds = UInt32(text) else { return nil }
        return {
            Platform.printError("kiosk: import stalled halfway (KIOSK_TEST_IMPORT_STALL)")
            sleep(seconds)
        }
    }
}

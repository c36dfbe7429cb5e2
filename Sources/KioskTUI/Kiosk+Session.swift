import BoardModel
import Glibc

/// The kiosk's side of issue 5: live refresh, the staff exit, `kiosk hash-pin`.
extension Kiosk {
    /// The exit status of a staff exit: deploy/kiosk.service does not restart the board after it
    /// (RestartPreventExitStatus), while it restarts it after anything else.
    static let staffExitStatus: Int32 = 10

    /// Wires the store watch (live refresh, fault recovery) and the staff PIN check into the loop.
    static func configureSession(_ program: BoardProgram, watch: StoreWatch, config: Configuration) {
        program.storeWatch = watch
        if let hash = config.kiosk.staffPinHash {
            program.staffPinVerifier = { pin in StaffPin.verify(pin, against: hash) }
        }
        // The first tick: the idle clock and the store watch start now, not a second later.
        program.send(.tick(Platform.localTime(), monotonic: Platform.monotonicSeconds()))
    }

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
        guard let hash = StaffPin.hash(pin) else {
            Platform.printError("kiosk: hash-pin: libxcrypt could not hash the PIN")
            return 1
        }
        print("staff_pin = \(hash)")
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

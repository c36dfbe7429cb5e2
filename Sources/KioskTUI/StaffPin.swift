import CCrypt
import Glibc

/// The staff PIN: a salted slow hash (yescrypt, through libxcrypt) in kiosk.conf, never the PIN.
enum StaffPin {
    /// A new salted hash of `pin`, e.g. "$y$j9T$…$…", or nil if libxcrypt refuses.
    static func hash(_ pin: String) -> String? {
        guard let salt = crypt_gensalt_ra("$y$", 0, nil, 0) else { return nil }
        defer { free(salt) }
        return crypt(pin, setting: String(cString: salt))
    }

    /// Whether `pin` matches `hash`, compared in constant time.
    static func verify(_ pin: String, against hash: String) -> Bool {
        guard let computed = crypt(pin, setting: hash) else { return false }
        let a = Array(computed.utf8), b = Array(hash.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// crypt_r with its scratch area on the heap (it is about 32 KB).
    private static func crypt(_ phrase: String, setting: String) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { data.deallocate() }
        memset(data, 0, MemoryLayout<crypt_data>.size)
        guard let result = crypt_r(phrase, setting, data) else { return nil }
        let text = String(cString: result)
        // libxcrypt returns a string starting with "*" on failure.
        return text.hasPrefix("*") ? nil : text
    }

    /// A PIN is 4 to 12 digits.
    static func isValid(_ pin: String) -> Bool {
        (4...12).contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

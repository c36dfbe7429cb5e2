import BoardCore
import CCrypt
#if canImport(Glibc)
import Glibc
#endif

/// Salted slow hashes of the board's secrets, through libxcrypt: only the hash is ever stored.
///
/// Access codes are hashed with bcrypt (`$2b$`) at cost 10, in 4 KiB of memory. Why not yescrypt,
/// the memory-hard default: at libxcrypt's default cost it works in 16 MiB per hash, which the
/// kiosk would carry as peak memory for the sake of codes that do not need it. Access codes are
/// not chosen by people: they are 41.7 random bits (`AccessCode`), so an offline search of one
/// code's space at bcrypt cost 10 takes years of a current GPU, and guesses at a kiosk are
/// throttled. Memory-hardness earns its cost on low-entropy secrets such as the staff PIN, which
/// is yescrypt. Stored hashes of any crypt(3) method verify, whatever method made them.
public enum SlowHash {
    /// How a new hash is made.
    public enum Method: Sendable, Hashable {
        /// Access codes: bcrypt at cost 10.
        case accessCode
        /// The staff PIN: yescrypt at libxcrypt's default cost.
        case staffPin

        var prefix: String {
            switch self {
            case .accessCode: return "$2b$"
            case .staffPin: return "$y$"
            }
        }

        /// libxcrypt's cost parameter; 0 is its default for the method.
        var cost: UInt {
            switch self {
            case .accessCode: return 10
            case .staffPin: return 0
            }
        }
    }

    /// A hash of `secret` with a fresh random salt.
    public static func make(_ secret: String, method: Method = .accessCode) throws(SlowHashError) -> String {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn(method.prefix, method.cost, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw SlowHashError(description: "crypt_gensalt failed: \(String(cString: strerror(errno)))")
        }
        let settingText = String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let hash = crypt(secret, setting: settingText) else {
            throw SlowHashError(description: "crypt refused the setting \(settingText)")
        }
        return hash
    }

    /// A hash of `secret` with the method, cost and salt of `model` (a stored hash), so that
    /// checking against it costs what checking against `model` costs; nil if `model` is no hash.
    public static func make(_ secret: String, like model: String) -> String? {
        crypt(secret, setting: model)
    }

    /// The method and cost of a stored hash, without salt or hash: "$2b$10$", "$y$j9T$"; the
    /// whole text when it has fewer than three "$".
    public static func setting(of hash: String) -> Substring {
        var dollars = 0
        for i in hash.indices where hash[i] == "$" {
            dollars += 1
            if dollars == 3 { return hash[...i] }
        }
        return hash[...]
    }

    /// Whether `secret` is what `stored` was made from. Takes the full hashing time whatever the
    /// answer, and compares without an early exit.
    public static func verify(_ secret: String, against stored: String) -> Bool {
        guard let computed = crypt(secret, setting: stored) else { return false }
        let a = Array(computed.utf8), b = Array(stored.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<min(a.count, b.count) { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// crypt(3) of `phrase` with the method, cost and salt of `setting`; nil on failure. The
    /// scratch area (struct crypt_data, tens of kilobytes) is on the heap and wiped afterwards.
    package static func crypt(_ phrase: String, setting: String) -> String? {
        let size = Int(kiosk_crypt_data_size())
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer {
            memset(scratch, 0, size)
            scratch.deallocate()
        }
        memset(scratch, 0, size)
        guard let result = crypt_rn(phrase, setting, scratch, Int32(size)) else { return nil }
        let text = String(cString: result)
        // libxcrypt answers with a text starting with "*" on failure.
        return text.hasPrefix("*") ? nil : text
    }
}

/// libxcrypt could not make a hash (no randomness for the salt, an unknown method).
public struct SlowHashError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

import CCrypt
#if canImport(Glibc)
import Glibc
#endif

/// The access code a citizen gets with a dossier: 10 characters from an 18-symbol alphabet that
/// cannot be misread (no O/0, I/1/L at all; of B/8, S/5, G/6, Z/2, U/V only one side) and whose letters all have a Cyrillic
/// twin (А С Е Н К М Р Т Х У), so the code can be typed on a Bulgarian keyboard layout without
/// switching. Shown in two groups of five, e.g. `K7AH2-M9XE3`; 10 × log2(18) ≈ 41.7 bits.
public enum AccessCode {
    public static let alphabet: [Character] = Array("23456789ACEHKMPTXY")
    public static let length = 10
    public static let groupSize = 5

    /// The code's entropy in bits: length × log2(alphabet size).
    public static var entropyBits: Double { Double(length) * log2(Double(alphabet.count)) }

    /// Typed look-alikes (Latin lower case, Cyrillic upper and lower case) and their code symbol.
    static let lookAlikes: [Character: Character] = {
        var map: [Character: Character] = [:]
        for c in alphabet {
            map[c] = c
            if c.isLetter { map[Character(c.lowercased())] = c }
        }
        let cyrillic: [(String, Character)] = [("Аа", "A"), ("Сс", "C"), ("Ее", "E"), ("Нн", "H"), ("Кк", "K"),
                                               ("Мм", "M"), ("Рр", "P"), ("Тт", "T"), ("Хх", "X"), ("Уу", "Y"),
                                               ("Зз", "3")]
        for (letters, symbol) in cyrillic {
            for l in letters { map[l] = symbol }
        }
        return map
    }()

    /// The code symbol a typed character stands for, or nil when it is not part of any code.
    public static func symbol(for typed: Character) -> Character? {
        lookAlikes[typed]
    }

    /// Whether a typed character is only a separator (space, dash) that codes may contain.
    public static func isSeparator(_ c: Character) -> Bool {
        c == " " || c == "-" || c == "‐" || c == "–" || c == "—" || c == "_" || c == "."
    }

    /// The canonical code of a typed text (case, spaces, dashes and look-alikes do not matter),
    /// or nil when it holds a character no code has.
    public static func normalize(_ typed: String) -> String? {
        var out = ""
        for c in typed {
            if isSeparator(c) { continue }
            guard let s = symbol(for: c) else { return nil }
            out.append(s)
        }
        return out
    }

    /// Whether a canonical text is a whole code.
    public static func isComplete(_ canonical: String) -> Bool {
        canonical.count == length && canonical.allSatisfy { alphabet.contains($0) }
    }

    /// The code as shown and printed: `K7AH2-M9XE3`.
    public static func grouped(_ canonical: String) -> String {
        var out = ""
        for (i, c) in canonical.enumerated() {
            if i > 0 && i % groupSize == 0 { out.append("-") }
            out.append(c)
        }
        return out
    }

    /// A new code from `random` (unbiased: bytes at or above the largest multiple of the
    /// alphabet size are drawn again).
    public static func generate(using random: RandomSource = SystemRandom()) throws(RandomSourceError) -> String {
        let n = alphabet.count
        let limit = 256 - 256 % n
        var out = ""
        while out.count < length {
            for byte in try random.bytes(length * 2) where out.count < length {
                if Int(byte) < limit { out.append(alphabet[Int(byte) % n]) }
            }
        }
        return out
    }
}

/// Where random bytes come from.
public protocol RandomSource {
    /// A name for reports, e.g. "getrandom".
    var name: String { get }
    func bytes(_ count: Int) throws(RandomSourceError) -> [UInt8]
}

public struct RandomSourceError: Error, CustomStringConvertible {
    public var description: String
}

/// The operating system's secure generator: getrandom(2), or /dev/urandom where the call is missing.
public struct SystemRandom: RandomSource {
    public init() {}

    public var name: String { "getrandom" }

    public func bytes(_ count: Int) throws(RandomSourceError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        var useDevice = false
        while filled < count && !useDevice {
            let n = buffer.withUnsafeMutableBytes { getrandom($0.baseAddress! + filled, count - filled, 0) }
            if n > 0 {
                filled += n
            } else if errno == ENOSYS {
                useDevice = true
            } else if errno != EINTR {
                throw RandomSourceError(description: "getrandom failed: \(String(cString: strerror(errno)))")
            }
        }
        if useDevice {
            guard let file = fopen("/dev/urandom", "rb") else {
                throw RandomSourceError(description: "neither getrandom nor /dev/urandom is available")
            }
            defer { fclose(file) }
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress! + filled, 1, count - filled, file) }
            guard n == count - filled else { throw RandomSourceError(description: "/dev/urandom gave too few bytes") }
        }
        return buffer
    }
}

/// Salted slow hashes of access codes with libxcrypt. Only the hash is stored.
///
/// New hashes are bcrypt (`$2b$`) at cost 10, about 65 ms here in 4 KiB of memory. Why not
/// yescrypt, the memory-hard default: at libxcrypt's default cost it works in 16 MiB per hash,
/// which the kiosk would carry as peak memory for the sake of codes that do not need it. Access
/// codes are not chosen by people: they are 41.7 random bits (`AccessCode`), so an offline search
/// of one code's space at bcrypt cost 10 takes years of a current GPU, and online guesses are
/// throttled per kiosk. Memory-hardness earns its cost on low-entropy secrets such as the staff
/// PIN, which stays yescrypt (`StaffPin`). Stored hashes of any crypt(3) method still verify.
public enum CodeHash {
    public static let prefix = "$2b$"
    public static let cost: UInt = 10

    /// A hash of a canonical code with a fresh random salt.
    public static func make(_ canonical: String) throws(RandomSourceError) -> String {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn(prefix, cost, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw RandomSourceError(description: "crypt_gensalt failed: \(String(cString: strerror(errno)))")
        }
        let settingText = String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let hash = hash(canonical, setting: settingText) else {
            throw RandomSourceError(description: "crypt failed")
        }
        return hash
    }

    /// A hash of `canonical` with the method, cost and salt of `model` (a stored hash), so that
    /// checking against it costs what checking against `model` costs; nil if `model` is no hash.
    public static func make(_ canonical: String, like model: String) -> String? {
        hash(canonical, setting: model)
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

    /// crypt(3) of `phrase` with the salt and cost of `setting` (a stored hash); nil on failure.
    static func hash(_ phrase: String, setting: String) -> String? {
        let size = Int(kiosk_crypt_data_size())
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer {
            memset(scratch, 0, size)
            scratch.deallocate()
        }
        memset(scratch, 0, size)
        guard let result = crypt_rn(phrase, setting, scratch, Int32(size)) else { return nil }
        let text = String(cString: result)
        return text.hasPrefix("*") ? nil : text
    }

    /// Whether `canonical` is the code `stored` was made from. Takes the full hashing time
    /// whatever the answer, and compares without an early exit.
    public static func verify(_ canonical: String, against stored: String) -> Bool {
        guard let computed = hash(canonical, setting: stored) else { return false }
        let a = Array(computed.utf8), b = Array(stored.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<min(a.count, b.count) { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

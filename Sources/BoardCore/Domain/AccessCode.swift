/// The access code a citizen gets with a dossier: 10 characters from an 18-symbol alphabet that
/// cannot be misread (no O/0, I/1/L at all; of B/8, S/5, G/6, Z/2, U/V only one side) and whose
/// letters all have a Cyrillic twin (А С Е Н К М Р Т Х У), so the code can be typed on a Bulgarian
/// keyboard layout without switching. Shown in two groups of five, e.g. `K7AH2-M9XE3`;
/// 10 × log2(18) ≈ 41.7 bits.
public enum AccessCode {
    public static let alphabet: [Character] = Array("23456789ACEHKMPTXY")
    public static let length = 10
    public static let groupSize = 5

    /// The code's entropy in bits: length × log2(alphabet size).
    public static var entropyBits: Double { Double(length) * binaryLogarithm(alphabet.count) }

    /// Typed look-alikes (Latin lower case, Cyrillic upper and lower case) and their code symbol.
    package static let lookAlikes: [Character: Character] = {
        var map: [Character: Character] = [:]
        for c in alphabet {
            map[c] = c
            if c.isLetter { map[Character(c.lowercased())] = c }
        }
        let cyrillic: [(String, Character)] = [
            ("Аа", "A"), ("Сс", "C"), ("Ее", "E"), ("Нн", "H"), ("Кк", "K"),
            ("Мм", "M"), ("Рр", "P"), ("Тт", "T"), ("Хх", "X"), ("Уу", "Y"),
            ("Зз", "3"),
        ]
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
    public static func generate(using random: some RandomSource) throws(RandomSourceError) -> String {
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

public struct RandomSourceError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// log2 of a positive whole number, to about 1e-12, without the C maths library: the whole part
/// from the bit length, the fraction bit by bit by repeated squaring.
package func binaryLogarithm(_ n: Int) -> Double {
    precondition(n > 0)
    let whole = Int.bitWidth - 1 - n.leadingZeroBitCount
    var x = Double(n) / Double(1 << whole)
    var fraction = 0.0
    var bit = 0.5
    for _ in 0..<40 {
        x *= x
        if x >= 2 {
            x /= 2
            fraction += bit
        }
        bit /= 2
    }
    return Double(whole) + fraction
}

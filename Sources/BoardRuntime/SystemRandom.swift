import BoardCore

/// The operating system's secure generator, through the Swift runtime's
/// `SystemRandomNumberGenerator` (getrandom(2) on Linux, /dev/urandom where the call is missing).
public struct SystemRandom: RandomSource {
    public init() {}

    public var name: String { "getrandom" }

    public func bytes(_ count: Int) throws(RandomSourceError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

extension AccessCode {
    /// A new code from the operating system's secure generator.
    public static func generate() throws(RandomSourceError) -> String {
        try generate(using: SystemRandom())
    }
}

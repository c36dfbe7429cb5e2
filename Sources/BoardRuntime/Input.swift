import BoardCore

/// What a terminal reads, before the board makes sense of it: a tap is still a cell here, and
/// becomes an action only against the frame last drawn (`BoardProgram.input(_:)`).
public enum Input: Sendable, Hashable {
    case key(Key)
    /// A tap or click at a cell (0-based).
    case tap(column: Int, row: Int)
    /// The mouse wheel: negative up, positive down.
    case wheel(Int)
    case resize(TerminalSize)
}

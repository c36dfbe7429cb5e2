import BoardCore
import BoardView

/// The reducer driven as the runtime drives it, for tests without a store or a runner: after
/// every event the view measures the screen and hands the viewport in, and a tap is resolved
/// against the frame of the state, as `BoardProgram` does.
public enum Stage {
    /// Applies `event`, then lays the screen out; returns what the event asked for.
    @discardableResult
    public static func reduce(_ state: inout BoardState, _ event: Event) -> [Effect] {
        let effects = Board.reduce(&state, event)
        _ = Board.reduce(&state, .laidOut(Renderer().viewport(of: state)))
        return effects
    }

    /// A tap at a cell of the screen the state shows.
    @discardableResult
    public static func tap(_ state: inout BoardState, column: Int, row: Int) -> [Effect] {
        reduce(&state, .action(Renderer.render(state).action(at: column, row: row) ?? .touch))
    }

    /// The wheel turned by `delta` lines (negative: up).
    @discardableResult
    public static func wheel(_ state: inout BoardState, _ delta: Int) -> [Effect] {
        reduce(&state, .action(.scroll(delta)))
    }
}

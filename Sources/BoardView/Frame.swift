import BoardCore
/// A rendered screen: the cells and the tap targets laid out on them.
public struct Frame: Sendable {
    public struct Target: Sendable, Hashable {
        public var rect: Rect
        public var action: Action
    }

    public var grid: Grid
    public var targets: [Target] = []

    public init(grid: Grid) { self.grid = grid }

    /// The action of the target under a tap; later targets lie on top.
    public func action(at column: Int, row: Int) -> Action? {
        targets.last { $0.rect.contains(column: column, row: row) }?.action
    }

    package mutating func target(_ rect: Rect, _ action: Action) {
        targets.append(Target(rect: rect, action: action))
    }
}

/// How many terminal columns text takes, computed without the C library's locale.
///
/// Terminal width follows Unicode's East Asian Width: CJK and most emoji take two columns,
/// combining marks take none. Computing it in Swift keeps the renderer pure and testable
/// under any locale (CI has no LANG set).
public enum DisplayWidth {
    /// The columns one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            let w = of(scalar)
            if w > width { width = w }
        }
        return width
    }

    /// The columns a string takes once sanitized.
    public static func of(_ string: String) -> Int {
        // Text of simple scalars only is one column a scalar: no grapheme breaking needed.
        var scalars = 0
        var simple = true
        for scalar in string.unicodeScalars {
            if !isSimple(scalar.value) {
                simple = false
                break
            }
            scalars += 1
        }
        if simple { return scalars }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// True when every scalar of `text` is simple (`isSimple`): then each scalar is a grapheme
    /// cluster of its own, one column wide, and `SafeText.clean` returns the text unchanged.
    public static func isSimple(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isSimple(scalar.value) { return false }
        return true
    }

    /// Scalars that need no Unicode lookup at all: printable, assigned, kept by `SafeText.clean`,
    /// one column wide, and a grapheme cluster of their own next to any other simple scalar (no
    /// combining marks, joiners, regional indicators, Hangul jamo, CR or LF). Printable ASCII and
    /// Latin, Cyrillic, dashes and quotes, general punctuation, currency signs (€), letterlike
    /// symbols (№), arrows, technical symbols without the wide and emoji ones (⌨ ⌫ ⌂), box
    /// drawing and shapes. DisplayWidthFastPathTests checks every one against the properties.
    @inline(__always)
    package static func isSimple(_ v: UInt32) -> Bool {
        if v < 0x300 { return v >= 0x20 && (v < 0x7F || v >= 0xA0) }
        if v < 0x2000 { return (v >= 0x400 && v <= 0x482) || (v >= 0x48A && v <= 0x4FF) }
        return (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x20A0 && v <= 0x20BF)
            || (v >= 0x2100 && v <= 0x214F) || (v >= 0x2190 && v <= 0x21FF)
            || (v >= 0x2300 && v <= 0x2319) || (v >= 0x231C && v <= 0x2328) || (v >= 0x232B && v <= 0x23E8)
            || (v >= 0x2500 && v <= 0x25FC)
    }

    /// The columns one scalar takes on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 || isCommonNarrow(v) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if isWide(v) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Blocks the board draws all the time whose scalars are one column each, so the slow lookup
    /// of Unicode properties can be skipped (Cyrillic letters without the combining 0483–0489,
    /// dashes and quotes, box drawing, blocks and shapes without the emoji 25FD–25FE).
    /// DisplayWidthFastPathTests checks these ranges against the properties.
    package static func isCommonNarrow(_ v: UInt32) -> Bool {
        (v >= 0x400 && v <= 0x482) || (v >= 0x48A && v <= 0x4FF) || (v >= 0x2010 && v <= 0x2027)
            || (v >= 0x2500 && v <= 0x25FC)
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
            0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Makes any text from content, the database or a visitor safe to put on a terminal.
public enum SafeText {
    /// Removes control characters (C0, DEL, C1, including ESC and so every escape sequence's
    /// introducer) and bidirectional overrides; tabs and line breaks become single spaces.
    public static func clean(_ text: String) -> String {
        // Most text has nothing to remove: return it as it is, without building a copy.
        if DisplayWidth.isSimple(text) { return text }
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x09 || v == 0x0A || v == 0x0D {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { continue }
            if isAssignedCommon(v) {
                // Printable ASCII, Latin, Cyrillic, punctuation, box drawing: kept as they are,
                // without the slow lookup of the general category below.
                out.append(scalar)
                lastWasSpace = v == 0x20
                continue
            }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { continue }
            if v == 0xFEFF { continue }
            if v == 0x2028 || v == 0x2029 {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            // Unassigned code points, noncharacters and private-use characters print as
            // nothing predictable on a terminal: show the replacement character.
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate:
                out.append("\u{FFFD}")
                lastWasSpace = false
                continue
            default: break
            }
            out.append(scalar)
            lastWasSpace = v == 0x20
        }
        return String(out)
    }

    /// Scalars of fully assigned blocks that `clean` keeps unchanged (DisplayWidthFastPathTests checks them).
    package static func isAssignedCommon(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v <= 0x36F) || (v >= 0x400 && v <= 0x4FF)
            || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2500 && v <= 0x25FF)
    }

    /// True when the text holds nothing that `clean` would change.
    public static func isClean(_ text: String) -> Bool {
        clean(text) == text
    }
}

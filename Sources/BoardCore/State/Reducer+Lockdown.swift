/// Lockdown and the staff exit. With lockdown on, the keys that leave or suspend a terminal
/// program (Ctrl-C, Ctrl-Z, Ctrl-\) and the function keys do nothing; the only way out is the
/// configured staff key sequence followed by the staff PIN, whose check is throttled.
extension Board {
    /// Follows the staff key sequence; true when this key completed it (the PIN prompt opens).
    package static func staffSequenceCompleted(_ state: inout BoardState, _ key: Key) -> Bool {
        let sequence = state.settings.staffExit
        guard state.settings.staffExitEnabled else { return false }
        state.session.recentKeys.append(key)
        if state.session.recentKeys.count > sequence.count {
            state.session.recentKeys.removeFirst(state.session.recentKeys.count - sequence.count)
        }
        guard state.session.recentKeys == sequence else { return false }
        state.session.recentKeys = []
        state.session.staffPrompt = StaffPrompt()
        state.session.lastInput = state.session.clock
        state.session.resetAt = nil
        return true
    }

    /// Keys that do nothing at all under lockdown.
    package static func isLockedKey(_ key: Key) -> Bool {
        switch key {
        case .function: return true
        case .control(let c): return c == "c" || c == "z" || c == "\\" || c == "q" || c == "s"
        default: return false
        }
    }

    /// While the PIN prompt is open it takes every key: digits, Backspace, Enter, Esc.
    package static func staffPromptKey(_ state: inout BoardState, _ key: Key) -> [Effect] {
        guard var prompt = state.session.staffPrompt else { return [] }
        state.session.lastInput = state.session.clock
        let clock = state.clock
        let locked = (state.session.pinLockedUntil ?? Int.min) > clock
        switch key {
        case .escape:
            state.session.staffPrompt = nil
            return []
        case .backspace:
            if !prompt.digits.isEmpty { prompt.digits.removeLast() }
        case .character(let c) where c.isASCII && c.isNumber:
            if !locked && !prompt.checking && prompt.digits.count < StaffPin.length.upperBound {
                prompt.digits.append(c)
                prompt.wrong = false
            }
        case .enter:
            guard !locked, !prompt.checking, StaffPin.length.contains(prompt.digits.count) else { break }
            let pin = prompt.digits
            prompt.digits = ""
            prompt.checking = true
            state.session.staffPrompt = prompt
            return [.verifyStaffPin(pin)]
        default:
            break
        }
        state.session.staffPrompt = prompt
        return []
    }

    package static func staffPinChecked(_ state: inout BoardState, _ right: Bool) -> [Effect] {
        guard var prompt = state.session.staffPrompt else { return [] }
        if right {
            state.session.wrongPins = 0
            state.session.pinLockedUntil = nil
            state.session.staffPrompt = nil
            return [.staffExit]
        }
        state.session.wrongPins += 1
        let clock = state.clock
        state.session.pinLockedUntil = clock + pinDelay(afterWrong: state.session.wrongPins)
        prompt.checking = false
        prompt.wrong = true
        state.session.staffPrompt = prompt
        return []
    }

    /// Seconds before the next PIN is taken: 5 s after each of the first two wrong PINs, then
    /// 30 s doubling up to 5 minutes. The count survives the prompt closing.
    public static func pinDelay(afterWrong count: Int) -> Int {
        if count < 3 { return 5 }
        return min(300, 30 << min(4, count - 3))
    }
}

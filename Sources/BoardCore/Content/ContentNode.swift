/// Collects the issues of one validation run.
package final class IssueLog {
    package init() {}
    package var issues: [ContentIssue] = []
    package func add(_ file: String, _ field: String, _ message: String) {
        // File names and field names come from the content too: they reach the staff terminal.
        issues.append(
            ContentIssue(file: SafeText.clean(file), field: SafeText.clean(field), message: SafeText.clean(message)))
    }
}

/// A JSON value with the file and field path it came from, so every check can name its place.
package struct ContentNode {
    package let value: JSONValue
    package let file: String
    package let path: String
    package let log: IssueLog

    package func fail(_ message: String) {
        log.add(file, path, message)
    }

    private func child(_ value: JSONValue, key: String) -> ContentNode {
        ContentNode(value: value, file: file, path: path.isEmpty ? key : "\(path).\(key)", log: log)
    }

    /// The object's fields, after rejecting any key not in `allowed`.
    package func object(allowed: Set<String>) -> ContentObject? {
        guard case .object(let fields) = value else {
            fail("must be an object, found \(value.kindName)")
            return nil
        }
        for key in fields.keys.sorted() where !allowed.contains(key) {
            log.add(
                file, path.isEmpty ? key : "\(path).\(key)",
                "unknown field (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        return ContentObject(node: self, fields: fields)
    }

    package func array() -> [ContentNode]? {
        guard case .array(let items) = value else {
            fail("must be a list, found \(value.kindName)")
            return nil
        }
        return items.enumerated().map { index, item in
            ContentNode(value: item, file: file, path: "\(path)[\(index)]", log: log)
        }
    }

    package func string(nonEmpty: Bool = true) -> String? {
        guard case .string(let s) = value else {
            fail("must be a string, found \(value.kindName)")
            return nil
        }
        if nonEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty {
            fail("must not be empty")
            return nil
        }
        return s
    }

    package func bool() -> Bool? {
        guard case .bool(let b) = value else {
            fail("must be true or false, found \(value.kindName)")
            return nil
        }
        return b
    }

    package func number() -> Double? {
        guard case .number(let n) = value else {
            fail("must be a number, found \(value.kindName)")
            return nil
        }
        return n
    }

    package func integer(minimum: Int) -> Int? {
        guard let n = number() else { return nil }
        guard n == n.rounded(), abs(n) < 1e9 else {
            fail("must be a whole number, found \(formatNumber(n))")
            return nil
        }
        guard Int(n) >= minimum else {
            fail("must be at least \(minimum), found \(Int(n))")
            return nil
        }
        return Int(n)
    }

    /// A euro amount ≥ 0 with at most two decimals, in cents.
    package func euroCents() -> Int? {
        guard let n = number() else { return nil }
        guard n >= 0 else {
            fail("must not be negative (\(formatNumber(n)))")
            return nil
        }
        let cents = (n * 100).rounded()
        guard abs(cents - n * 100) < 1e-6, cents < 1e11 else {
            fail("must be in euro with at most two decimals (\(formatNumber(n)))")
            return nil
        }
        return Int(cents)
    }

    package func date() -> CalendarDate? {
        guard let s = string() else { return nil }
        guard let d = CalendarDate(iso: s) else {
            fail("must be a date as YYYY-MM-DD, found \"\(SafeText.clean(s))\"")
            return nil
        }
        return d
    }

    /// A `{"bg": "...", "en": "..."}` text; `bg` required and not empty.
    package func text() -> LocalizedText? {
        guard let o = object(allowed: ["bg", "en"]) else { return nil }
        guard let bg = o.required("bg")?.string() else { return nil }
        let en = o.optional("en")?.string(nonEmpty: false)
        return LocalizedText(bg: bg, en: en?.isEmpty == true ? nil : en)
    }

    package func childNode(_ key: String, _ value: JSONValue) -> ContentNode { child(value, key: key) }

    package init(value: JSONValue, file: String, path: String, log: IssueLog) {
        self.value = value
        self.file = file
        self.path = path
        self.log = log
    }
}

/// An object's fields, reached by name.
package struct ContentObject {
    package let node: ContentNode
    package let fields: [String: JSONValue]

    package func required(_ key: String) -> ContentNode? {
        guard let value = fields[key], value != .null else {
            node.log.add(node.file, node.path.isEmpty ? key : "\(node.path).\(key)", "missing required field")
            return nil
        }
        return node.childNode(key, value)
    }

    package func optional(_ key: String) -> ContentNode? {
        guard let value = fields[key], value != .null else { return nil }
        return node.childNode(key, value)
    }
}

package func formatNumber(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
}

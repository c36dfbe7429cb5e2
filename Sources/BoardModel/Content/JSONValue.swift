#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed JSON document, walked by the validator so errors can name their exact field.
public indirect enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Parses bytes, or throws a message saying where the JSON is malformed.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = (context.underlyingError.map { "\($0)" }) ?? context.debugDescription
            throw JSONSyntaxError(message: JSONSyntaxError.tidy(underlying))
        } catch {
            throw JSONSyntaxError(message: "\(error)")
        }
    }

    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Malformed JSON, with the parser's own words on where.
public struct JSONSyntaxError: Error, Sendable {
    public var message: String

    static func tidy(_ raw: String) -> String {
        // Foundation's messages carry a debug wrapper around the useful sentence.
        // e.g. `Unexpected character 'x' around line 3, column 5.` inside a debug dump.
        if let line = raw.split(separator: "\"").first(where: { $0.contains("line") && $0.contains("column") }) {
            return "not valid JSON: " + line.trimmingCharacters(in: .whitespaces)
        }
        return "not valid JSON: " + raw
    }
}

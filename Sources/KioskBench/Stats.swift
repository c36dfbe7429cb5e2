import Glibc

/// Monotonic time in seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` and returns its duration in milliseconds.
@inline(never)
func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return (now() - start) * 1000
}

/// A set of samples (milliseconds, bytes, ...) and their order statistics.
struct Samples {
    var values: [Double] = []
    mutating func add(_ v: Double) { values.append(v) }
    var count: Int { values.count }
    /// The q-quantile by the nearest-rank method (q = 0.5 median, 0.99 the 99th percentile).
    func quantile(_ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Swift.max(1, Int((q * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
    var median: Double { quantile(0.5) }
    var p99: Double { quantile(0.99) }
    var max: Double { values.max() ?? .nan }
}

/// One row of the result table and one entry of the JSON file.
struct Figure {
    var key: String
    var label: String
    var unit: String
    var median: Double
    var p99: Double?
    var n: Int
    var target: String?
    /// nil: no target; true/false: met or missed.
    var met: Bool?
}

func format(_ v: Double, _ unit: String) -> String {
    if v.isNaN { return "—" }
    switch unit {
    case "ms": return v < 0.1 ? String(fixed: v, 4) : v < 10 ? String(fixed: v, 3) : String(fixed: v, 1)
    case "µs": return String(fixed: v, 1)
    case "MB": return String(fixed: v, 1)
    case "%", "×": return String(fixed: v, 2)
    default: return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(fixed: v, 2)
    }
}

extension String {
    init(fixed value: Double, _ digits: Int) {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, 64, "%.\(digits)f", $0) }
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func padded(_ width: Int, right: Bool = false) -> String {
        let w = self.count
        if w >= width { return self }
        let pad = String(repeating: " ", count: width - w)
        return right ? pad + self : self + pad
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default:
            if scalar.value < 0x20 {
                out +=
                    "\\u" + String(String(scalar.value, radix: 16).padded(4, right: true).map { $0 == " " ? "0" : $0 })
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func jsonNumber(_ v: Double) -> String {
    v.isFinite ? String(fixed: v, 4) : "null"
}

import Foundation
import SpotlightCore

/// The JSON both ends of the broker's API speak: one encoder and one decoder, so a value
/// crosses the wire and comes back equal (`Date`s included, which the conformance suite compares).
public enum BoardWire {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            if let text = WireDate.text(date) {
                try container.encode(text)
            } else {
                try container.encode(date.timeIntervalSinceReferenceDate)
            }
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            // Text first: every stored time is text, and a failed `decode` builds an error.
            guard let text = try? container.decode(String.self) else {
                return Date(timeIntervalSinceReferenceDate: try container.decode(Double.self))
            }
            guard let date = WireDate.date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a time: use 2026-11-23T09:30:00.000Z")
            }
            return date
        }
        return decoder
    }

    /// `value` as JSON bytes; an encoding failure (a non-finite number) is a runtime error.
    public static func encode<T: Encodable>(_ value: T) throws(SpotlightError) -> [UInt8] {
        do {
            return Array(try encoder().encode(value))
        } catch {
            throw .runtime("cannot encode the answer as JSON")
        }
    }

    /// `bytes` as `T`; `what` names the thing in the one-line usage error a bad body gets.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws(SpotlightError) -> T {
        do {
            return try decoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw .usage("bad \(what): \(describe(error))")
        } catch {
            throw .usage("bad \(what): not JSON")
        }
    }

    /// One line naming the field at fault, never the payload itself.
    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the body" : "`" + names.joined(separator: ".") + "`"
        }
        switch error {
        case .typeMismatch(_, let context): return "\(at(context.codingPath)) has the wrong type"
        case .valueNotFound(_, let context): return "\(at(context.codingPath)) is missing"
        case .keyNotFound(let key, let context): return "\(at(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\(at(context.codingPath)) is not valid"
        @unknown default: return "not valid"
        }
    }
}

/// Times on the wire: an ISO 8601 UTC string with milliseconds (`2026-11-23T09:30:00.123Z`),
/// exactly the board's own precision (`Date(millis:)`), so a stored time round-trips exactly.
/// A time that is not a whole millisecond (only a client's own clock makes one) is sent as
/// Foundation's reference-date seconds, a JSON number, which also round-trips exactly.
public enum WireDate {
    public static func text(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970 * 1000
        guard seconds.isFinite, abs(seconds) < 1e15 else { return nil }
        let millis = Int(seconds.rounded())
        guard Date(timeIntervalSince1970: Double(millis) / 1000) == date else { return nil }
        let (day, msOfDay) = floorDivision(millis, 86_400_000)
        let (year, month, dayOfMonth) = civil(fromDays: day)
        guard (1...9999).contains(year) else { return nil }
        let h = msOfDay / 3_600_000, m = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, ms = msOfDay % 1000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2) + "T" + pad(h, 2) + ":" + pad(m, 2) + ":"
            + pad(s, 2) + "." + pad(ms, 3) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (1–3 fraction digits); nil otherwise.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, _ char: Character) -> Bool { index < bytes.count && bytes[index] == char.asciiValue }
        guard byte(4, "-"), byte(7, "-"), byte(10, "T"), byte(13, ":"), byte(16, ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var millis = 0
        if byte(19, ".") {
            let digits = bytes[20...].prefix { (48...57).contains($0) }.count
            guard (1...3).contains(digits), let fraction = number(20..<(20 + digits)) else { return nil }
            millis = fraction * [100, 10, 1][digits - 1]
            index = 20 + digits
        }
        guard index == bytes.count - 1, byte(index, "Z") else { return nil }
        let dayNumber = days(fromCivil: year, month, day)
        let total = ((dayNumber * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func floorDivision(_ a: Int, _ b: Int) -> (Int, Int) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    // Howard Hinnant's days-from-civil and civil-from-days (proleptic Gregorian, day 0 = 1970-01-01).
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

// PlatformClockRecord: the batch folder's clock.json — the operator's platformUtcOffset
// setting, the platform clock skew measured from its Date headers and the offset
// reconciliation used, with where it came from — written when it changes, read by `status`.

import Foundation
import KazeProtocol

/// What the batch knows of the platform's clock.
public struct PlatformClockRecord: Sendable, Equatable {
    /// The configured zone in seconds, nil for `auto`.
    public let setting: Int?
    /// The measured skew (platform UTC − local UTC), if any.
    public let skew: PlatformClock.Skew?
    /// The offset (platform wall − local UTC) reconciliation uses.
    public let offset: PlatformOffset

    /// The record of one measurement.
    public init(setting: Int?, skew: PlatformClock.Skew?, offset: PlatformOffset) {
        (self.setting, self.skew, self.offset) = (setting, skew, offset)
    }

    /// The file's name in the batch folder.
    public static let fileName = "clock.json"

    /// The JSON text (without the time it was written).
    var jsonText: String {
        var members: [(String, JSONValue)] = [
            ("platformUtcOffset", .string(setting.map(UTCOffsetText.text) ?? "auto")),
            ("offsetLowSeconds", .number(Self.number(offset.low))), ("offsetHighSeconds", .number(Self.number(offset.high))),
            ("offset", .string(offset.text)), ("source", .string(offset.source)),
        ]
        if let skew {
            members += [("skewLowSeconds", .number(Self.number(skew.low))), ("skewHighSeconds", .number(Self.number(skew.high)))]
        }
        return JSONValue.object(JSONObject(members)).compactText
    }

    /// One line for `status`: `platform clock: +08:00:01 … +08:00:02 (source)`.
    public var summaryLine: String { "platform clock offset \(offset.text) (\(offset.source))" }

    /// Writes `text` with the time to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(String(text.dropLast()) + ",\"measuredAt\":\"\(Timestamp.text())\"}\n")
        try file.commit()
    }

    /// The record at `path`, nil when missing or unreadable.
    public static func read(path: String) -> PlatformClockRecord? {
        guard let data = FileManager.default.contents(atPath: path),
            let object = (try? JSONValue.parse(Array(data)))?.objectValue,
            let low = object["offsetLowSeconds"]?.numberText.flatMap(Double.init),
            let high = object["offsetHighSeconds"]?.numberText.flatMap(Double.init)
        else { return nil }
        let skew = object["skewLowSeconds"]?.numberText.flatMap(Double.init).flatMap { skewLow in
            object["skewHighSeconds"]?.numberText.flatMap(Double.init).map { PlatformClock.Skew(low: skewLow, high: $0) }
        }
        let setting = object.text("platformUtcOffset").flatMap(UTCOffsetText.seconds)
        return PlatformClockRecord(
            setting: setting, skew: skew,
            offset: PlatformOffset(low: low, high: high, source: object.text("source") ?? "?"))
    }

    private static func number(_ value: Double) -> String { String(format: "%.3f", value) }
}

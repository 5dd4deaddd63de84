// HTTPDate: the IMF-fixdate of RFC 9110 (`Sun, 06 Nov 1994 08:49:37 GMT`), as servers write
// the `Date` and `Retry-After` headers.

import Foundation

/// Parsing and formatting of HTTP dates.
public enum HTTPDate {
    /// The date in `text`, or `nil` when it is absent or not an IMF-fixdate.
    public static func parse(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return makeFormatter().date(from: text)
    }

    /// `date` as an IMF-fixdate.
    public static func format(_ date: Date) -> String { makeFormatter().string(from: date) }

    private static func makeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}

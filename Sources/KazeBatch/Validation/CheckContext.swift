// CheckContext: what field checks need besides the value — today's date, the input file's folder
// (for image paths) and the image size limit.

import Foundation

/// The surroundings of a validation run.
struct CheckContext: Sendable {
    /// Today's date (UTC) from the injectable clock.
    let today: CalendarDate
    /// The folder relative image paths are resolved against.
    let folder: URL
    /// The largest image accepted, in bytes.
    let maxImageBytes: Int
}

// CheckedValue: what a field check turns a value into — JSON for the request body, or an image
// file left on disk until send time.

import Foundation
import KazeProtocol

/// A checked value: JSON for the request body, or an image file to read at send time.
enum CheckedValue: Sendable, Equatable {
    case json(JSONValue)
    case image(URL)
}

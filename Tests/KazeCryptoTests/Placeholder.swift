// Placeholder until the tests of this target land; remove then.
import XCTest

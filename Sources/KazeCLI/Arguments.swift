// Arguments: a small command-line parser — positionals, `--name value`, `--name=value`,
// boolean `--flag`, and `--` to end options. Unknown options are errors.

/// The parsed words of one command line.
public struct Arguments: Sendable, Equatable {
    /// Words that are not options, in order.
    public var positionals: [String] = []
    /// Valued options by name (without `--`); the last occurrence wins in `value(_:)`.
    public var values: [String: [String]] = [:]
    /// Boolean flags that were given.
    public var flags: Set<String> = []

    /// Parses `words`, accepting only the listed option names.
    /// - Parameters:
    ///   - valued: options that take a value (`--rate 5` or `--rate=5`).
    ///   - boolean: flags that take none (`--quiet`).
    /// - Throws: `CLIError` for an unknown option or a missing value.
    public init(_ words: [String], valued: Set<String>, boolean: Set<String>) throws {
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = optionsEnded ? words[index] : Self.shortAliases[words[index]] ?? words[index]
            index += 1
            guard !optionsEnded, word.hasPrefix("--"), word.count > 2 else {
                if word == "--" && !optionsEnded {
                    optionsEnded = true
                    continue
                }
                positionals.append(word)
                continue
            }
            let body = word.dropFirst(2)
            let name: String
            var inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            if valued.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < words.count else { throw CLIError("option --\(name) needs a value") }
                    values[name, default: []].append(words[index])
                    index += 1
                }
            } else if boolean.contains(name) {
                guard inlineValue == nil else { throw CLIError("option --\(name) takes no value") }
                flags.insert(name)
            } else {
                let known = valued.union(boolean).sorted()
                throw CLIError("unknown option --\(name)\(Suggestion.hint(for: name, among: known, prefix: "--"))")
            }
        }
    }

    /// Short spellings of long options.
    static let shortAliases = ["-q": "--quiet", "-h": "--help"]

    /// The last value given for `name`, if any.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// True when the boolean flag was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `name` as an integer within `range`.
    /// - Throws: `CLIError` when it is not a whole number in range.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw CLIError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return number
    }

    /// The value of `name` as a number within `range`.
    /// - Throws: `CLIError` when it is not a number in range.
    public func number(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), range.contains(number) else {
            throw CLIError("--\(name) must be a number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return number
    }
}

// JournalLineScanner: the fast path of reading a journal line. It recognises exactly the lines
// kazebatch writes itself — compact JSON, members in name order, ASCII strings without escapes,
// plain non-negative integers — and reads them straight from the bytes, without a JSONValue
// tree. Anything else (whitespace, escapes, non-ASCII text, unknown or repeated members, other
// number forms) is not recognised, and the caller falls back to the full JSON parser.

/// Reads one journal line written by `JournalEntry.jsonLine`, or gives up.
struct JournalLineScanner {
    /// The members of an entry, in the byte order of their names (the order they are written in).
    fileprivate enum Member: CaseIterable {
        case amount, attempt, cardID, code, currency, detail, email, fields, line
        case maskedCardNumber, ref, requestNo, requestNoInDoubt, state, target, time

        var name: [UInt8] { Array(String(describing: self).utf8) }
    }

    private static let names = Member.allCases.map { ($0, $0.name) }
    private static let quote: UInt8 = 0x22

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The entry of `bytes` (one line without its LF), nil when the line is not in the exact
    /// form this scanner recognises — not necessarily because it is no entry.
    static func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> JournalEntry? {
        var scanner = JournalLineScanner(bytes)
        return scanner.scanEntry()
    }

    private mutating func scanEntry() -> JournalEntry? {
        guard take(0x7B) else { return nil }  // {
        var entry = JournalEntry(line: 0, state: .pending, time: "", attempt: 0)
        var (line, state, time, attempt): (Int?, JournalState?, String?, Int?) = (nil, nil, nil, nil)
        var next = 0  // members before `next` in `names` can no longer come
        repeat {
            guard let key = scanString(), take(0x3A) else { return nil }  // :
            guard let found = Self.names[next...].firstIndex(where: { key.elementsEqual($0.1) }) else { return nil }
            next = found + 1
            switch Self.names[found].0 {
            case .line: line = scanInteger()
            case .attempt: attempt = scanInteger()
            case .state: state = scanText().flatMap(JournalState.init(rawValue:))
            case .time: time = scanText()
            case .fields:
                guard let fields = scanFields() else { return nil }
                entry.fields = fields
            case .requestNoInDoubt:
                guard let flag = scanFlag() else { return nil }
                entry.requestNoInDoubt = flag
            case let text:
                guard let value = scanOptionalText() else { return nil }
                entry.setText(value, of: text)
            }
        } while take(0x2C)  // ,
        guard take(0x7D), index == bytes.count, let line, let state, let time, let attempt else { return nil }  // }
        (entry.line, entry.state, entry.time, entry.attempt) = (line, state, time, attempt)
        return entry
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func take(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A quoted string of printable ASCII without escapes, as its bytes.
    private mutating func scanString() -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard take(Self.quote) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                index += 1
                return bytes[start..<index - 1]
            }
            guard byte >= 0x20, byte < 0x80, byte != 0x5C else { return nil }  // control, non-ASCII, backslash
            index += 1
        }
        return nil
    }

    private mutating func scanText() -> String? {
        scanString().map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
    }

    /// A string, or `null` as `.some(nil)`; nil when neither.
    private mutating func scanOptionalText() -> String?? {
        take("null") ? .some(nil) : scanText().map { .some($0) }
    }

    /// `true`, `false`, or `null` as `.some(nil)`.
    private mutating func scanFlag() -> Bool?? {
        if take("true") { return .some(true) }
        if take("false") { return .some(false) }
        return take("null") ? .some(nil) : nil
    }

    /// A non-negative integer without sign, fraction, exponent or leading zero, up to 18 digits.
    private mutating func scanInteger() -> Int? {
        let start = index
        var value = 0
        while index < bytes.count, index - start < 19, (0x30...0x39).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18, digits == 1 || bytes[start] != 0x30 else { return nil }
        return value
    }

    /// An object of strings with names in strictly increasing byte order, or `null` as `.some(nil)`.
    private mutating func scanFields() -> [String: String]?? {
        if take("null") { return .some(nil) }
        guard take(0x7B) else { return nil }  // {
        var fields: [String: String] = [:]
        if take(0x7D) { return .some(fields) }  // }
        var previous: UnsafeBufferPointer<UInt8>.SubSequence?
        repeat {
            guard let key = scanString(), take(0x3A), let value = scanText() else { return nil }
            if let previous, !previous.lexicographicallyPrecedes(key) { return nil }
            previous = key
            fields[String(decoding: UnsafeBufferPointer(rebasing: key), as: UTF8.self)] = value
        } while take(0x2C)
        return take(0x7D) ? .some(fields) : nil
    }
}

extension JournalEntry {
    /// Sets the optional text member `member` (not `line`, `attempt`, `state`, `time`,
    /// `fields` or `requestNoInDoubt`).
    fileprivate mutating func setText(_ value: String?, of member: JournalLineScanner.Member) {
        switch member {
        case .amount: amount = value
        case .cardID: cardID = value
        case .code: code = value
        case .currency: currency = value
        case .detail: detail = value
        case .email: email = value
        case .maskedCardNumber: maskedCardNumber = value
        case .ref: ref = value
        case .requestNo: requestNo = value
        case .target: target = value
        case .line, .attempt, .state, .time, .fields, .requestNoInDoubt: break
        }
    }
}

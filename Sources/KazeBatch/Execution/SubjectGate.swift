// SubjectGate: keeps rows that touch the same subject (a card, an email, a card number) in
// input order, one finished before the next starts, while rows of different subjects run
// side by side. Each subject has a queue of tickets; a row may start when it heads the queue
// of every subject it touches.

/// Admission of rows by subject, in input order.
struct SubjectGate<Item> {
    private struct Entry {
        let item: Item
        let keys: [String]
        var started = false
    }

    private var entries: [Int: Entry] = [:]
    private var queues: [String: [Int]] = [:]
    private var nextTicket = 0

    /// Rows admitted and not yet finished (running or waiting).
    var count: Int { entries.count }

    /// Admits `item` touching `keys` (in input order) and returns its ticket, with whether
    /// it may start at once.
    mutating func admit(_ item: Item, keys: [String]) -> (ticket: Int, ready: Bool) {
        let ticket = nextTicket
        nextTicket += 1
        let unique = Array(Set(keys))
        entries[ticket] = Entry(item: item, keys: unique)
        for key in unique { queues[key, default: []].append(ticket) }
        let ready = isHead(ticket, unique)
        if ready { entries[ticket]?.started = true }
        return (ticket, ready)
    }

    /// Marks `ticket` finished and returns the rows that may start now, in ticket order.
    mutating func finish(_ ticket: Int) -> [(ticket: Int, item: Item)] {
        guard let entry = entries.removeValue(forKey: ticket) else { return [] }
        var candidates: [Int] = []
        for key in entry.keys {
            queues[key]?.removeFirst()
            if let head = queues[key]?.first { candidates.append(head) } else { queues[key] = nil }
        }
        var ready: [(ticket: Int, item: Item)] = []
        for candidate in Set(candidates).sorted() {
            guard let waiting = entries[candidate], !waiting.started, isHead(candidate, waiting.keys) else { continue }
            entries[candidate]?.started = true
            ready.append((candidate, waiting.item))
        }
        return ready
    }

    private func isHead(_ ticket: Int, _ keys: [String]) -> Bool {
        keys.allSatisfy { queues[$0]?.first == ticket }
    }
}

// ScriptMove, ScriptEvent: what a ScriptedServer is asked about, and the steps it answers with.

/// One step of the server's answer.
enum ScriptMove: Sendable {
    /// Writes these bytes.
    case send([UInt8])
    /// Writes these bytes one at a time, `milliseconds` apart.
    case trickle([UInt8], milliseconds: Int)
    /// Waits (at most until the server stops).
    case pause(milliseconds: Int)
    /// Closes the connection.
    case close
    /// Answers `200 Connection established` and relays bytes both ways to 127.0.0.1:`port`
    /// until either side closes (a CONNECT proxy).
    case tunnel(port: UInt16)
}

/// What the script is asked about.
enum ScriptEvent: Sendable {
    /// A connection was accepted (moves here run before any request is read).
    case accepted(connection: Int)
    /// A complete request arrived (`number` counts from 1 across all connections).
    case request(number: Int, head: String, body: [UInt8])
}

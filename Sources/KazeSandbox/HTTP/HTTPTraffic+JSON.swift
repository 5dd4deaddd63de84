// HTTPTraffic+JSON: the counters as the `http` object of `GET /_sandbox/state`.

import KazeProtocol

extension HTTPTraffic.Counts {
    /// `{"requests":…,"refusedConnections":…,"refusedOverBuffer":…,"bufferedBytes":…,"peakBufferedBytes":…}`.
    var json: JSONValue {
        .object(
            JSONObject([
                ("requests", .number(String(requests))), ("refusedConnections", .number(String(refusedConnections))),
                ("refusedOverBuffer", .number(String(refusedOverBuffer))), ("bufferedBytes", .number(String(bufferedBytes))),
                ("peakBufferedBytes", .number(String(peakBufferedBytes))),
            ]))
    }
}

// DoctorCommand+Endpoint: DNS, TCP and TLS (certificate chain, host name, expiry; pins) for the
// configured endpoint. TLS is a separate step: not applicable for an http loopback endpoint.

import Foundation
import KazeClient

extension DoctorCommand {
    /// Checks the endpoint; returns true when a connection could be opened.
    static func checkEndpoint(_ configuration: Configuration, report: DoctorReport) -> Bool {
        let url = configuration.endpoint
        let secure = url.scheme?.lowercased() == "https"
        let host = (url.host ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let port = url.port ?? (secure ? 443 : 80)
        let addresses: [String]
        do {
            addresses = try EndpointSocket.resolve(host, port: port)
            report.add(.pass("DNS", "\(host) is \(addresses.joined(separator: ", "))"))
        } catch {
            report.add(.fail("DNS", "\(host) cannot be resolved: \(error)",
                             fix: "check the endpoint's host name and this machine's DNS settings"))
            return false
        }
        var failures: [String] = []
        for address in addresses {
            let fd: Int32
            do { fd = try EndpointSocket.openTCP(to: address, port: port, timeout: min(10, configuration.timeoutSeconds)) } catch {
                failures.append("\(address): \(error)")
                continue
            }
            defer { close(fd) }
            report.add(.pass("TCP", "connected to \(address) port \(port)"))
            checkTLS(fd: fd, host: host, secure: secure, loopback: Endpoint.isLoopback(url), report: report)
            return true
        }
        report.add(.fail("TCP", "cannot connect to \(host) port \(port) (\(failures.joined(separator: "; ")))",
                         fix: "check that the platform (or `kazebatch sandbox`) is running there and no firewall is in the way"))
        return false
    }

    /// The TLS step over the connected `fd`.
    private static func checkTLS(fd: Int32, host: String, secure: Bool, loopback: Bool, report: DoctorReport) {
        guard secure else {
            report.add(.notApplicable("TLS", loopback ? "http on this machine" : "http endpoint"))
            report.add(.notApplicable("pins", "no TLS"))
            return
        }
        do {
            let handshake = try TLSHandshake(fd: fd, host: host)
            if handshake.daysLeft < 0 {
                report.add(.fail("TLS", "the certificate for \(host) has expired", fix: "the platform must renew its certificate"))
            } else if handshake.daysLeft < 14 {
                report.add(.fail("TLS", "\(handshake.version), chain and host name verified, but the certificate expires in"
                                 + " \(handshake.daysLeft) days", fix: "ask KazePay when the certificate will be renewed"))
            } else {
                report.add(.pass("TLS", "\(handshake.version), chain and host name \(host) verified, certificate valid for"
                                 + " \(handshake.daysLeft) more days"))
            }
        } catch {
            report.add(.fail("TLS", "\(error)", fix: "check the endpoint's host name; install the platform's CA in the system's trust store"))
        }
        report.add(.notApplicable("pins", "no pinned keys are configured"))
    }
}

// DoctorCommand+Endpoint: DNS, TCP, TLS (certificate chain against the configured trust, host
// name, expiry) and pins for the configured endpoint, as the transport itself takes these steps
// (KazeClient's EndpointProbe): proxy, caFile and pinnedKeys included. TLS and pins are not
// applicable for an http endpoint.

import Foundation
import KazeClient

extension DoctorCommand {
    /// Certificates closer to their end date than this many days are flagged.
    static let expiryWarningDays = 14

    /// Checks the endpoint; returns true when the transport can connect (so the probe call can follow).
    static func checkEndpoint(_ configuration: Configuration, report: DoctorReport) -> Bool {
        let probe = EndpointProbe(configuration)
        guard checkLookup(probe, report: report), let connection = probe.connection else { return false }
        let target = "\(probe.host) port \(probe.port)"
        switch connection {
        case .success(let open):
            let time = String(format: "%.1f ms", open.milliseconds)
            report.add(
                .pass(
                    "TCP",
                    probe.proxy.map { "tunnel to \(target) opened through \($0) (\(open.address)) in \(time)" }
                        ?? "connected to \(open.address) port \(probe.port) in \(time)"))
        case .failure(let failure):
            report.add(
                .fail(
                    "TCP", "cannot connect to \(target)\(probe.proxy.map { " through \($0)" } ?? ""): \(failure)",
                    fix: probe.proxy == nil
                        ? "check that the platform (or `kazebatch sandbox`) is running there and no firewall is in the way"
                        : "check the proxy setting (or https_proxy) and that the proxy allows CONNECT to \(target)"))
            return false
        }
        guard let handshake = probe.handshake else {
            let place = Endpoint.isLoopback(configuration.endpoint) ? "http on this machine" : "http endpoint"
            report.add(.notApplicable("TLS", place))
            report.add(.notApplicable("pins", "no TLS"))
            return true
        }
        return checkTLS(handshake, probe: probe, configuration: configuration, report: report)
            && checkPins(probe.pins, report: report)
    }

    /// The DNS step: the endpoint's host, or the proxy's when the proxy resolves the endpoint.
    private static func checkLookup(_ probe: EndpointProbe, report: DoctorReport) -> Bool {
        switch probe.addresses {
        case .success(let addresses):
            let resolver = probe.proxy == nil ? "" : " (the proxy resolves \(probe.host))"
            report.add(.pass("DNS", "\(probe.resolvedHost) is \(addresses.joined(separator: ", "))\(resolver)"))
            return true
        case .failure(let failure):
            report.add(
                .fail(
                    "DNS", "\(failure)",
                    fix: probe.proxy == nil
                        ? "check the endpoint's host name and this machine's DNS settings"
                        : "check the proxy's host name (proxy setting or https_proxy) and this machine's DNS settings"))
            return false
        }
    }

    /// The TLS step's line; true when the handshake succeeded.
    private static func checkTLS(
        _ handshake: Result<EndpointProbe.Handshake, EndpointProbe.Failure>, probe: EndpointProbe,
        configuration: Configuration, report: DoctorReport
    ) -> Bool {
        let verified: EndpointProbe.Handshake
        switch handshake {
        case .success(let done): verified = done
        case .failure(let failure):
            report.add(
                .fail(
                    "TLS", withoutTLSPrefix(failure.description),
                    fix: configuration.caFilePath.map {
                        "check the endpoint's host name and that caFile \($0) holds the CA that issued the platform's certificate"
                    } ?? "check the endpoint's host name; install the platform's CA in the system's trust store or set caFile"))
            report.add(.notApplicable("pins", "no completed TLS handshake"))
            return false
        }
        let checked = "\(verified.version), chain (trusting \(verified.trustSource)) and host name \(probe.host) verified"
        switch verified.leafDaysLeft {
        case nil:
            report.add(
                .fail(
                    "TLS", "\(checked), but the certificate's end date cannot be read",
                    fix: "ask KazePay when the certificate will be renewed"))
        case let days? where days < expiryWarningDays:
            report.add(
                .fail(
                    "TLS", "\(checked), but the certificate expires in \(days) days",
                    fix: "ask KazePay when the certificate will be renewed"))
        case let days?:
            report.add(.pass("TLS", "\(checked), certificate valid for \(days) more days"))
        }
        return true
    }

    /// The pins step's line; false on a mismatch (the transport refuses such a server).
    private static func checkPins(_ pins: EndpointProbe.PinCheck?, report: DoctorReport) -> Bool {
        switch pins {
        case nil, .notConfigured?:
            report.add(.notApplicable("pins", "no pinnedKeys are configured"))
        case .matched(let pin)?:
            report.add(.pass("pins", "pin-sha256 \"\(pin)\" matches a key of the server's certificate chain"))
        case .mismatch(let reason, let serverPin)?:
            report.add(
                .fail(
                    "pins", withoutTLSPrefix(reason),
                    fix: "if KazePay announced a new key, add \"\(serverPin)\" to pinnedKeys;"
                        + " otherwise something between here and the platform is intercepting TLS"))
            return false
        }
        return true
    }

    /// The transport's TLS text without its `TLS: ` prefix, which the line's title already says.
    private static func withoutTLSPrefix(_ text: String) -> String {
        text.hasPrefix("TLS: ") ? String(text.dropFirst(5)) : text
    }
}

// ProxyTests: an https endpoint reached through an HTTP CONNECT proxy — the name goes to the
// proxy unresolved, TLS runs end to end through the tunnel and is verified for the endpoint's
// name; a proxy that refuses or is down means "not sent"; a loopback endpoint never uses a
// proxy; `https_proxy`/`HTTPS_PROXY` and `no_proxy`/`NO_PROXY` are read as curl reads them and
// the `proxy` setting overrides them; EndpointProbe (doctor's checks) takes the same steps.

import Foundation
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeClient

final class ProxyTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("kazeproxy").url
        try writeKeyFiles(into: folder)
    }

    /// A transport to `https://kazepay.test:PORT/api` (a name that resolves nowhere) through `proxy`.
    private func transportViaProxy(endpointPort: UInt16, proxyPort: UInt16, caFile: String?) throws -> HTTPTransport {
        let configuration = Configuration(
            endpoint: try XCTUnwrap(URL(string: "https://kazepay.test:\(endpointPort)/api")), sysId: "S1",
            merchantKeyPath: "/unused", platformPublicKeyPath: "/unused", timeoutSeconds: 5, caFilePath: caFile,
            proxy: URL(string: "http://127.0.0.1:\(proxyPort)"))
        return HTTPTransport(settings: TransportSettings(configuration), opener: try ConnectionOpener(configuration))
    }

    private func httpsServer(names: [String]) throws -> (port: UInt16, caFile: String) {
        let files = TLSFiles(directory: folder.path)
        try TLSCertificateAuthority.create(files, names: names)
        let server = HTTPServer(port: 0, tls: try TLSServerContext(files: files)) { _ in .text(status: 200, "tunnelled") }
        let port = try server.start()
        addTeardownBlock { server.stop() }
        return (port, files.caCertificatePath)
    }

    private func proxy(refuse: Bool = false) throws -> ConnectProxy {
        let proxy = try ConnectProxy(refuse: refuse)
        addTeardownBlock { proxy.stop() }
        return proxy
    }

    func testHTTPSThroughACONNECTTunnel() async throws {
        let (port, caFile) = try httpsServer(names: ["kazepay.test"])
        let proxy = try proxy()
        let transport = try transportViaProxy(endpointPort: port, proxyPort: proxy.port, caFile: caFile)
        let first = await transport.post([])
        let second = await transport.post([])
        XCTAssertEqual(first.answerText?.body, "tunnelled\n")
        XCTAssertEqual(second.answerText?.body, "tunnelled\n")
        XCTAssertEqual(proxy.connectTargets, ["kazepay.test:\(port)"], "one tunnel, kept alive; the name is the proxy's to resolve")
    }

    func testTheCertificateIsCheckedForTheEndpointNotTheProxy() async throws {
        let (port, caFile) = try httpsServer(names: ["127.0.0.1"])
        let proxy = try proxy()
        let result = try await transportViaProxy(endpointPort: port, proxyPort: proxy.port, caFile: caFile).post([])
        XCTAssertEqual(result, .notSent(reason: "TLS: wrong host: the server's certificate is not for kazepay.test"))
    }

    func testARefusingOrMissingProxyIsNotSent() async throws {
        let refusing = try proxy(refuse: true)
        let refused = try await transportViaProxy(endpointPort: 8443, proxyPort: refusing.port, caFile: nil).post([])
        XCTAssertEqual(refused, .notSent(reason: "proxy 127.0.0.1:\(refusing.port) refused CONNECT kazepay.test:8443 (HTTP 403)"))
        let gone = try ConnectProxy()
        gone.stop()
        let down = try await transportViaProxy(endpointPort: 8443, proxyPort: gone.port, caFile: nil).post([])
        XCTAssertEqual(down, .notSent(reason: "proxy 127.0.0.1:\(gone.port): connection refused (127.0.0.1 port \(gone.port))"))
    }

    func testTheEndpointProbeTakesTheTransportsStepsThroughTheProxy() throws {
        let (port, caFile) = try httpsServer(names: ["kazepay.test"])
        let proxy = try proxy()
        let configuration = Configuration(
            endpoint: try XCTUnwrap(URL(string: "https://kazepay.test:\(port)/api")), sysId: "S1", merchantKeyPath: "/unused",
            platformPublicKeyPath: "/unused", timeoutSeconds: 5, caFilePath: caFile, proxy: URL(string: "http://127.0.0.1:\(proxy.port)"))
        let probe = EndpointProbe(configuration)
        XCTAssertEqual(probe.proxy, "proxy 127.0.0.1:\(proxy.port)")
        XCTAssertEqual(probe.resolvedHost, "127.0.0.1", "this machine resolves the proxy, never the endpoint")
        XCTAssertEqual(try probe.addresses.get(), ["127.0.0.1"])
        XCTAssertEqual(try probe.connection?.get().address, "127.0.0.1")
        let handshake = try XCTUnwrap(probe.handshake?.get())
        XCTAssertTrue(handshake.version.hasPrefix("TLSv1."), handshake.version)
        XCTAssertEqual(handshake.trustSource, caFile)
        XCTAssertTrue(
            (824...825).contains(handshake.leafDaysLeft ?? 0), "the sandbox CA's 825 days: \(String(describing: handshake.leafDaysLeft))")
        XCTAssertEqual(probe.pins, .notConfigured)
        XCTAssertEqual(proxy.connectTargets, ["kazepay.test:\(port)"])

        let gone = try ConnectProxy()
        gone.stop()
        var down = configuration
        down.proxy = URL(string: "http://127.0.0.1:\(gone.port)")
        let failed = EndpointProbe(down)
        XCTAssertEqual(failed.connection, .failure(.init("proxy 127.0.0.1:\(gone.port): connection refused (127.0.0.1 port \(gone.port))")))
        XCTAssertNil(failed.handshake, "no handshake without a connection")
    }

    func testALoopbackEndpointNeverUsesTheProxy() async throws {
        let server = try ScriptedServer { event in
            if case .request = event { return [.send(Raw.ok("direct"))] }
            return []
        }
        addTeardownBlock { server.stop() }
        let proxy = try proxy()
        let configuration = Configuration(
            endpoint: try XCTUnwrap(URL(string: "http://127.0.0.1:\(server.port)/api")), sysId: "S1", merchantKeyPath: "/unused",
            platformPublicKeyPath: "/unused", proxy: URL(string: "http://127.0.0.1:\(proxy.port)"))
        let transport = HTTPTransport(settings: TransportSettings(configuration), opener: try ConnectionOpener(configuration))
        let direct = await transport.post([])
        XCTAssertEqual(direct.answerText?.body, "direct")
        XCTAssertEqual(proxy.connections, 0)
        for endpoint in ["https://127.0.0.1/", "https://localhost:8443/", "https://[::1]/"] {
            XCTAssertNil(
                ProxyRoute.proxy(for: try XCTUnwrap(URL(string: endpoint)), proxy: URL(string: "http://p:1"), noProxy: []), endpoint)
        }
    }

    func testNoProxyMatchesAsCurlDoes() throws {
        let endpoint = try XCTUnwrap(URL(string: "https://api.kazepay.example:443/card"))
        let proxy = URL(string: "http://proxy.internal:3128")
        XCTAssertEqual(ProxyRoute.proxy(for: endpoint, proxy: proxy, noProxy: ["other.example"])?.host, "proxy.internal")
        XCTAssertEqual(ProxyRoute.proxy(for: endpoint, proxy: proxy, noProxy: [])?.port, 3128)
        for entries in [["*"], ["kazepay.example"], [".kazepay.example"], ["API.KAZEPAY.EXAMPLE"], ["x", "api.kazepay.example"]] {
            XCTAssertNil(ProxyRoute.proxy(for: endpoint, proxy: proxy, noProxy: entries), "\(entries)")
        }
        XCTAssertNotNil(ProxyRoute.proxy(for: endpoint, proxy: proxy, noProxy: ["pay.example", "ay.kazepay.example"]))
        XCTAssertNil(ProxyRoute.proxy(for: endpoint, proxy: nil, noProxy: []))
    }

    func testProxySettingsFromEnvironmentAndFlags() throws {
        let path = folder.appendingPathComponent("kazebatch.json").path
        try Data(
            #"{"endpoint": "https://api.kazepay.example/", "live": true, "sysId": "S1", "merchantKey": "merchant.pem", "platformPublicKey": "platform.pub"}"#
                .utf8
        )
        .write(to: URL(fileURLWithPath: path))
        let environment = [
            "HTTPS_PROXY": "upper.example:3128", "https_proxy": "http://lower.example:8080", "NO_PROXY": "a.example, b.example",
        ]
        let fromEnvironment = try Configuration.load(configPath: path, environment: environment, flags: [:])
        XCTAssertEqual(fromEnvironment.proxy?.absoluteString, "http://lower.example:8080", "https_proxy is read first, as curl does")
        XCTAssertEqual(fromEnvironment.noProxy, ["a.example", "b.example"])
        let upper = try Configuration.load(configPath: path, environment: ["HTTPS_PROXY": "upper.example"], flags: [:])
        XCTAssertEqual(upper.proxy?.absoluteString, "http://upper.example:1080", "no scheme means http, no port 1080")
        let flagged = try Configuration.load(configPath: path, environment: environment, flags: ["proxy": "http://flag.example:9"])
        XCTAssertEqual(flagged.proxy?.absoluteString, "http://flag.example:9", "the proxy setting overrides HTTPS_PROXY")
        for (environment, flags, message) in [
            (
                ["HTTPS_PROXY": "socks5://s.example:1"], [:],
                "HTTPS_PROXY: expected an http://host:port proxy URL, got \"socks5://s.example:1\""
            ),
            (
                [:], ["proxy": "http://user:secret@p.example:1"],
                "--proxy: expected an http://host:port proxy URL, got \"http://user:secret@p.example:1\""
            ),
        ] as [([String: String], [String: String], String)] {
            XCTAssertThrowsError(try Configuration.load(configPath: path, environment: environment, flags: flags)) {
                XCTAssertEqual("\($0)", message)
            }
        }
    }
}

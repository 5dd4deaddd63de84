// IPAddressLiteral: tells an IP address from a host name, as TLS needs to (no SNI for an
// address; an address is matched against a certificate's IP entries, a name against its DNS ones).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IP address literals.
public enum IPAddressLiteral {
    /// True when `text` is an IPv4 (`127.0.0.1`) or IPv6 (`::1`, no brackets) address.
    public static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

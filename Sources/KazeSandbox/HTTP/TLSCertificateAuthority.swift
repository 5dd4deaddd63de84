// TLSCertificateAuthority: the sandbox's throw-away TLS identity — a CA made once, a server
// certificate it signs for the loopback names, written as PEM files (the CA's key is never kept).
// Made with OpenSSL's X509 APIs in code, not the openssl command.

internal import COpenSSL
import Foundation
import KazeCrypto
import KazeProtocol

/// Makes throw-away CAs and server certificates.
public enum TLSCertificateAuthority {
    /// The names the sandbox's certificate is for.
    public static let loopbackNames = ["127.0.0.1", "localhost"]

    /// The identity in `directory`, made there first when any file is missing.
    public static func ensure(in directory: String) throws -> TLSFiles {
        let files = TLSFiles(directory: directory)
        if files.exist { return files }
        try create(files, names: loopbackNames)
        return files
    }

    /// Makes a new CA and a server certificate for `names` (IP addresses or DNS names), valid
    /// from `validFrom` for `days` days, and writes them to `files`.
    public static func create(_ files: TLSFiles, names: [String], validFrom: Date = Date().addingTimeInterval(-3_600), days: Int = 825)
        throws
    {
        let caKey = try newKey()
        defer { EVP_PKEY_free(caKey) }
        let serverKey = try newKey()
        defer { EVP_PKEY_free(serverKey) }
        let ca = try certificate(
            subject: "kazebatch sandbox CA", key: caKey, issuer: nil, signer: caKey, validFrom: validFrom, days: days,
            extensions: [
                (NID_basic_constraints, "critical,CA:TRUE"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
            ])
        defer { X509_free(ca) }
        let alternativeNames = names.map { IPAddressLiteral.isAddress($0) ? "IP:\($0)" : "DNS:\($0)" }.joined(separator: ",")
        let server = try certificate(
            subject: names.first ?? "localhost", key: serverKey, issuer: ca, signer: caKey,
            validFrom: validFrom, days: days,
            extensions: [
                (NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, "critical,digitalSignature"),
                (NID_ext_key_usage, "serverAuth"), (NID_subject_alt_name, alternativeNames),
                (NID_authority_key_identifier, "keyid"),
            ])
        defer { X509_free(server) }
        try write(pem { PEM_write_bio_X509($0, ca) }, to: files.caCertificatePath, mode: 0o644)
        try write(pem { PEM_write_bio_X509($0, server) }, to: files.certificatePath, mode: 0o644)
        try write(pem { PEM_write_bio_PrivateKey($0, serverKey, nil, nil, 0, nil, nil) }, to: files.keyPath, mode: 0o600)
    }

    /// A new P-256 key.
    private static func newKey() throws -> OpaquePointer {
        guard let key = COpenSSLShim_EVP_EC_gen("P-256") else { throw failure("generate a key") }
        return key
    }

    /// A certificate for `subject` with `key`, issued by `issuer` (self-signed when `nil`), signed by `signer`.
    private static func certificate(
        subject: String, key: OpaquePointer, issuer: OpaquePointer?, signer: OpaquePointer, validFrom: Date, days: Int,
        extensions: [(Int32, String)]
    ) throws -> OpaquePointer {
        guard let cert = X509_new() else { throw failure("create a certificate") }
        var serial = [UInt8](repeating: 0, count: 8)
        _ = RAND_bytes(&serial, Int32(serial.count))
        let serialNumber = serial.dropFirst().reduce(Int(serial[0] & 0x3F)) { $0 << 8 | Int($1) }
        let start = Int(validFrom.timeIntervalSinceNow)
        let made =
            X509_set_version(cert, 2) == 1
            && ASN1_INTEGER_set(X509_get_serialNumber(cert), serialNumber) == 1
            && X509_gmtime_adj(X509_getm_notBefore(cert), start) != nil
            && X509_gmtime_adj(X509_getm_notAfter(cert), start + days * 86_400) != nil
            && X509_set_pubkey(cert, key) == 1
            && X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC, subject, -1, -1, 0) == 1
            && X509_set_issuer_name(cert, X509_get_subject_name(issuer ?? cert)) == 1
        guard made else {
            X509_free(cert)
            throw failure("fill in a certificate")
        }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer ?? cert, cert, nil, nil, 0)
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                X509_free(cert)
                throw failure("add the certificate extension \(value)")
            }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(cert, ext, -1) == 1 else {
                X509_free(cert)
                throw failure("add the certificate extension \(value)")
            }
        }
        guard X509_sign(cert, signer, EVP_sha256()) > 0 else {
            X509_free(cert)
            throw failure("sign a certificate")
        }
        return cert
    }

    /// PEM text written by `writer` into a memory BIO.
    private static func pem(_ writer: (OpaquePointer) -> Int32) throws -> String {
        let bio = try MemoryBIO()
        guard writer(bio.pointer) == 1 else { throw failure("write PEM") }
        return bio.text()
    }

    private static func write(_ text: String, to path: String, mode: Int) throws {
        let created = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        guard created else { throw HTTPServerError(action: "write \(path)", reason: POSIXSocket.lastError) }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    private static func failure(_ action: String) -> HTTPServerError {
        HTTPServerError(action: action, reason: OpenSSLErrors.drain())
    }
}

// COpenSSL shim: the OpenSSL headers kazebatch uses, plus forwarders for what Swift
// cannot import directly (function-like macros).
#ifndef KAZEBATCH_COPENSSL_SHIM_H
#define KAZEBATCH_COPENSSL_SHIM_H

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/ec.h>

/// BIO_get_mem_data is a macro; this forwards it so Swift can read a memory BIO.
static inline long COpenSSLShim_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

/// EVP_PKEY_CTX_set_rsa_padding is a macro in some OpenSSL versions.
static inline int COpenSSLShim_EVP_PKEY_CTX_set_rsa_padding(EVP_PKEY_CTX *ctx, int padding) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, padding);
}

/// EVP_PKEY_CTX_set_signature_md is a macro in some OpenSSL versions.
static inline int COpenSSLShim_EVP_PKEY_CTX_set_signature_md(EVP_PKEY_CTX *ctx, const EVP_MD *md) {
    return EVP_PKEY_CTX_set_signature_md(ctx, md);
}

/// EVP_PKEY_CTX_set_rsa_keygen_bits is a macro in some OpenSSL versions.
static inline int COpenSSLShim_EVP_PKEY_CTX_set_rsa_keygen_bits(EVP_PKEY_CTX *ctx, int bits) {
    return EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits);
}

/// SSL_CTX_set_min_proto_version is a macro.
static inline int COpenSSLShim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

/// SSL_set_tlsext_host_name (SNI) is a macro.
static inline int COpenSSLShim_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/// sk_X509_num is a macro over the typed stack.
static inline int COpenSSLShim_sk_X509_num(const STACK_OF(X509) *stack) {
    return sk_X509_num(stack);
}

/// sk_X509_value is a macro over the typed stack.
static inline X509 *COpenSSLShim_sk_X509_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}

/// EVP_EC_gen is a macro over a variadic function Swift cannot call.
static inline EVP_PKEY *COpenSSLShim_EVP_EC_gen(const char *curve) {
    return EVP_EC_gen(curve);
}

/// SSL_CTX_set_mode is a macro.
static inline void COpenSSLShim_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    SSL_CTX_set_mode(ctx, mode);
}

#endif

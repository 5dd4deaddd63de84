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
#include <openssl/x509v3.h>

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

/// SSL_set_tlsext_host_name is a macro; this forwards it (the name sent as SNI).
static inline long COpenSSLShim_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

#endif

// KazeCrypto placeholder for OpenSSL import check; replaced by the crypto files.
import COpenSSL

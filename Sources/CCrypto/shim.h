#ifndef SENANI_CCRYPTO_SHIM_H
#define SENANI_CCRYPTO_SHIM_H

// libcrypto (OpenSSL 3, Debian's libssl-dev) for the install key: SHA-256, HMAC-SHA-256, AES-256-GCM and random
// bytes. AES-GCM goes through EVP, whose control calls take macro constants; these typed wrappers keep the Swift
// side free of them and of any pointer arithmetic.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

/// SHA-256 of `data`: 32 bytes into `out`. 1 on success.
static inline int senani_sha256(const unsigned char *data, size_t length, unsigned char *out) {
    unsigned int written = 0;
    return EVP_Digest(data, length, out, &written, EVP_sha256(), NULL) == 1 && written == 32;
}

/// HMAC-SHA-256 of `data` under `key`: 32 bytes into `out`. 1 on success.
static inline int senani_hmac_sha256(const unsigned char *key, int key_length, const unsigned char *data,
                                     size_t length, unsigned char *out) {
    unsigned int written = 0;
    static const unsigned char empty = 0;
    return HMAC(EVP_sha256(), key_length > 0 ? key : &empty, key_length, length > 0 ? data : &empty, length, out,
                &written) != NULL && written == 32;
}

/// An HMAC-SHA-256 context fetched and keyed once, to be copied for each message: the one-shot HMAC() fetches
/// the algorithm from the provider on every call, which was most of its cost. NULL on failure.
static inline EVP_MAC_CTX *senani_hmac_key_new(const unsigned char *key, size_t key_length) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (mac == NULL) return NULL;
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (ctx == NULL) return NULL;
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
    static const unsigned char empty = 0;
    if (EVP_MAC_init(ctx, key_length > 0 ? key : &empty, key_length, params) != 1) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

/// HMAC-SHA-256 of `data` with a context from `senani_hmac_key_new` (only read, so threads may share it): 32 bytes
/// into `out`. 1 on success.
static inline int senani_hmac_keyed(const EVP_MAC_CTX *keyed, const unsigned char *data, size_t length,
                                    unsigned char *out) {
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(keyed);
    if (ctx == NULL) return 0;
    static const unsigned char empty = 0;
    size_t written = 0;
    int ok = EVP_MAC_update(ctx, length > 0 ? data : &empty, length) == 1
        && EVP_MAC_final(ctx, out, &written, 32) == 1 && written == 32;
    EVP_MAC_CTX_free(ctx);
    return ok;
}

static inline void senani_hmac_key_free(EVP_MAC_CTX *ctx) { EVP_MAC_CTX_free(ctx); }

/// AES-256-GCM encryption with a 12-byte nonce: `length` bytes of ciphertext into `out`, a 16-byte tag into `tag`.
static inline int senani_aes256gcm_seal(const unsigned char *key, const unsigned char *nonce, const unsigned char *aad,
                                        int aad_length, const unsigned char *plain, int length, unsigned char *out,
                                        unsigned char *tag) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (ctx == NULL) return 0;
    int ok = 0, written = 0;
    unsigned char rest[16];
    if (EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1
        && EVP_EncryptInit_ex(ctx, NULL, NULL, key, nonce) == 1
        && (aad_length == 0 || EVP_EncryptUpdate(ctx, NULL, &written, aad, aad_length) == 1)
        && EVP_EncryptUpdate(ctx, out, &written, plain, length) == 1 && written == length
        && EVP_EncryptFinal_ex(ctx, rest, &written) == 1 && written == 0
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1) {
        ok = 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

/// AES-256-GCM decryption; 1 only when the tag proves `cipher` and `aad` untouched under `key`.
static inline int senani_aes256gcm_open(const unsigned char *key, const unsigned char *nonce, const unsigned char *aad,
                                        int aad_length, const unsigned char *cipher, int length,
                                        const unsigned char *tag, unsigned char *out) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (ctx == NULL) return 0;
    int ok = 0, written = 0;
    unsigned char rest[16];
    unsigned char tag_copy[16];
    for (int i = 0; i < 16; i++) tag_copy[i] = tag[i];
    if (EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1
        && EVP_DecryptInit_ex(ctx, NULL, NULL, key, nonce) == 1
        && (aad_length == 0 || EVP_DecryptUpdate(ctx, NULL, &written, aad, aad_length) == 1)
        && EVP_DecryptUpdate(ctx, out, &written, cipher, length) == 1 && written == length
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag_copy) == 1
        && EVP_DecryptFinal_ex(ctx, rest, &written) == 1) {
        ok = 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

/// `length` bytes from the system's CSPRNG. 1 on success.
static inline int senani_random_bytes(unsigned char *out, int length) {
    return RAND_bytes(out, length) == 1;
}

#endif

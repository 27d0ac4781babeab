// RUN: %check_async_tidy %s async-blocking-cpu %t -- -I %inputs -DOPENSSL_SUPPRESS_DEPRECATED

#include "task.h"
#include <argon2.h>
#include <bzlib.h>
#include <crypt.h>
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <regex>
#include <string>
#include <zlib.h>
#include <zstd.h>

using test::task;

task<bool> login(const std::string &password, const std::string &stored) {
  const char *hashed = crypt(password.c_str(), stored.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'crypt' derives a key, which is slow by design inside coroutine 'login', stalling every coroutine on its thread [async-blocking-cpu]
  unsigned char key[32];
  PKCS5_PBKDF2_HMAC(password.data(), password.size(), nullptr, 0, 600000,
                    EVP_sha256(), sizeof key, key);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'PKCS5_PBKDF2_HMAC' derives a key
  char encoded[128];
  argon2id_hash_encoded(3, 1 << 16, 1, password.data(), password.size(), "salt1234", 8, 32, encoded, sizeof encoded);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'argon2id_hash_encoded' derives a key
  co_return hashed && stored == hashed;
}

task<> compression(const std::string &in, unsigned char *out, unsigned long cap) {
  uLongf n = cap;
  compress2(out, &n, reinterpret_cast<const Bytef *>(in.data()), in.size(), 9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'compress2' compresses or decompresses a whole buffer at once
  ZSTD_compress(out, cap, in.data(), in.size(), 19);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ZSTD_compress' compresses or decompresses a whole buffer at once
  unsigned int bz = cap;
  BZ2_bzBuffToBuffCompress(reinterpret_cast<char *>(out), &bz, const_cast<char *>(in.data()), in.size(), 9, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'BZ2_bzBuffToBuffCompress' compresses or decompresses a whole buffer at once
  std::regex pattern("^[a-z]+(\\.[a-z]+)*$");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::basic_regex::basic_regex' compiles a regular expression
  co_return;
}

// Key and parameter generation: RSA keys and DH parameters search for
// large primes.
task<EVP_PKEY *> keys(EVP_PKEY_CTX *ctx, EVP_PKEY_CTX *params, RSA *rsa,
                      DH *dh, BIGNUM *e) {
  EVP_PKEY *key = nullptr;
  EVP_PKEY_keygen(ctx, &key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'EVP_PKEY_keygen' generates a key or key parameters inside coroutine 'keys', stalling every coroutine on its thread [async-blocking-cpu]
  EVP_PKEY *p = nullptr;
  EVP_PKEY_paramgen(params, &p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'EVP_PKEY_paramgen' generates a key or key parameters
  RSA_generate_key_ex(rsa, 3072, e, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'RSA_generate_key_ex' generates a key or key parameters
  DH_generate_parameters_ex(dh, 2048, DH_GENERATOR_2, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DH_generate_parameters_ex' generates a key or key parameters
  EVP_PKEY_free(p);
  co_return key;
}

//===--- Nothing below is reported ----------------------------------------===//

std::regex compiled_once("[0-9]+");
task<bool> cheap(const std::string &s, z_stream *stream) {
  // Matching a compiled expression and streaming compression are bounded.
  bool m = std::regex_match(s, compiled_once);
  deflate(stream, Z_NO_FLUSH);
  crc32(0, reinterpret_cast<const Bytef *>(s.data()), s.size());
  std::regex empty;
  co_return m;
}

// Setting a generation up is memory.
task<int> keygen_setup(EVP_PKEY_CTX *ctx) {
  EVP_PKEY_keygen_init(ctx);
  EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 3072);
  co_return EVP_PKEY_CTX_get0_pkey(ctx) != nullptr;
}

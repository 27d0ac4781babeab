// RUN: %check_async_tidy %s async-blocking-cpu %t -- -I %inputs

#include "task.h"
#include <argon2.h>
#include <bzlib.h>
#include <crypt.h>
#include <openssl/evp.h>
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

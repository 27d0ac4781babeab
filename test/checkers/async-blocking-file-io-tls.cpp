// TLS set-up reads files: Boost.Asio's ssl::context and OpenSSL, against
// Debian's Boost 1.81 and OpenSSL 3; the in-memory variants stay silent.
// REQUIRES: boost-asio
// RUN: %check_async_tidy %s async-blocking-file-io %t

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <cstdio>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <string>

namespace ssl = boost::asio::ssl;

boost::asio::awaitable<void> serve(ssl::context &ctx, std::string dir) {
  ctx.use_certificate_chain_file(dir + "/chain.pem");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::ssl::context::use_certificate_chain_file' reads a file inside coroutine 'serve', stalling every coroutine on its thread [async-blocking-file-io]
  ctx.use_private_key_file(dir + "/key.pem", ssl::context::pem);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::ssl::context::use_private_key_file' reads a file
  boost::system::error_code ec;
  ctx.use_tmp_dh_file(dir + "/dh.pem", ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::ssl::context::use_tmp_dh_file' reads a file
  ctx.load_verify_file(dir + "/ca.pem");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::ssl::context::load_verify_file' reads a file
  ctx.use_certificate_file(dir + "/cert.pem", ssl::context::pem);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::ssl::context::use_certificate_file' reads a file
  co_return;
}

boost::asio::awaitable<EVP_PKEY *> openssl(SSL_CTX *ctx, const char *path) {
  SSL_CTX_use_certificate_chain_file(ctx, path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SSL_CTX_use_certificate_chain_file' reads a file inside coroutine 'openssl'
  FILE *f = std::fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' waits for the file system
  X509 *cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'PEM_read_X509' reads a file
  EVP_PKEY *key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'PEM_read_PrivateKey' reads a file
  PEM_write_X509(f, cert);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PEM_write_X509' writes a file
  BIO *bio = BIO_new_file(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'BIO_new_file' opens a file
  BIO_free(bio);
  X509_free(cert);
  co_return key;
}

//===--- Nothing below is reported ----------------------------------------===//

// Certificates and keys already in memory; settings; a directory looked up
// later.
boost::asio::awaitable<void> in_memory(ssl::context &ctx, std::string pem) {
  ctx.use_certificate_chain(boost::asio::buffer(pem));
  ctx.use_private_key(boost::asio::buffer(pem), ssl::context::pem);
  ctx.use_tmp_dh(boost::asio::buffer(pem));
  ctx.add_certificate_authority(boost::asio::buffer(pem));
  ctx.add_verify_path("/etc/ssl/certs");
  ctx.set_verify_mode(ssl::verify_peer);
  ctx.set_options(ssl::context::default_workarounds);
  BIO *mem = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509 *cert = PEM_read_bio_X509(mem, nullptr, nullptr, nullptr);
  EVP_PKEY *key = PEM_read_bio_PrivateKey(mem, nullptr, nullptr, nullptr);
  SSL_CTX_use_certificate(ctx.native_handle(), cert);
  SSL_CTX_use_PrivateKey(ctx.native_handle(), key);
  BIO_free(mem);
  co_return;
}

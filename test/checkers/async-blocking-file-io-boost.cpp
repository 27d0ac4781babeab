// Boost's files: boost::filesystem (as std::filesystem), its path-taking
// streams, Boost.Nowide's portable streams and Beast's files, against
// Debian's Boost 1.81.
// REQUIRES: boost-asio, boost-filesystem
// RUN: %check_async_tidy %s async-blocking-file-io %t

#include <boost/asio.hpp>
#include <boost/beast/core/file.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/filesystem.hpp>
#include <boost/filesystem/fstream.hpp>
#include <boost/nowide/cstdio.hpp>
#include <boost/nowide/fstream.hpp>
#include <string>

namespace fs = boost::filesystem;
namespace beast = boost::beast;
using boost::asio::awaitable;

awaitable<std::uintmax_t> tidy(const fs::path &dir) {
  if (!fs::exists(dir))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::filesystem::exists' queries the file system inside coroutine 'tidy', stalling every coroutine on its thread [async-blocking-file-io]
    fs::create_directories(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'boost::filesystem::create_directories' changes the file system
  std::uintmax_t total = 0;
  for (fs::directory_iterator it(dir), end; it != end; ++it)
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'boost::filesystem::directory_iterator::directory_iterator' reads a directory
    if (fs::is_regular_file(it->path()))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::filesystem::is_regular_file' queries the file system
      total += fs::file_size(it->path());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'boost::filesystem::file_size' queries the file system
  fs::rename(dir / "a", dir / "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::filesystem::rename' changes the file system
  fs::remove_all(dir / "tmp");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::filesystem::remove_all' changes the file system
  fs::path real = fs::canonical(dir);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'boost::filesystem::canonical' queries the file system
  co_return total + real.size();
}

awaitable<std::string> streams(const fs::path &p, const std::string &name) {
  fs::ifstream in(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'boost::filesystem::basic_ifstream::basic_ifstream' opens a file inside coroutine 'streams'
  std::string word;
  in >> word;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::operator>>' reads a file
  fs::ofstream out;
  out.open(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::filesystem::basic_ofstream::open' opens a file
  boost::nowide::ifstream portable(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'boost::nowide::basic_ifstream::basic_ifstream' opens a file
  std::getline(portable, word);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' reads a file
  boost::nowide::ofstream log;
  log.open(name + ".log");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::nowide::basic_ofstream::open' opens a file
  log << word;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::operator<<' writes a file
  log.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::nowide::basic_ofstream::flush' writes a file
  FILE *f = boost::nowide::fopen(name.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' waits for the file system
  (void)f;
  co_return word;
}

awaitable<std::size_t> beast_files(const char *path) {
  beast::error_code ec;
  beast::file file;
  file.open(path, beast::file_mode::scan, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::beast::file_posix::open' opens a file inside coroutine 'beast_files'
  char buf[512];
  std::size_t n = file.read(buf, sizeof buf, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'boost::beast::file_posix::read' reads a file
  beast::file_stdio out;
  out.open(path, beast::file_mode::write, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::beast::file_stdio::open' opens a file
  out.write(buf, n, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::beast::file_stdio::write' writes a file
  beast::http::file_body::value_type body;
  body.open(path, beast::file_mode::scan, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'boost::beast::http::basic_file_body::value_type::open' opens a file
  co_return n;
}

//===--- Nothing below is reported ----------------------------------------===//

// Path arithmetic, a status already read, streams not opened yet, and what
// Beast's files say about themselves.
awaitable<std::string> paths(const fs::path &p, fs::file_status st,
                             beast::file &file) {
  fs::path q = p / "x.txt";
  std::string s = q.filename().string() + q.extension().string() +
                  q.parent_path().string() + q.stem().string() +
                  q.lexically_normal().string();
  if (fs::is_directory(st) || fs::exists(st))
    s += "dir";
  fs::ifstream unopened;
  boost::nowide::ifstream not_yet;
  fs::directory_iterator end;
  beast::http::file_body::value_type body;
  if (file.is_open() && body.is_open())
    s += "open";
  co_return s;
}

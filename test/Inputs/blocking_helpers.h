// Blocking helpers for the fix tests: called from a coroutine, each is
// reported through the transitive search and offloaded by the offload fix.
#ifndef ASYNC_TIDY_TEST_BLOCKING_HELPERS_H
#define ASYNC_TIDY_TEST_BLOCKING_HELPERS_H

#include <fstream>
#include <string>
#include <unistd.h>

inline std::string read_file(const char *path) {
  std::ifstream in(path);
  std::string s;
  in >> s;
  return s;
}
inline void flush(int fd) { ::fsync(fd); }

#endif

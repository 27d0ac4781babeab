#include "task.h"
#include <fstream>
#include <string>

using task = test::task<>;

std::string read_all(const std::string &path) {
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  return s;
}

std::string load_settings() { return read_all("/etc/app.conf"); }

task serve() {
  std::string s = load_settings();
  co_return;
}

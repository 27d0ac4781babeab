#include <coroutine>
#include <fstream>
#include <string>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

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

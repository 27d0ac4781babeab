#include <asio.hpp>
#include <fstream>
#include <string>

extern asio::thread_pool blocking_pool;

std::string load_config(const std::string &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

asio::awaitable<std::size_t> config_size() {
  std::string text = load_config("/etc/app.conf");
  co_return text.size();
}

#include "task.h"
#include <cstdlib>
#include <fstream>
#include <future>
#include <regex>
#include <sys/socket.h>
#include <sqlite3.h>
#include <curl/curl.h>
#include <unistd.h>

using task = test::task<>;

void audit() [[clang::blocking]];

task everything(int fd, sqlite3 *db, CURL *curl, std::future<int> f) {
  sleep(1);
  char buf[8];
  recv(fd, buf, sizeof buf, 0);
  std::ifstream in("/etc/hosts");
  sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr);
  curl_easy_perform(curl);
  f.get();
  std::system("true");
  std::regex re("[a-z]+");
  audit();
  co_return;
}

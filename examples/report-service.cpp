// A nightly-report service on Boost.Asio: for each request it loads figures
// from PostgreSQL, renders them with a template from disk and posts the
// result to a webhook. Every step is written the synchronous way, and each
// one stalls all other requests served by the same io_context thread.
#include <boost/asio.hpp>
#include <curl/curl.h>
#include <filesystem>
#include <fstream>
#include <libpq-fe.h>
#include <sstream>
#include <string>

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Where blocking work belongs: examples/.clang-tidy names this pool in
// OffloadExecutor, so the offload fixes run the calls below on it.
static asio::thread_pool blocking_pool{4};

struct Report {
  std::string title;
  long orders = 0;
};

// An ordinary helper; the coroutine that calls it blocks all the same.
static std::string read_template(const std::filesystem::path &path) {
  std::ifstream in(path);
  std::string tmpl;
  std::getline(in, tmpl);
  return tmpl;
}

static std::string render(const std::string &tmpl, const Report &r) {
  std::ostringstream out; // memory only: not reported
  out << tmpl << "\n" << r.title << ": " << r.orders << " orders\n";
  return out.str();
}

asio::awaitable<Report> load_report(PGconn *db, const std::string &day) {
  const char *params[] = {day.c_str()};
  PGresult *res = PQexecParams(db, "SELECT count(*) FROM orders WHERE day = $1",
                               1, nullptr, params, nullptr, nullptr, 0);
  Report r{"Orders on " + day, std::atol(PQgetvalue(res, 0, 0))};
  PQclear(res);
  co_return r;
}

asio::awaitable<void> publish(CURL *curl, const std::string &body) {
  curl_easy_setopt(curl, CURLOPT_URL, "https://hooks.example.org/reports");
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(curl);
  co_return;
}

asio::awaitable<void> handle(tcp::socket client, PGconn *db, CURL *curl) {
  char day[16] = {};
  std::size_t n = co_await client.async_read_some(asio::buffer(day, 10),
                                                  asio::use_awaitable);
  Report report = co_await load_report(db, std::string(day, n));

  std::filesystem::path tmpl_path = "templates/report.txt";
  std::string tmpl;
  if (std::filesystem::exists(tmpl_path))
    tmpl = read_template(tmpl_path);
  std::string body = render(tmpl, report);
  co_await publish(curl, body);
  co_await asio::async_write(client, asio::buffer(body), asio::use_awaitable);
}

int main() {
  asio::io_context io;
  PGconn *db = PQconnectdb("dbname=shop");
  CURL *curl = curl_easy_init();
  tcp::acceptor acceptor(io, {tcp::v4(), 9000});
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        for (;;)
          asio::co_spawn(
              io,
              handle(co_await acceptor.async_accept(asio::use_awaitable), db,
                     curl),
              asio::detached);
      },
      asio::detached);
  io.run();
}

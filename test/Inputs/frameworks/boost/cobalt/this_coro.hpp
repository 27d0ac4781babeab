// Stand-in for boost/cobalt/this_coro.hpp: see ../../README.md. As in
// Cobalt, this_coro::executor is Asio's, found through a using-directive.
#pragma once
#include <boost/asio/this_coro.hpp>

namespace boost::cobalt::this_coro {
using namespace asio::this_coro;
} // namespace boost::cobalt::this_coro

// Stand-in for boost/cobalt/op.hpp (Boost >= 1.84; Debian 12 ships 1.81):
// use_op makes the real Boost.Asio operations awaitable. See
// ../../README.md.
#pragma once
#include "../../standin/task.hpp"
#include <boost/asio/async_result.hpp>
#include <exception>

namespace boost::cobalt {
struct use_op_t {};
constexpr use_op_t use_op{};
namespace detail {
template <typename Signature> struct op_result;
template <typename Error> struct op_result<void(Error)> : standin::awaiter<void> {};
template <typename Error, typename T>
struct op_result<void(Error, T)> : standin::awaiter<T> {};
} // namespace detail
} // namespace boost::cobalt

template <typename... Args>
struct boost::asio::async_result<boost::cobalt::use_op_t, void(Args...)> {
  template <typename Initiation, typename... InitArgs>
  static boost::cobalt::detail::op_result<void(Args...)>
  initiate(Initiation &&initiation, boost::cobalt::use_op_t,
           InitArgs &&...args);
};

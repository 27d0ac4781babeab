// Stand-in for boost/cobalt/spawn.hpp: see ../../README.md.
#pragma once
#include "op.hpp"
#include "task.hpp"
#include <exception>

namespace boost::cobalt {
template <typename Executor, typename T, typename CompletionToken>
auto spawn(Executor executor, task<T> &&t, CompletionToken &&token)
    -> detail::op_result<void(std::exception_ptr, T)>;
template <typename Executor, typename CompletionToken>
auto spawn(Executor executor, task<void> &&t, CompletionToken &&token)
    -> detail::op_result<void(std::exception_ptr)>;
} // namespace boost::cobalt

// Stand-in for stdexec/execution.hpp: see ../README.md.
#pragma once
#include <optional>
#include <tuple>

namespace stdexec {
namespace __sync_wait {
struct sync_wait_t {
  template <typename Sender> auto operator()(Sender &&) const {
    return std::optional<std::tuple<>>{};
  }
};
} // namespace __sync_wait
using __sync_wait::sync_wait_t;
inline constexpr sync_wait_t sync_wait{};
} // namespace stdexec

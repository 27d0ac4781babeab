// Stand-in for unifex/sync_wait.hpp: see ../README.md.
#pragma once
#include <optional>

namespace unifex {
namespace _sync_wait {
struct _fn {
  template <typename Sender> std::optional<int> operator()(Sender &&) const;
};
} // namespace _sync_wait
inline constexpr _sync_wait::_fn sync_wait{};
} // namespace unifex

//===--- Frameworks.h - async-tidy ------------------------------*- C++ -*-===//
//
// Coroutine frameworks, recognised from a coroutine's return type.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_FRAMEWORKS_H
#define ASYNC_TIDY_ENGINE_FRAMEWORKS_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace clang::tidy::async {

/// Frameworks that share async APIs are one family: Asio and Boost.Asio differ
/// only in their namespace.
enum class FrameworkFamily : uint8_t {
  Generic,
  Asio,
  Cobalt,
  Cppcoro,
  Folly,
  Libcoro,
  Concurrencpp,
  Seastar,
  AsyncSimple,
  Stdexec,
  Drogon,
  QCoro,
  Unifex,
};

llvm::StringRef familyName(FrameworkFamily F);
std::optional<FrameworkFamily> parseFamily(llvm::StringRef Name);

struct Framework {
  FrameworkFamily Family = FrameworkFamily::Generic;
  /// The namespace its API is spelled in ("asio", "boost::asio").
  llvm::StringRef Namespace;
};

/// Recognises the framework of a coroutine from its declared return type,
/// seeing through aliases to the canonical class template.
Framework recogniseFramework(const FunctionDecl &Coroutine);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_FRAMEWORKS_H

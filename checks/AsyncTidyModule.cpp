//===--- AsyncTidyModule.cpp - async-tidy ---------------------------------===//
//
// Registers the async-* checks, in clang-tidy (plugin or async-tidy) and in
// async-clangd alike.
//
//===----------------------------------------------------------------------===//

#include "BlockingSleepCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/raw_ostream.h"
#if CLANG_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#include <cstdlib>

namespace clang::tidy::async {

namespace {

class AsyncTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<BlockingSleepCheck>("async-blocking-sleep");
  }
};

/// A plugin built for one clang-tidy major version loaded into another would
/// misbehave quietly; refuse before registering anything.
bool hostVersionMatches() {
  std::string Host = getClangFullVersion();
  size_t At = Host.find("version ");
  unsigned Major = 0;
  if (At == std::string::npos ||
      llvm::StringRef(Host).substr(At + 8).consumeInteger(10, Major) ||
      Major != CLANG_VERSION_MAJOR) {
    llvm::errs() << "error: async-tidy was built for clang-tidy "
                 << CLANG_VERSION_MAJOR << " but was loaded into '" << Host
                 << "'; use clang-tidy-" << CLANG_VERSION_MAJOR
                 << " or the async-tidy program\n";
    std::exit(1);
  }
  return true;
}

// Runs before the registration below: both are in this file, in this order.
[[maybe_unused]] const bool HostChecked = hostVersionMatches();

} // namespace

static ClangTidyModuleRegistry::Add<AsyncTidyModule>
    X("async-module", "Finds blocking calls inside C++20 coroutines.");

} // namespace clang::tidy::async

//===--- AsyncTidyModule.cpp - async-tidy ---------------------------------===//
//
// Registers the async-* checks, in clang-tidy (plugin or async-tidy) and in
// async-clangd alike.
//
//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "BlockingCpuCheck.h"
#include "BlockingDbCheck.h"
#include "BlockingFileIoCheck.h"
#include "BlockingHttpCheck.h"
#include "BlockingProcessCheck.h"
#include "BlockingSleepCheck.h"
#include "BlockingSocketCheck.h"
#include "BlockingWaitCheck.h"
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
    CheckFactories.registerCheck<BlockingCallCheck>("async-blocking-call");
    CheckFactories.registerCheck<BlockingCpuCheck>("async-blocking-cpu");
    CheckFactories.registerCheck<BlockingDbCheck>("async-blocking-db");
    CheckFactories.registerCheck<BlockingFileIoCheck>("async-blocking-file-io");
    CheckFactories.registerCheck<BlockingHttpCheck>("async-blocking-http");
    CheckFactories.registerCheck<BlockingProcessCheck>(
        "async-blocking-process");
    CheckFactories.registerCheck<BlockingSleepCheck>("async-blocking-sleep");
    CheckFactories.registerCheck<BlockingSocketCheck>("async-blocking-socket");
    CheckFactories.registerCheck<BlockingWaitCheck>("async-blocking-wait");
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
    X("asynctidy-module", "Finds blocking calls inside C++20 coroutines.");

} // namespace clang::tidy::async

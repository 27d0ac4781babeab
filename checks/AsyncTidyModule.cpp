//===--- AsyncTidyModule.cpp - async-tidy ---------------------------------===//
//
// Registers the async-blocking-* checks, one per category of the table in
// engine/Categories.def, in clang-tidy (plugin or async-tidy) and in
// async-clangd alike.
//
//===----------------------------------------------------------------------===//

#include "BlockingCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Version.h"
#if CLANG_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::async {

namespace {

class AsyncTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    for (const CategoryInfo &I : categories())
      CheckFactories.registerCheckFactory(
          checkName(I.Cat),
          [Cat = I.Cat](llvm::StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<BlockingCheck>(Name, Context, Cat);
          });
  }
};

} // namespace

static ClangTidyModuleRegistry::Add<AsyncTidyModule>
    X("asynctidy-module", "Finds blocking calls inside C++20 coroutines.");

} // namespace clang::tidy::async

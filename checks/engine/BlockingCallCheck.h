//===--- BlockingCallCheck.h - async-tidy -----------------------*- C++ -*-===//
//
// The common base of the async-blocking-* checks: each check reports one
// category of the engine's findings.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_BLOCKINGCALLCHECK_H
#define ASYNC_TIDY_ENGINE_BLOCKINGCALLCHECK_H

#include "Catalog.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace clang::tidy::async {

class Engine;
struct CoroutineReport;
struct Finding;

class BlockingCallCheck : public ClangTidyCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, ClangTidyContext *Context,
                    Category Cat);
  ~BlockingCallCheck() override;

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const CoroutineReport &Report, const Finding &F);

  const Category Cat;
  std::shared_ptr<Engine> Shared;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_BLOCKINGCALLCHECK_H

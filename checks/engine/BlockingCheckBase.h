//===--- BlockingCheckBase.h - async-tidy -----------------------*- C++ -*-===//
//
// The common base of the async-blocking-* checks: each check reports one
// category of the shared engine's findings and owns that category's options.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_BLOCKINGCHECKBASE_H
#define ASYNC_TIDY_ENGINE_BLOCKINGCHECKBASE_H

#include "Fixes.h"
#include "Policy.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace clang::tidy::async {

class Engine;
struct CoroutineReport;
struct ExternalFinding;
struct Finding;

class BlockingCheckBase : public ClangTidyCheck {
public:
  BlockingCheckBase(llvm::StringRef Name, ClangTidyContext *Context,
                    Category Cat);
  ~BlockingCheckBase() override;

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// Reports the catalog's opt-in entries of this category too.
  void enableOptIn(bool Enable) { Policy.EnableOptIn = Enable; }
  /// A bool option of this check alone, with errors --verify-config sees.
  bool readLocalBool(llvm::StringRef Option, bool Default) {
    return readBool(Option, Default, /*Local=*/true);
  }

private:
  void parseBlockingFunctions(llvm::StringRef Value);
  std::vector<std::vector<std::string>> parseNames(llvm::StringRef Option,
                                                   llvm::StringRef Value);
  void parseHopAwaitables(llvm::StringRef Value);
  void parseFrameworkTypes(llvm::StringRef Value);
  /// The key an option was read from, as the user wrote it.
  std::string optionKey(llvm::StringRef Option) const;
  void configError(const llvm::Twine &Message);
  void invalidValue(llvm::StringRef Option, llvm::StringRef Value,
                    llvm::StringRef Expected);
  void invalidEntry(llvm::StringRef Option, llvm::StringRef Item,
                    llvm::StringRef Expected);
  bool readBool(llvm::StringRef Option, bool Default, bool Local = false);
  void checkSummaryDirectory();
  unsigned readDepth();
  utils::IncludeSorter::IncludeStyle readIncludeStyle();
  void warnUnknownOptions();
  void report(const CoroutineReport &Report, const Finding &F);
  /// False when the driver's baseline drops the finding.
  bool passesFilter(const FunctionDecl &Named, const Finding &F,
                    SourceLocation Loc);
  void addFix(DiagnosticBuilder &D, const CallFix &Fix, SourceLocation Loc,
              SharedIncludes::AppliedWith When);
  void noteOffload(const CoroutineReport &Report, const Finding &F,
                   llvm::StringRef Callee, SourceLocation Loc,
                   SharedIncludes::AppliedWith When);
  void noteWhyCoroutine(const CoroutineReport &Report,
                        const FunctionDecl &Named);
  void noteExternal(const FunctionDecl &Callee, const ExternalFinding &E);

  const std::string CheckName;
  ClangTidyContext *const Tidy;
  // Option values as given, for storeOptions.
  const std::string BlockingFunctions;
  const std::string AllowedFunctions;
  const bool TransitiveSearch;
  const unsigned MaxDepth;
  const std::string OffloadFunctions;
  const std::string HopAwaitables;
  const bool StackfulYieldContext;
  const std::string StackfulFunctions;
  const std::string SummaryDirectory;
  const bool WriteSummaries;
  const bool FollowOverriders;
  const std::string FrameworkTypes;
  OffloadSettings Offload;
  const utils::IncludeSorter::IncludeStyle IncludeStyle;
  /// Shared by the checks of the translation unit being parsed.
  std::shared_ptr<SharedIncludes> Includes;
  /// The translation unit's, from registerPPCallbacks.
  const SourceManager *Sources = nullptr;
  /// Coroutines seen, reported at the end of the translation unit, once
  /// every overrider is known.
  std::vector<const FunctionDecl *> Coroutines;
  std::vector<std::string> StackfulNames;
  /// Findings per baseline key in this translation unit.
  llvm::StringMap<unsigned> FilterOrdinals;
  CategoryPolicy Policy;
  std::shared_ptr<Engine> Shared;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_BLOCKINGCHECKBASE_H

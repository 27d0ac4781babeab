//===--- Analysis.cpp - async-tidy ----------------------------------------===//

#include "Analysis.h"
#include "ConfigErrors.h"
#include "Engine.h"
#include "Policy.h"
#include "SharedIncludes.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <cstdlib>

namespace clang::tidy::async {

namespace {

/// A plugin built for one clang-tidy major and loaded into another is
/// refused at load time (it is linked with -z now); should it load anyway,
/// its checks must not run against a foreign AST.
bool hostMatches(ClangTidyContext &Tidy) {
  // The host's: in the plugin this resolves to clang-tidy's own symbol.
  const std::string Host = getClangFullVersion();
  size_t At = Host.find("version ");
  unsigned Major = 0;
  if (At != std::string::npos &&
      !llvm::StringRef(Host).substr(At + 8).consumeInteger(10, Major) &&
      Major == CLANG_VERSION_MAJOR)
    return true;
  configError(Tidy, "async-tidy was built for clang-tidy " +
                        llvm::Twine(CLANG_VERSION_MAJOR) +
                        " but was loaded into '" + Host + "'; use clang-tidy-" +
                        llvm::Twine(CLANG_VERSION_MAJOR) +
                        " or the async-tidy program");
  return false;
}

/// clang-tidy and clangd create all checks of a translation unit in a row,
/// on one thread, before the unit is parsed: each check joins the analysis
/// the previous one made, until the unit starts.
struct Joining {
  const ClangTidyContext *Tidy = nullptr;
  std::weak_ptr<Analysis> Current;
};
thread_local Joining Slot;

/// How many analyses and engines exist, printed at exit with
/// ASYNC_TIDY_STATS=1: an editor session must not accumulate them.
struct Census {
  std::atomic<unsigned> Made{0};
  std::atomic<unsigned> Alive{0};
  std::atomic<unsigned> Peak{0};
  std::atomic<unsigned> Engines{0};
  ~Census() {
    if (std::getenv("ASYNC_TIDY_STATS"))
      llvm::errs() << "async-tidy: " << Made << " analyses made, " << Alive
                   << " alive at exit, at most " << Peak << " at once; "
                   << Engines << " engines alive at exit\n";
  }
};
Census &census() {
  static Census C;
  return C;
}

} // namespace

std::shared_ptr<Analysis> Analysis::join(ClangTidyContext &Tidy) {
  if (Slot.Tidy == &Tidy)
    if (std::shared_ptr<Analysis> Current = Slot.Current.lock())
      if (!Current->Started)
        return Current;
  auto Made = std::make_shared<Analysis>(Tidy);
  Slot = {&Tidy, Made};
  return Made;
}

Analysis::Analysis(ClangTidyContext &Tidy)
    : Tidy(Tidy), HostMatches(hostMatches(Tidy)),
      Options(AnalysisOptions::read(Tidy)) {
  Census &C = census();
  ++C.Made;
  unsigned Now = ++C.Alive;
  for (unsigned Peak = C.Peak;
       Now > Peak && !C.Peak.compare_exchange_weak(Peak, Now);)
    ;
  ClangTidyOptions::OptionMap Stored;
  Options.store(Tidy, Stored);
  reportAnalysisOptions(Stored);
}

Analysis::~Analysis() {
  --census().Alive;
  if (TheEngine)
    --census().Engines;
}

void Analysis::addPolicy(const CategoryPolicy &P) { Policies.push_back(&P); }

void Analysis::removePolicy(const CategoryPolicy &P) {
  llvm::erase(Policies, &P);
}

void Analysis::start(const SourceManager &SM, Preprocessor *PP) {
  if (Started)
    return;
  Started = true;
  Sources = &SM;
  this->PP = PP;
  Includes = std::make_unique<SharedIncludes>(Options.IncludeStyle, PP);
}

Engine &Analysis::engine(ASTContext &Ctx) {
  if (!TheEngine || &TheEngine->context() != &Ctx) {
    std::array<const CategoryPolicy *, NumCategories> ByCategory{};
    for (const CategoryPolicy *P : Policies)
      ByCategory[static_cast<unsigned>(P->Cat)] = P;
    if (!TheEngine)
      ++census().Engines;
    TheEngine = std::make_unique<Engine>(Ctx, PP, Options, ByCategory);
  }
  return *TheEngine;
}

void Analysis::finish() {
  if (++Finished < Participants)
    return;
  if (TheEngine) {
    // Warnings, not errors: the findings of this run stand, only those
    // through other files may be missing (docs/reliability.md).
    for (const std::string &Problem : TheEngine->summaryProblems())
      configWarning(Tidy, Problem);
    std::string Error;
    if (!TheEngine->writeSummaries(Error))
      configWarning(Tidy, Error);
  }
  if (TheEngine)
    --census().Engines;
  TheEngine.reset();
  Includes.reset();
}

} // namespace clang::tidy::async

//===--- Engine.h - async-tidy ----------------------------------*- C++ -*-===//
//
// The analysis of one translation unit's coroutines: which calls in a
// coroutine block, directly (ApiMatcher) or through helpers, searched
// transitively in this translation unit and through the summaries of others.
// Where code runs is WhereCodeRuns' to say. Each function body is walked
// once per translation unit, whatever the number of coroutines and checks
// asking.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_ENGINE_H
#define ASYNC_TIDY_ENGINE_ENGINE_H

#include "AnalysisOptions.h"
#include "ApiMatcher.h"
#include "ArgumentGuards.h"
#include "Catalog.h"
#include "CoroutineWalker.h"
#include "Descriptors.h"
#include "Summaries.h"
#include "WhereCodeRuns.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <memory>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class FunctionDecl;
class ParmVarDecl;
class Preprocessor;
} // namespace clang

namespace clang::tidy::async {

struct CategoryPolicy;
class UnitFiles;

struct Finding {
  /// The call in the coroutine.
  CallSite Site;
  /// The blocking API: called directly, or at the end of a chain.
  const ApiEntry *Api;
  /// For a chain: the helper called from the coroutine, and how many helpers
  /// lead to the API (0 for a direct call).
  const FunctionDecl *Helper = nullptr;
  unsigned Depth = 0;
  /// Set when the helper is defined in another translation unit and known
  /// from its summary.
  const ExternalFinding *External = nullptr;
  /// The chain goes through an overrider of a virtual function called.
  bool ViaOverrider = false;
  /// The call's position among the coroutine's calls: a virtual call that
  /// may run several functions that block has one finding for each, all
  /// with the same position.
  unsigned Call = 0;
};

struct CoroutineReport {
  const FunctionDecl *Coroutine = nullptr;
  /// Its framework; nullptr for a generic coroutine.
  const Framework *Fw = nullptr;
  /// A function that suspends through a yield_context, not 'co_await'.
  bool Stackful = false;
  /// Its yield_context parameter, the completion token of its fixes.
  const ParmVarDecl *Yield = nullptr;
  /// For a completion handler or a posted function run by an event loop:
  /// how it was given, and to what.
  std::optional<HandlerUse> Handler;
  SourceLocation FirstSuspend;
  llvm::StringRef SuspendKeyword;
  std::vector<Finding> Findings;
};

/// One step of a chain: in a helper, the call that leads on to the API.
struct ChainStep {
  const FunctionDecl *Function;
  /// The call in Function; none when Function is known from a summary.
  const CallSite *Site;
  /// Set on the last step: the API called there.
  const ApiEntry *Api;
  /// Set on the last step when it leads into another translation unit.
  const ExternalFinding *External = nullptr;
};

class Engine {
public:
  /// Policies by category; nullptr where no enabled check reports it.
  Engine(ASTContext &Ctx, const Preprocessor *PP,
         const AnalysisOptions &Options,
         const std::array<const CategoryPolicy *, NumCategories> &Policies);
  ~Engine();

  ASTContext &context() const { return Ctx; }
  const AnalysisOptions &options() const { return Options; }

  /// The blocking calls in a coroutine's body; memoised per declaration.
  /// With Handler, Coroutine is the call operator of a lambda an event loop
  /// runs as a completion handler or a posted function.
  const CoroutineReport &analyse(const FunctionDecl &Coroutine,
                                 const HandlerUse *Handler = nullptr);
  /// The coroutines and handlers analysed, in order: matched once, for all
  /// checks, and reported by every check.
  llvm::ArrayRef<const FunctionDecl *> analysed() const { return Analysed; }
  /// Where code runs.
  const WhereCodeRuns &where() const { return Where; }
  /// Whether F is library code: in a system header, or in a namespace of
  /// the catalog's 'libraries:' outside the main file.
  bool isLibraryCode(const FunctionDecl &F) const;
  /// Whether a coroutine runs on a thread pool as a whole, as seen in the
  /// bodies analysed so far.
  bool runsOnPool(const FunctionDecl &Coroutine) const {
    return Where.runsOnPool(Coroutine);
  }
  /// The steps from a finding's helper to its API.
  std::vector<ChainStep> chain(const Finding &F) const;

  /// The framework whose coroutines return Type (a plain qualified name):
  /// the user's FrameworkTypes first, then the catalog.
  const Framework *frameworkOfType(llvm::StringRef Type) const;

  /// Records a call that may hand coroutines to a thread pool, wherever it
  /// is written: those given to an offload run there as a whole.
  void noteHandOff(const CallExpr &Call);

  /// Records a function of the main file for the summaries this run writes.
  void noteDefinition(const FunctionDecl &Function);
  /// Writes the summaries, when this run writes them; false with Error set
  /// when they cannot be written.
  bool writeSummaries(std::string &Error);
  /// What could not be read from the summary store, one message each.
  std::vector<std::string> summaryProblems() const;
  /// The summary directory as found from this translation unit.
  llvm::StringRef summaryDirectory() const { return SummaryDir; }

  /// True the first time a diagnostic of Cat is claimed at Loc: a call
  /// written once in a template is reported once, not per instantiation.
  bool claim(Category Cat, SourceLocation Loc);
  /// True the first time a fix is claimed at Loc: a call reported by two
  /// checks gets its fixes once (clang-tidy drops overlapping fixes, both).
  bool claimFix(SourceLocation Loc) {
    return FixesClaimed.insert(Loc.getRawEncoding()).second;
  }

private:
  /// How a function reaches a blocking API of one category, through one of
  /// its calls.
  struct Link {
    const CallSite *Site = nullptr;
    const ApiEntry *Api = nullptr;
    /// Calls from this function to the API: 1 when it calls the API itself.
    unsigned Length = 0;
    /// Set when Site calls into another translation unit.
    const ExternalFinding *External = nullptr;
    /// The function Site leads to: its callee, or an overrider of it.
    const FunctionDecl *Next = nullptr;
    bool ViaOverrider = false;
    /// The descriptor the API acts on, as this function names it, when the
    /// code shows it: the API returns at once if it is non-blocking.
    const ValueDecl *Descriptor = nullptr;
    /// The conditions on this function's parameters the way runs under,
    /// when an argument may decide them (ArgumentGuards.h).
    const GuardSet *Guards = nullptr;
  };
  struct Target {
    const FunctionDecl *Definition;
    bool ViaOverrider;
  };
  struct Facts {
    std::unique_ptr<BodySummary> Body;
    std::array<Link, NumCategories> Reaches;
    /// The depth this function was searched to, and whether it is being
    /// searched (recursion).
    unsigned Explored = 0;
    bool InProgress = false;
  };

  BodySummary walk(const FunctionDecl &Function);
  /// The findings of a loop function whose body is S.
  void findings(CoroutineReport &R, const BodySummary &S);
  /// For a factory of the catalog: the blocking constructions it makes.
  BodySummary constructions(const FunctionDecl &Factory);
  /// Every way a call site reaches a blocking API within Depth calls,
  /// itself included: the API it calls, or for each helper it enters the
  /// shortest way per category, or what the summaries say of its callee.
  void reaches(const FunctionDecl &Caller, const CallSite &Site, unsigned Depth,
               llvm::function_ref<void(const Link &)> Offer);
  /// Whether a link found from Site in Caller counts: not a wait on an
  /// object checked to be ready, nor a call on a descriptor Caller made
  /// non-blocking or awaits ready; a static initialiser runs once, and counts
  /// only for the checks that ask for it.
  bool counts(const FunctionDecl &Caller, const CallSite &Site, const Link &L);
  /// Whether F is a coroutine that yields and never awaits, of no framework
  /// whose coroutines await: a generator pulled on its consumer's thread.
  bool isPullGenerator(const FunctionDecl &F) const;
  /// The definition a search may enter for Callee, if any.
  const FunctionDecl *enterable(const FunctionDecl &Callee);
  /// The definitions a search enters from Site. A call the vtable
  /// dispatches enters what its object's class fixes ('final', an object
  /// held by value); otherwise its own definition unless pure, the only
  /// overrider of a function without a definition here, and with
  /// FollowOverriders every overrider.
  llvm::SmallVector<Target, 2> helpersOf(const CallSite &Site);
  /// The function whose summaries count for Site, when the search enters
  /// none of Targets for it: the function the call names, or the one its
  /// object's class fixes; nullptr for a pure virtual one.
  const FunctionDecl *summarised(const CallSite &Site,
                                 llvm::ArrayRef<Target> Targets) const;
  /// The overriders of Method in the classes this translation unit defines,
  /// found on first use: by then every declaration has been parsed.
  llvm::ArrayRef<const CXXMethodDecl *>
  overridersOf(const CXXMethodDecl &Method);
  /// Records a method that overrides others.
  void noteOverrider(const CXXMethodDecl &Method);
  /// Whether Callee is known only from its summaries: defined in another
  /// file, and visible from there.
  bool definedElsewhere(const FunctionDecl &Callee) const;
  /// What the summaries say of a callee defined in another file.
  std::vector<const ExternalFinding *> external(const FunctionDecl &Callee);
  const Facts &explore(const FunctionDecl &Function, unsigned Depth);
  /// A function's walked body, walked once.
  const BodySummary &body(const FunctionDecl &Function);
  FunctionSummary summarise(const FunctionDecl &Function, UnitFiles &Files);

  ASTContext &Ctx;
  const AnalysisOptions &Options;
  /// The widest reach of the enabled checks; each check narrows it.
  SearchReach Reach;
  std::array<const CategoryPolicy *, NumCategories> Policies;
  ApiMatcher Matcher;
  WhereCodeRuns Where;
  Descriptors Descs;
  ArgumentGuards Guards;
  std::vector<const FunctionDecl *> Analysed;
  /// How many times the search met a function it was still searching.
  unsigned RecursionsMet = 0;
  llvm::StringMap<const Framework *> FrameworkTypes;
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 2>>
      Overriders;
  /// Whether Overriders holds every overrider yet.
  bool OverridersFound = false;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CoroutineReport>>
      Reports;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Facts>> Helpers;
  llvm::DenseSet<std::pair<unsigned, SourceLocation::UIntTy>> Claimed;
  llvm::DenseSet<SourceLocation::UIntTy> FixesClaimed;
  mutable llvm::DenseMap<const Decl *, bool> LibraryNamespaces;
  /// The summary directory, resolved against the compile command's
  /// directory; empty without one.
  std::string SummaryDir;
  /// Opened on the first lookup of a run that reads summaries.
  std::unique_ptr<SummaryReader> Summaries;
  llvm::DenseMap<const FunctionDecl *, std::vector<const ExternalFinding *>>
      Externals;
  std::vector<const FunctionDecl *> Definitions;
  llvm::DenseSet<const FunctionDecl *> DefinitionSet;
};

/// How a function is named in diagnostics: its qualified name, or "lambda".
std::string displayName(const FunctionDecl &F);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ENGINE_H

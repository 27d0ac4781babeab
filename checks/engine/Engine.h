//===--- Engine.h - async-tidy ----------------------------------*- C++ -*-===//
//
// The analysis shared by all async-blocking-* checks of a translation unit:
// which calls in a coroutine block, directly (matched by declaration against
// the catalog, with its argument conditions) or through helpers defined in
// the translation unit. Each function body is walked once per translation
// unit, whatever the number of coroutines and checks asking.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_ENGINE_H
#define ASYNC_TIDY_ENGINE_ENGINE_H

#include "Catalog.h"
#include "CoroutineWalker.h"
#include "Frameworks.h"
#include "Policy.h"
#include "Summaries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
class FunctionDecl;
class NamedDecl;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::async {

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
};

struct CoroutineReport {
  const FunctionDecl *Coroutine = nullptr;
  /// Its framework; nullptr for a generic coroutine.
  const Framework *Fw = nullptr;
  /// A function that suspends through a yield_context, not 'co_await'.
  bool Stackful = false;
  /// Its yield_context parameter, the completion token of its fixes.
  const ParmVarDecl *Yield = nullptr;
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
  Engine(ASTContext &Ctx, const std::vector<const CategoryPolicy *> &Policies);

  ASTContext &context() const { return Ctx; }

  /// The blocking calls in a coroutine's body; memoised per declaration.
  const CoroutineReport &analyse(const FunctionDecl &Coroutine);

  /// The framework whose coroutines return Type (a plain qualified name):
  /// the user's FrameworkTypes first, then the catalog.
  const Framework *frameworkOfType(llvm::StringRef Type) const;

  /// Whether a coroutine is a lambda given to a call that runs it on a
  /// thread pool, as seen in the coroutines analysed so far.
  bool runsOnPool(const FunctionDecl &Coroutine) const {
    return Offloaded.contains(&Coroutine);
  }

  /// The steps from a finding's helper to its API.
  std::vector<ChainStep> chain(const Finding &F) const;

  /// Records a method that overrides others, for FollowOverriders.
  void noteOverrider(const CXXMethodDecl &Method);
  /// Whether an analysis must wait for the end of the translation unit:
  /// overriders are only all known once every declaration has been matched.
  bool analysesAtEnd() const { return FollowOverriders; }

  /// Records a function of the main file for the summaries this run writes.
  void noteDefinition(const FunctionDecl &Function);
  /// Writes the summaries once all checks have seen the translation unit;
  /// returns false with Error set when the directory cannot be written.
  bool finish(std::string &Error);

  /// True the first time a diagnostic of Cat is claimed at Loc: a call
  /// written once in a template is reported once, not per instantiation.
  bool claim(Category Cat, SourceLocation Loc);

private:
  /// How a function reaches a blocking API of one category.
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

  const ApiEntry *classify(const FunctionDecl &Callee,
                           const CXXRecordDecl *ObjectClass);
  const ApiEntry *classifyObject(const VarDecl &Object);
  /// The API a call site blocks in, with argument conditions applied.
  const ApiEntry *blockingApi(const CallSite &Site);
  const ApiEntry *match(const FunctionDecl &Callee,
                        const CXXRecordDecl *ObjectClass) const;
  bool matches(const ApiEntry &Api, const FunctionDecl &Callee,
               const CXXRecordDecl *ObjectClass) const;
  bool allowed(const CategoryPolicy &P, const NamedDecl &Callee) const;
  bool holds(const ArgCondition &C, const Expr &Call) const;
  bool conditionsHold(const ApiEntry &Api, const Expr &Call) const;
  HopTarget hopOf(const Expr &AwaitedCall) const;
  /// Whether the call runs the coroutines in its arguments on a pool.
  bool offloads(const CallSite &Site) const;
  BodySummary walk(const FunctionDecl &Function) const;

  /// The definition a search may enter for Callee, if any.
  const FunctionDecl *enterable(const FunctionDecl &Callee) const;
  /// The definitions a transitive search enters from Site: the static
  /// target, and with FollowOverriders the overriders of a virtual call.
  llvm::SmallVector<Target, 2> helpersOf(const CallSite &Site) const;
  /// What the summaries say of a callee defined in another file.
  std::vector<const ExternalFinding *> external(const FunctionDecl &Callee);
  FunctionSummary summarise(const FunctionDecl &Function);
  const Facts &explore(const FunctionDecl &Function, unsigned Depth);

  ASTContext &Ctx;
  const Catalog &Builtin;
  /// Indexed by category; absent where no enabled check reports it.
  std::array<std::optional<CategoryPolicy>, NumCategories> ByCategory;
  /// The widest settings of the enabled checks; each check narrows them.
  bool Transitive = false;
  unsigned MaxDepth = 0;
  bool FollowOverriders = false;
  llvm::StringMap<const Framework *> FrameworkTypes;
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 2>>
      OverridersOf;
  ApiEntry AnnotatedBlocking;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CoroutineReport>>
      Reports;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Facts>> Helpers;
  llvm::DenseMap<std::pair<const FunctionDecl *, const CXXRecordDecl *>,
                 const ApiEntry *>
      Classified;
  llvm::DenseMap<const VarDecl *, const ApiEntry *> ClassifiedObjects;
  llvm::DenseSet<std::pair<unsigned, SourceLocation::UIntTy>> Claimed;
  llvm::DenseSet<const FunctionDecl *> Offloaded;
  std::string SummaryDir;
  bool WriteSummaries = false;
  bool Finished = false;
  std::shared_ptr<const SummaryIndex> Summaries;
  llvm::DenseMap<const FunctionDecl *, std::vector<const ExternalFinding *>>
      Externals;
  std::vector<const FunctionDecl *> Definitions;
  llvm::DenseSet<const FunctionDecl *> DefinitionSet;
};

/// The engine of the translation unit behind Ctx, built with the policies of
/// the checks registered for Tidy, and shared while one of them holds it.
std::shared_ptr<Engine> acquireEngine(ASTContext &Ctx,
                                      const ClangTidyContext *Tidy);

/// How a function is named in diagnostics: its qualified name, or "lambda".
std::string displayName(const FunctionDecl &F);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ENGINE_H

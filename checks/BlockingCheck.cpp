//===--- BlockingCheck.cpp - async-tidy -----------------------------------===//

#include "BlockingCheck.h"
#include "engine/Analysis.h"
#include "engine/Engine.h"
#include "engine/FindingFilter.h"
#include "engine/OptionReader.h"
#include "engine/Policy.h"
#include "engine/Reporter.h"
#include "engine/SetupNotes.h"
#include "engine/WhereCodeRuns.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral BlockingFunctionsOption =
    "BlockingFunctions";
static constexpr llvm::StringLiteral AllowedFunctionsOption =
    "AllowedFunctions";
static constexpr llvm::StringLiteral ReportStaticInitializersOption =
    "ReportStaticInitializers";
static constexpr llvm::StringLiteral DefaultUserReason = "blocks the thread";

BlockingCheck::BlockingCheck(llvm::StringRef Name, ClangTidyContext *Context,
                             Category Cat)
    : ClangTidyCheck(Name, Context), Cat(Cat), Tidy(Context),
      Policy(std::make_unique<CategoryPolicy>()),
      Shared(Analysis::join(*Context)), FirstOfUnit(Shared.use_count() == 1) {
  const OptionReader Local(*Context, (Name + ".").str());
  BlockingFunctions = Local.get(BlockingFunctionsOption, "").str();
  AllowedFunctions = Local.get(AllowedFunctionsOption, "").str();
  Policy->Cat = Cat;
  readBlockingFunctions(Local);
  Policy->Allowed = Local.getNames(AllowedFunctionsOption, /*Wildcards=*/true);
  if (llvm::StringRef OptIn = categoryInfo(Cat).OptInOption; !OptIn.empty())
    Policy->EnableOptIn = Local.getBool(OptIn, false);
  Policy->ReportStaticInitializers =
      Local.getBool(ReportStaticInitializersOption, false);
  Policy->Reach = readReach(Local, Shared->options().Reach);
  Shared->addPolicy(*Policy);
}

BlockingCheck::~BlockingCheck() { Shared->removePolicy(*Policy); }

void BlockingCheck::readBlockingFunctions(const OptionReader &Local) {
  for (llvm::StringRef Item : Local.getList(BlockingFunctionsOption)) {
    llvm::SmallVector<llvm::StringRef, 3> Fields;
    Item.split(Fields, ',');
    ApiEntry E;
    constexpr llvm::StringLiteral Expected =
        "'qualified::name[,reason[,replacement]]'";
    if (Fields.size() > 3) {
      Local.invalidEntry(BlockingFunctionsOption, Item, Expected);
      continue;
    }
    E.Parts = Local.qualifiedName(BlockingFunctionsOption, Item, Fields[0],
                                  /*Wildcards=*/true, Expected);
    if (E.Parts.empty())
      continue;
    E.Name = Fields[0].trim().ltrim(':').str();
    E.Cat = Cat;
    E.Reason = Fields.size() > 1 && !Fields[1].trim().empty()
                   ? Fields[1].trim().str()
                   : DefaultUserReason.str();
    if (Fields.size() > 2)
      E.Replacement = Fields[2].trim().str();
    Policy->Extra.add(std::move(E));
  }
}

void BlockingCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, BlockingFunctionsOption, BlockingFunctions);
  Options.store(Opts, AllowedFunctionsOption, AllowedFunctions);
  if (llvm::StringRef OptIn = categoryInfo(Cat).OptInOption; !OptIn.empty())
    Options.store(Opts, OptIn, Policy->EnableOptIn);
  Options.store(Opts, ReportStaticInitializersOption,
                Policy->ReportStaticInitializers);
  // The reach only where this check's own keys set it; the analysis-wide
  // options under their global keys, once for all checks.
  storeReach(OptionReader(*Tidy, checkName(Cat) + "."), Policy->Reach,
             /*Always=*/false, Opts);
  Shared->options().store(*Tidy, Opts);
}

void BlockingCheck::warnUnknownOptions() {
  // The options this check has: its own keys and the global keys it reads.
  ClangTidyOptions::OptionMap Stored;
  storeOptions(Stored);
  const std::string Prefix = checkName(Cat) + ".";
  llvm::StringSet<> Known;
  for (const auto &Entry : Stored) {
    llvm::StringRef Key = Entry.getKey();
    Key.consume_front(Prefix);
    Known.insert(Key);
  }
  // clang-tidy ignores unknown keys on a run (only --verify-config names
  // them): a misspelt option of ours would silently do nothing.
  for (const auto &Entry : Tidy->getOptions().CheckOptions) {
    llvm::StringRef Key = Entry.getKey();
    if (!Key.consume_front(Prefix) || Known.contains(Key))
      continue;
    llvm::StringRef Closest;
    unsigned Best = 3;
    for (const auto &Name : Known) {
      unsigned Distance = Key.edit_distance(Name.getKey(), true, Best);
      if (Distance < Best) {
        Best = Distance;
        Closest = Name.getKey();
      }
    }
    configurationDiag("unknown option '%0%1'%select{|; did you mean '%0%3'?}2")
        << Prefix << Key << !Closest.empty() << Closest;
  }
}

namespace {
/// Calls of an operation or a post the catalog's 'handlers:' name: tested
/// first, so that the arguments of other calls are never looked at.
AST_MATCHER(CallExpr, callsHandlerOperation) {
  const FunctionDecl *F = Node.getDirectCallee();
  return F && F->getIdentifier() &&
         !Catalog::builtin().handlerCandidates(F->getName()).empty();
}
} // namespace

void BlockingCheck::registerPPCallbacks(const SourceManager &SM,
                                        Preprocessor *PP,
                                        Preprocessor * /*ModuleExpanderPP*/) {
  if (FirstOfUnit)
    addSetupNotes(*PP, SM, *Tidy, checkName(Cat));
  if (getLangOpts().CPlusPlus20)
    Shared->start(SM, PP);
}

void BlockingCheck::registerMatchers(MatchFinder *Finder) {
  // Here rather than in the constructor: every check exists now.
  warnUnknownOptions();
  if (!getLangOpts().CPlusPlus20 || !Shared->usable())
    return;
  // clang-tidy ends the translation unit only for checks with a matcher;
  // this one is tested on one node.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  // What the analysis needs, matched once for all checks: each check
  // reports what the engine analysed. Nine copies of a matcher cost nine
  // times as much on every declaration.
  if (!Shared->participate())
    return;
  Finder->addMatcher(
      WhereCodeRuns::loopFunctions(Shared->options()).bind("coroutine"), this);
  // Completion handlers and posted functions: lambdas given to a call,
  // as they are or through bind_executor; WhereCodeRuns says which. Every
  // check reports the handlers the engine analysed.
  if (Shared->options().HandlerContexts) {
    auto Bound = ignoringImplicit(anyOf(
        lambdaExpr(),
        unaryOperator(hasOperatorName("&"),
                      hasUnaryOperand(declRefExpr(to(cxxMethodDecl()))))));
    // Function objects (lambdas among them), as they are or converted to
    // the std::function a parameter takes.
    auto Callable = expr(anyOf(
        lambdaExpr(),
        hasType(cxxRecordDecl(hasMethod(hasOverloadedOperatorName("()"))))));
    auto Handler = ignoringImplicit(
        anyOf(Callable, callExpr(hasAnyArgument(Bound)),
              cxxConstructExpr(argumentCountIs(1),
                               hasArgument(0, ignoringImplicit(Callable)))));
    Finder->addMatcher(callExpr(callsHandlerOperation(),
                                unless(isExpansionInSystemHeader()),
                                hasAnyArgument(Handler))
                           .bind("handler-call"),
                       this);
  }
  // Coroutines handed to a thread pool from any function, not only from
  // the coroutines and helpers the analysis walks: 'co_spawn(pool, [..]()
  // -> awaitable<void> {...}, detached)' in main().
  Finder->addMatcher(callExpr(hasAnyArgument(ignoringImplicit(lambdaExpr())),
                              unless(isExpansionInSystemHeader()))
                         .bind("handoff"),
                     this);
  // Writing summaries: every function this file defines.
  if (Shared->options().WriteSummaries &&
      !Shared->options().SummaryDirectory.empty())
    Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile(),
                                    unless(isImplicit()))
                           .bind("definition"),
                       this);
}

void BlockingCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>("unit"))
    return;
  Engine &E = Shared->engine(*Result.Context);
  if (const auto *D = Result.Nodes.getNodeAs<FunctionDecl>("definition")) {
    E.noteDefinition(*D);
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("handoff")) {
    E.noteHandOff(*Call);
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("handler-call")) {
    std::optional<HandlerUse> H = E.where().handlerOf(*Call);
    // A library's own operations hand it their functors: not the user's.
    if (!H || E.isLibraryCode(*H->Body) ||
        E.where().executorRuns(*H->Runner) != Runs::Here)
      return;
    E.analyse(*H->Body, &*H);
    return;
  }
  // Analysing here rather than at the end of the translation unit puts the
  // cost where --enable-check-profile sees it, under the check that matches
  // (the analysis is shared and memoised). The whole translation unit has
  // been parsed: every overrider is known.
  E.analyse(*Result.Nodes.getNodeAs<FunctionDecl>("coroutine"));
}

/// Whether two findings are ways one call reaches through the functions it
/// may run: helpers in this translation unit, at the same call.
static bool sameCall(const Finding &A, const Finding &B) {
  return A.Call == B.Call && A.Helper && B.Helper && !A.External &&
         !B.External && A.Helper != B.Helper;
}

void BlockingCheck::onEndOfTranslationUnit() {
  if (!getLangOpts().CPlusPlus20)
    return;
  // The engine, if the check that matches for all found anything.
  if (Engine *Current = Shared->currentEngine()) {
    Engine &E = *Current;
    // Every coroutine was analysed in check(), as one may hand another to a
    // thread pool.
    Reporter Report(*this, Cat, *Shared, E);
    const SearchReach &Reach = Policy->Reach;
    for (const FunctionDecl *Coroutine : E.analysed()) {
      if (E.runsOnPool(*Coroutine))
        continue;
      const CoroutineReport &R = E.analyse(*Coroutine);
      // A virtual call that may run several functions that block is
      // reported once, with each of them: their findings are adjacent.
      llvm::SmallVector<const Finding *, 4> Call;
      for (const Finding &F : R.Findings) {
        if (F.Api->Cat != Cat ||
            (F.Helper && (!Reach.TransitiveSearch || F.Depth > Reach.MaxDepth ||
                          (F.ViaOverrider && !Reach.FollowOverriders))))
          continue;
        if (!Call.empty() && !sameCall(*Call.front(), F)) {
          Report.report(R, Call);
          Call.clear();
        }
        Call.push_back(&F);
      }
      if (!Call.empty())
        Report.report(R, Call);
    }
  }
  // Also when nothing matched: the baseline's entries for it are stale.
  if (FindingFilter *Filter = findingFilter())
    if (const SourceManager *SM = Shared->sources())
      Filter->linted(absolutePath(*SM, SM->getMainFileID()), checkName(Cat));
  Shared->finish();
}

} // namespace clang::tidy::async

//===--- Engine.cpp - async-tidy ------------------------------------------===//

#include "Engine.h"
#include "Policy.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

Engine::Engine(
    ASTContext &Ctx, const Preprocessor *PP, const AnalysisOptions &Options,
    const std::array<const CategoryPolicy *, NumCategories> &Policies)
    : Ctx(Ctx), Options(Options), Reach{false, 0, false},
      Matcher(Ctx, PP, Policies), Where(Matcher, Options) {
  // As deep and as wide as the most demanding enabled check asks.
  for (const CategoryPolicy *P : Policies) {
    if (!P)
      continue;
    Reach.TransitiveSearch |= P->Reach.TransitiveSearch;
    if (P->Reach.TransitiveSearch)
      Reach.MaxDepth = std::max(Reach.MaxDepth, P->Reach.MaxDepth);
    Reach.FollowOverriders |= P->Reach.FollowOverriders;
  }
  for (const auto &[Type, Fw] : Options.FrameworkTypes)
    FrameworkTypes.try_emplace(Type, Fw);
  if (!Options.SummaryDirectory.empty())
    Summaries = SummaryIndex::load(Options.SummaryDirectory);
}

Engine::~Engine() = default;

BodySummary Engine::walk(const FunctionDecl &Function) {
  BodySummary S = walkBody(*Function.getBody(), Ctx, Where);
  for (const FunctionDecl *Coroutine : S.PoolCoroutines)
    Where.notePool(*Coroutine);
  return S;
}

const FunctionDecl *Engine::enterable(const FunctionDecl &Callee) const {
  const FunctionDecl *Def = nullptr;
  if (!Callee.hasBody(Def) || !Def || !Def->getBody())
    return nullptr;
  // Libraries are described by the catalog; another coroutine is analysed
  // on its own; what is declared non-blocking or offloading is trusted.
  if (llvm::isa<CoroutineBodyStmt>(Def->getBody()) ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()) ||
      declaredNonBlocking(*Def) || Where.runsArgumentsElsewhere(*Def))
    return nullptr;
  return Def;
}

llvm::SmallVector<Engine::Target, 2>
Engine::helpersOf(const CallSite &Site) const {
  llvm::SmallVector<Target, 2> Targets;
  if (!Reach.TransitiveSearch || Site.OnPool)
    return Targets;
  if (const FunctionDecl *Def = enterable(*Site.Callee))
    Targets.push_back({Def, false});
  // A virtual call, not one qualified with a class: any overrider may run.
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Site.Call);
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Site.Callee);
  const auto *ME =
      Member ? llvm::dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
             : nullptr;
  if (!Reach.FollowOverriders || !Method || !Method->isVirtual() || !ME ||
      ME->hasQualifier())
    return Targets;
  auto It = OverridersOf.find(Method->getCanonicalDecl());
  if (It != OverridersOf.end())
    for (const CXXMethodDecl *O : It->second)
      if (const FunctionDecl *Def = enterable(*O))
        Targets.push_back({Def, true});
  return Targets;
}

void Engine::noteOverrider(const CXXMethodDecl &Method) {
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(Method.overridden_methods());
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
    if (!Seen.insert(Base).second)
      continue;
    OverridersOf[Base].push_back(&Method);
    llvm::append_range(Work, Base->overridden_methods());
  }
}

void Engine::reaches(const CallSite &Site, unsigned Depth,
                     llvm::function_ref<void(const Link &)> Offer) {
  // After a hop onto a pool, blocking is what the user intended.
  if (Site.OnPool)
    return;
  if (const ApiEntry *Api = Matcher.blockingApi(Site)) {
    Offer({&Site, Api, 1});
    return;
  }
  if (Depth <= 1)
    return;
  llvm::SmallVector<Target, 2> Targets = helpersOf(Site);
  for (const Target &T : Targets) {
    const Facts &G = explore(*T.Definition, Depth - 1);
    for (const Link &Next : G.Reaches)
      if (Next.Length)
        Offer({&Site, Next.Api, Next.Length + 1, nullptr, T.Definition,
               T.ViaOverrider || Next.ViaOverrider});
  }
  if (!Targets.empty())
    return;
  for (const ExternalFinding *E : external(*Site.Callee))
    if (E->Chain.size() + 1 <= Depth)
      Offer({&Site, &E->Api, static_cast<unsigned>(E->Chain.size() + 1), E,
             Site.Callee});
}

const Engine::Facts &Engine::explore(const FunctionDecl &Function,
                                     unsigned Depth) {
  std::unique_ptr<Facts> &Slot = Helpers[&Function];
  if (!Slot)
    Slot = std::make_unique<Facts>();
  Facts &F = *Slot; // Stable, unlike Slot: the search below inserts.
  if (F.InProgress || F.Explored >= Depth)
    return F;
  F.InProgress = true;
  if (!F.Body)
    F.Body = std::make_unique<BodySummary>(walk(Function));
  F.Reaches = {};
  for (const CallSite &Site : F.Body->Calls)
    reaches(Site, Depth, [&](const Link &L) {
      Link &Best = F.Reaches[static_cast<unsigned>(L.Api->Cat)];
      if (Best.Length == 0 || L.Length < Best.Length)
        Best = L;
    });
  F.Explored = Depth;
  F.InProgress = false;
  return F;
}

std::vector<ChainStep> Engine::chain(const Finding &F) const {
  std::vector<ChainStep> Steps;
  if (F.External) {
    Steps.push_back({F.Helper, nullptr, F.Api, F.External});
    return Steps;
  }
  const FunctionDecl *Function = F.Helper;
  const auto Cat = static_cast<unsigned>(F.Api->Cat);
  // Bounded by the depth it was found at, whatever re-searches changed.
  for (unsigned I = 0; Function && I < F.Depth; ++I) {
    auto It = Helpers.find(Function);
    if (It == Helpers.end() || !It->second->Reaches[Cat].Length)
      break;
    const Link &L = It->second->Reaches[Cat];
    if (L.External) {
      Steps.push_back({Function, L.Site, L.Api, L.External});
      break;
    }
    const bool Last = L.Length == 1;
    Steps.push_back({Function, L.Site, Last ? L.Api : nullptr});
    if (Last)
      break;
    Function = L.Next;
  }
  return Steps;
}

const Framework *Engine::frameworkOfType(llvm::StringRef Type) const {
  if (Type.empty())
    return nullptr;
  auto User = FrameworkTypes.find(Type);
  return User != FrameworkTypes.end()
             ? User->second
             : Catalog::builtin().frameworkOfType(Type);
}

const CoroutineReport &Engine::analyse(const FunctionDecl &Coroutine) {
  std::unique_ptr<CoroutineReport> &Slot = Reports[&Coroutine];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<CoroutineReport>();
  CoroutineReport &R = *Slot;
  R.Coroutine = &Coroutine;
  if (!Coroutine.getBody())
    return R;
  R.Stackful = !llvm::isa<CoroutineBodyStmt>(Coroutine.getBody());
  R.Fw = frameworkOfType(plainTypeName(Coroutine.getReturnType()));
  if (R.Fw && !usesDefaultExecutor(*R.Fw, Coroutine.getReturnType(), Ctx))
    R.Fw = nullptr;
  // A stackful coroutine belongs to the framework of its yield_context.
  if (!R.Fw && R.Stackful)
    for (const ParmVarDecl *P : Coroutine.parameters())
      if (const Framework *Fw = frameworkOfType(plainTypeName(P->getType())))
        if (P->getIdentifier()) {
          R.Fw = Fw;
          R.Yield = P;
          break;
        }
  BodySummary S = walk(Coroutine);
  R.FirstSuspend = S.FirstSuspend;
  R.SuspendKeyword = S.SuspendKeyword;
  // The coroutine itself is one call further from each API than the
  // helpers its calls enter.
  for (const CallSite &Site : S.Calls)
    reaches(Site, Reach.MaxDepth + 1, [&](const Link &L) {
      R.Findings.push_back({Site, L.Api, L.Length > 1 ? L.Next : nullptr,
                            L.Length - 1, L.External, L.ViaOverrider});
    });
  return R;
}

static std::string usrOf(const Decl &D) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&D, Usr))
    return {};
  return std::string(Usr);
}

std::vector<const ExternalFinding *>
Engine::external(const FunctionDecl &Callee) {
  if (!Summaries)
    return {};
  auto [It, Inserted] = Externals.try_emplace(&Callee);
  if (!Inserted)
    return It->second;
  // Only functions defined elsewhere: what is visible here was searched.
  if (Callee.hasBody() || !Callee.isExternallyVisible() ||
      Ctx.getSourceManager().isInSystemHeader(Callee.getLocation()))
    return {};
  std::vector<const ExternalFinding *> Found =
      Summaries->fresh(usrOf(*Callee.getCanonicalDecl()));
  Externals[&Callee] = Found;
  return Found;
}

void Engine::noteDefinition(const FunctionDecl &Function) {
  if (DefinitionSet.insert(&Function).second)
    Definitions.push_back(&Function);
}

FunctionSummary Engine::summarise(const FunctionDecl &Function) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto FileOf = [&](const Decl &D) {
    return SM.getFilename(SM.getFileLoc(D.getLocation())).str();
  };
  FunctionSummary S;
  S.Usr = usrOf(*Function.getCanonicalDecl());
  const Facts &F = explore(Function, std::max(Reach.MaxDepth, 1U));
  for (const Link &L : F.Reaches) {
    if (!L.Length)
      continue;
    ExternalFinding E;
    E.Api = *L.Api;
    E.DefinedIn = FileOf(Function);
    llvm::StringSet<> Files;
    Finding Start{*L.Site, L.Api, &Function, L.Length};
    for (const ChainStep &Step : chain(Start)) {
      E.Chain.push_back(displayName(*Step.Function));
      Files.insert(FileOf(*Step.Function));
      if (Step.External) {
        llvm::append_range(E.Chain, Step.External->Chain);
        for (const auto &File : Step.External->Files)
          Files.insert(File.first);
      }
    }
    for (const auto &File : Files)
      E.Files.emplace_back(File.getKey().str(), fileHash(File.getKey()));
    llvm::sort(E.Files);
    S.Findings.push_back(std::move(E));
  }
  return S;
}

bool Engine::writeSummaries(std::string &Error) {
  if (!Options.WriteSummaries || Options.SummaryDirectory.empty())
    return true;
  std::vector<FunctionSummary> Out;
  for (const FunctionDecl *D : Definitions) {
    // What other files can call, and searched like a helper would be.
    if (!D->isExternallyVisible() || D->isDependentContext() || !D->getBody() ||
        llvm::isa<CoroutineBodyStmt>(D->getBody()))
      continue;
    FunctionSummary S = summarise(*D);
    if (!S.Usr.empty() && !S.Findings.empty())
      Out.push_back(std::move(S));
  }
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::StringRef Main = SM.getFileEntryRefForID(SM.getMainFileID())->getName();
  return async::writeSummaries(Options.SummaryDirectory, Main, Out, Error);
}

std::string displayName(const FunctionDecl &F) {
  if (isLambdaCallOperator(&F))
    return "lambda";
  return F.getQualifiedNameAsString();
}

bool Engine::claim(Category Cat, SourceLocation Loc) {
  return Claimed.insert({static_cast<unsigned>(Cat), Loc.getRawEncoding()})
      .second;
}

} // namespace clang::tidy::async

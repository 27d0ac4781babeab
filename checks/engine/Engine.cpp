//===--- Engine.cpp - async-tidy ------------------------------------------===//

#include "Engine.h"
#include "Policy.h"
#include "Reporter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <set>

namespace clang::tidy::async {

Engine::Engine(
    ASTContext &Ctx, const Preprocessor *PP, const AnalysisOptions &Options,
    const std::array<const CategoryPolicy *, NumCategories> &Policies)
    : Ctx(Ctx), Options(Options), Reach{false, 0, false}, Policies(Policies),
      Matcher(Ctx, PP, Policies), Where(Matcher, Options), Descs(Matcher) {
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
  if (!Options.SummaryDirectory.empty()) {
    // Where clang-tidy and clangd see files: against the compile command's
    // directory, whatever the process's own.
    llvm::SmallString<256> Dir(Options.SummaryDirectory);
    Ctx.getSourceManager().getFileManager().makeAbsolutePath(Dir);
    llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    SummaryDir = Dir.str().str();
  }
}

Engine::~Engine() = default;

BodySummary Engine::constructions(const FunctionDecl &Factory) {
  BodySummary S;
  // Down the instantiations the caller's type flows through (make_shared
  // reaches the constructor five calls deep), within a small budget.
  constexpr unsigned MaxFunctions = 64;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;
  llvm::SmallVector<const Stmt *, 32> Work{Factory.getBody()};
  Seen.insert(&Factory);
  while (!Work.empty()) {
    const Stmt *St = Work.pop_back_val();
    if (!St)
      continue;
    const FunctionDecl *Callee = nullptr;
    if (const auto *E = llvm::dyn_cast<CXXConstructExpr>(St)) {
      CallSite Site{E, E->getConstructor(), nullptr, false, nullptr};
      if (Site.Callee && Matcher.blockingApi(Site)) {
        S.Calls.push_back(Site);
        continue;
      }
      Callee = E->getConstructor();
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(St)) {
      Callee = Call->getDirectCallee();
    }
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    const auto *Method = llvm::dyn_cast_if_present<CXXMethodDecl>(Def);
    if (Def && Def->getBody() && Seen.size() < MaxFunctions &&
        (Def->isTemplateInstantiation() ||
         (Method &&
          llvm::isa<ClassTemplateSpecializationDecl>(Method->getParent()))) &&
        Seen.insert(Def).second) {
      Work.push_back(Def->getBody());
      if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Def))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          Work.push_back(Init->getInit());
    }
    for (const Stmt *Child : St->children())
      Work.push_back(Child);
  }
  return S;
}

BodySummary Engine::walk(const FunctionDecl &Function) {
  if (Catalog::builtin().isFactory(Function))
    return constructions(Function);
  BodySummary S = walkFunction(Function, Ctx, Where);
  for (const FunctionDecl *Coroutine : S.PoolCoroutines)
    Where.notePool(*Coroutine);
  return S;
}

bool Engine::isLibraryCode(const FunctionDecl &F) const {
  const SourceManager &SM = Ctx.getSourceManager();
  const SourceLocation Loc = F.getLocation();
  if (SM.isInSystemHeader(Loc))
    return true;
  const auto *NS = llvm::dyn_cast_if_present<NamespaceDecl>(
      F.getDeclContext()->getEnclosingNamespaceContext());
  if (!NS || SM.isInMainFile(SM.getExpansionLoc(Loc)))
    return false;
  auto [It, New] = LibraryNamespaces.try_emplace(NS->getCanonicalDecl());
  if (New)
    It->second = Catalog::builtin().isLibraryNamespace(plainQualifiedName(*NS));
  return It->second;
}

bool Engine::isPullGenerator(const FunctionDecl &F) const {
  if (!F.getBody() || !llvm::isa<CoroutineBodyStmt>(F.getBody()))
    return false;
  // An async generator's body may run on the loop of the coroutine that
  // awaits it, whatever it awaits itself.
  const Framework *Fw = frameworkOfType(plainTypeName(F.getReturnType()));
  if (Fw && Fw->Awaits)
    return false;
  // Not through body(): keeping a walk of every coroutine for this costs
  // more than the scan, which stops at the first co_await.
  return yieldsWithoutAwaiting(F);
}

const FunctionDecl *Engine::enterable(const FunctionDecl &Callee) {
  const FunctionDecl *Def = nullptr;
  if (!Callee.hasBody(Def) || !Def || !Def->getBody())
    return nullptr;
  // Libraries are described by the catalog; another coroutine is analysed
  // on its own, except a pull generator, whose body runs as its caller
  // pulls; a stackful one called with the caller's yield_context runs in
  // place, but is reported in its own right, once; what is declared
  // non-blocking or offloading is trusted.
  if ((llvm::isa<CoroutineBodyStmt>(Def->getBody()) &&
       !isPullGenerator(*Def)) ||
      Where.isStackful(*Def) || isLibraryCode(*Def) ||
      declaredNonBlocking(*Def) || Where.runsArgumentsElsewhere(*Def))
    return nullptr;
  return Def;
}

namespace {

/// For a call the vtable dispatches: the virtual method it names, and its
/// object. Not for a call qualified with a class, which is never dispatched.
struct Dispatch {
  const CXXMethodDecl *Method = nullptr;
  const Expr *Object = nullptr;
};

Dispatch dispatchOf(const CallSite &Site) {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Site.Call);
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Site.Callee);
  // The callee of a destruction is not the call that made the object.
  if (!Member || !Method || !Method->isVirtual() || !Member->getMethodDecl() ||
      Member->getMethodDecl()->getCanonicalDecl() != Method->getCanonicalDecl())
    return {};
  const auto *ME =
      llvm::dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
  if (!ME || ME->hasQualifier())
    return {};
  return {Method, ME->getBase()};
}

/// The method a dispatched call runs whatever the object: 'final' (the
/// method, or its class), or an object held by value. Clang's rules.
const CXXMethodDecl *devirtualised(const Dispatch &D) {
  return D.Method ? D.Method->getDevirtualizedMethod(D.Object,
                                                     /*IsAppleKext=*/false)
                  : nullptr;
}

/// Collects the methods that override others.
class OverriderCollector : public RecursiveASTVisitor<OverriderCollector> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitCXXMethodDecl(CXXMethodDecl *M) {
    // A template's pattern never runs: its instantiations do.
    if (M->isCanonicalDecl() && M->size_overridden_methods() &&
        !M->isDependentContext())
      Found.push_back(M);
    return true;
  }
  std::vector<const CXXMethodDecl *> Found;
};

} // namespace

llvm::SmallVector<Engine::Target, 2> Engine::helpersOf(const CallSite &Site) {
  llvm::SmallVector<Target, 2> Targets;
  if (!Reach.TransitiveSearch || Site.OnPool)
    return Targets;
  // A library's factory: what it constructs is the caller's doing.
  if (const FunctionDecl *Def = Site.Callee->getDefinition();
      Def && Def->getBody() && Catalog::builtin().isFactory(*Site.Callee)) {
    Targets.push_back({Def, false});
    return Targets;
  }
  const Dispatch D = dispatchOf(Site);
  const CXXMethodDecl *Known = devirtualised(D);
  if (!D.Method || Known) {
    if (const FunctionDecl *Def = enterable(Known ? *Known : *Site.Callee))
      Targets.push_back({Def, false});
    return Targets;
  }
  // A virtual call: any overrider in the object's class or below may run,
  // and the method's own definition unless it is pure.
  const bool OwnDefined = !D.Method->isPureVirtual() && D.Method->hasBody();
  if (OwnDefined)
    if (const FunctionDecl *Def = enterable(*D.Method))
      Targets.push_back({Def, false});
  // With a definition of its own, an overrider is a second target: followed
  // only when asked.
  if (OwnDefined && !Reach.FollowOverriders)
    return Targets;
  const CXXRecordDecl *Object = D.Object->getBestDynamicClassType();
  llvm::SmallVector<const CXXMethodDecl *, 4> Candidates;
  for (const CXXMethodDecl *O : overridersOf(*D.Method))
    if (!Object ||
        O->getParent()->getCanonicalDecl() == Object->getCanonicalDecl() ||
        O->getParent()->isDerivedFrom(Object))
      Candidates.push_back(O);
  // Without one, the only overrider is the one target the call has in this
  // translation unit; more are followed only when asked.
  const bool Single = !OwnDefined && Candidates.size() == 1;
  if (!Single && !Reach.FollowOverriders)
    return Targets;
  for (const CXXMethodDecl *O : Candidates)
    if (const FunctionDecl *Def = enterable(*O))
      Targets.push_back({Def, !Single});
  return Targets;
}

const FunctionDecl *Engine::summarised(const CallSite &Site,
                                       llvm::ArrayRef<Target> Targets) const {
  const CXXMethodDecl *Known = devirtualised(dispatchOf(Site));
  const FunctionDecl *Called = Known ? Known : Site.Callee;
  if (const auto *M = llvm::dyn_cast<CXXMethodDecl>(Called);
      M && M->isPureVirtual())
    return nullptr;
  for (const Target &T : Targets)
    if (T.Definition->getCanonicalDecl() == Called->getCanonicalDecl())
      return nullptr;
  return Called;
}

llvm::ArrayRef<const CXXMethodDecl *>
Engine::overridersOf(const CXXMethodDecl &Method) {
  if (!OverridersFound) {
    OverridersFound = true;
    // What clang-tidy matches: the whole translation unit, or in clangd the
    // main file's declarations.
    OverriderCollector Collector;
    for (Decl *D : Ctx.getTraversalScope())
      Collector.TraverseDecl(D);
    for (const CXXMethodDecl *M : Collector.Found)
      noteOverrider(*M);
  }
  auto It = Overriders.find(Method.getCanonicalDecl());
  if (It == Overriders.end())
    return {};
  return It->second;
}

void Engine::noteOverrider(const CXXMethodDecl &Method) {
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(Method.overridden_methods());
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
    if (!Seen.insert(Base).second)
      continue;
    Overriders[Base].push_back(&Method);
    llvm::append_range(Work, Base->overridden_methods());
  }
}

bool Engine::counts(const FunctionDecl &Caller, const CallSite &Site,
                    const Link &L) {
  // Waiting on what was checked to be ready returns at once.
  if (Site.ObjectReady && L.Api->Cat == Category::Wait)
    return false;
  if (Descs.nonBlocking(Caller, L.Descriptor))
    return false;
  if (!Site.RunsOnce)
    return true;
  const CategoryPolicy *P = Policies[static_cast<unsigned>(L.Api->Cat)];
  return P && P->ReportStaticInitializers;
}

void Engine::reaches(const FunctionDecl &Caller, const CallSite &Site,
                     unsigned Depth,
                     llvm::function_ref<void(const Link &)> Offer) {
  // After a hop onto a pool, blocking is what the user intended.
  if (Site.OnPool)
    return;
  if (const ApiEntry *Api = Matcher.blockingApi(Site)) {
    Link L{&Site, Api, 1};
    L.Descriptor = Descriptors::of(Site, *Api);
    L.Guards = Guards.ofSite(Site, Caller);
    Offer(L);
    return;
  }
  if (Depth <= 1)
    return;
  llvm::SmallVector<Target, 2> Targets = helpersOf(Site);
  for (const Target &T : Targets) {
    const Facts &G = explore(*T.Definition, Depth - 1);
    for (const Link &Next : G.Reaches) {
      if (!Next.Length)
        continue;
      // A way the helper takes only under a condition these arguments make
      // false does not run from here.
      bool Removed = false;
      const GuardSet *Bound =
          Guards.atCaller(Next.Guards, Site, Caller, *T.Definition, Removed);
      if (Removed)
        continue;
      Link L{&Site,
             Next.Api,
             Next.Length + 1,
             nullptr,
             T.Definition,
             T.ViaOverrider || Next.ViaOverrider,
             Descriptors::atCaller(Next.Descriptor, Site)};
      L.Guards = Bound;
      Offer(L);
    }
  }
  const FunctionDecl *Called = summarised(Site, Targets);
  if (!Called)
    return;
  for (const ExternalFinding *E : external(*Called))
    if (E->Chain.size() + 1 <= Depth)
      Offer({&Site, &E->Api, static_cast<unsigned>(E->Chain.size() + 1), E,
             Called});
}

const Engine::Facts &Engine::explore(const FunctionDecl &Function,
                                     unsigned Depth) {
  std::unique_ptr<Facts> &Slot = Helpers[&Function];
  if (!Slot)
    Slot = std::make_unique<Facts>();
  Facts &F = *Slot; // Stable, unlike Slot: the search below inserts.
  if (F.InProgress)
    ++RecursionsMet;
  if (F.InProgress || F.Explored >= Depth)
    return F;
  F.InProgress = true;
  const unsigned RecursionsBefore = RecursionsMet;
  F.Reaches = {};
  for (const CallSite &Site : body(Function).Calls) {
    // What runs only on the way out by a throw or an exit does not block
    // the callers that go on.
    if (Site.Coldness != Cold::No)
      continue;
    reaches(Function, Site, Depth, [&](const Link &L) {
      if (!counts(Function, Site, L))
        return;
      // The shortest way, and one that blocks whatever the descriptor and
      // the arguments before one a caller may find non-blocking or not
      // taken. Two ways under different guards keep neither guard: one
      // kept way must stand for both.
      Link &Best = F.Reaches[static_cast<unsigned>(L.Api->Cat)];
      auto Key = [](const Link &K) {
        return std::tuple(K.Descriptor != nullptr, K.Guards != nullptr,
                          K.Length);
      };
      const bool OtherGuards = Best.Length && Best.Guards &&
                               L.Guards != Best.Guards &&
                               (!L.Guards || *L.Guards != *Best.Guards);
      if (Best.Length == 0 || Key(L) < Key(Best)) {
        const bool BothGuarded = OtherGuards && L.Guards;
        Best = L;
        if (BothGuarded)
          Best.Guards = nullptr;
      } else if (OtherGuards) {
        Best.Guards = nullptr;
      }
    });
  }
  // In a recursion each call's arguments differ from the first one's, and
  // the ways around the cycle were cut short: no guard is decided there.
  if (RecursionsMet != RecursionsBefore)
    for (Link &L : F.Reaches)
      L.Guards = nullptr;
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

const CoroutineReport &Engine::analyse(const FunctionDecl &Coroutine,
                                       const HandlerUse *Handler) {
  std::unique_ptr<CoroutineReport> &Slot = Reports[&Coroutine];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<CoroutineReport>();
  CoroutineReport &R = *Slot;
  R.Coroutine = &Coroutine;
  Analysed.push_back(&Coroutine);
  if (!Coroutine.getBody())
    return R;
  if (Handler) {
    // A function the loop calls, which cannot suspend: no framework.
    R.Handler = *Handler;
    // The handler of 'sock.async_wait(wait_write, h)' runs once sock is
    // ready: the readiness idiom, as after 'co_await sock.async_wait(...)'.
    Descs.readyInHandler(Coroutine, *Handler->Call);
    findings(R, walk(Coroutine));
    return R;
  }
  // The library's own coroutines (a pool's task runner): what the user
  // gives them is analysed where it is written.
  if (isLibraryCode(Coroutine))
    return R;
  // A pull generator runs on its consumer's thread, as the consumer pulls:
  // an async coroutine that pulls it finds its blocking through the search.
  if (isPullGenerator(Coroutine))
    return R;
  R.Stackful = !llvm::isa<CoroutineBodyStmt>(Coroutine.getBody());
  R.Fw = frameworkOfType(plainTypeName(Coroutine.getReturnType()));
  // Started on the executor it is given, as a whole.
  if (R.Fw && Where.startsOnPool(Coroutine, *R.Fw)) {
    Where.notePool(Coroutine);
    R.Fw = nullptr;
    return R;
  }
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
  findings(R, S);
  return R;
}

void Engine::findings(CoroutineReport &R, const BodySummary &S) {
  const std::vector<CallSite> &Calls = S.Calls;
  // The coroutine itself is one call further from each API than the
  // helpers its calls enter.
  for (unsigned Index = 0; Index < Calls.size(); ++Index) {
    const CallSite &Site = Calls[Index];
    // Right before the process ends nothing else is waiting to run.
    if (Site.Coldness == Cold::Exits)
      continue;
    reaches(*R.Coroutine, Site, Reach.MaxDepth + 1, [&](const Link &L) {
      if (!counts(*R.Coroutine, Site, L))
        return;
      R.Findings.push_back({Site, L.Api, L.Length > 1 ? L.Next : nullptr,
                            L.Length - 1, L.External, L.ViaOverrider, Index});
    });
  }
}

static std::string usrOf(const Decl &D) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&D, Usr))
    return {};
  return std::string(Usr);
}

bool Engine::definedElsewhere(const FunctionDecl &Callee) const {
  // What is visible here was searched here.
  return !Callee.hasBody() && Callee.isExternallyVisible() &&
         !Ctx.getSourceManager().isInSystemHeader(Callee.getLocation());
}

std::vector<const ExternalFinding *>
Engine::external(const FunctionDecl &Callee) {
  // A run that writes summaries reads none: what it writes and reports
  // depends on its own files only, whatever runs beside it or before it.
  if (SummaryDir.empty() || Options.WriteSummaries)
    return {};
  auto [It, Inserted] = Externals.try_emplace(&Callee);
  if (!Inserted || !definedElsewhere(Callee))
    return It->second;
  if (!Summaries)
    Summaries = std::make_unique<SummaryReader>(SummaryDir);
  llvm::ArrayRef<const ExternalFinding *> Found = Summaries->lookup(
      usrOf(*Callee.getCanonicalDecl()), std::max(Reach.MaxDepth, 1U));
  It->second.assign(Found.begin(), Found.end());
  return It->second;
}

std::vector<std::string> Engine::summaryProblems() const {
  return Summaries ? Summaries->problems() : std::vector<std::string>();
}

void Engine::noteHandOff(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  const CallSite Site{&Call, Callee, callerObjectClass(Call), false};
  std::vector<const FunctionDecl *> Coroutines;
  Where.poolCoroutines(Site, Coroutines);
  for (const FunctionDecl *Coroutine : Coroutines)
    Where.notePool(*Coroutine);
}

void Engine::noteDefinition(const FunctionDecl &Function) {
  if (DefinitionSet.insert(&Function).second)
    Definitions.push_back(&Function);
}

/// The files of this translation unit as summaries record them: by real
/// path, with the hash of the content parsed.
class UnitFiles {
public:
  explicit UnitFiles(const SourceManager &SM) : SM(SM) {}
  std::pair<std::string, uint64_t> of(const Decl &D) {
    const FileID ID = SM.getFileID(SM.getFileLoc(D.getLocation()));
    auto [It, New] = Known.try_emplace(ID);
    if (New) {
      bool Invalid = false;
      llvm::StringRef Content = SM.getBufferData(ID, &Invalid);
      It->second = {absolutePath(SM, ID), Invalid ? 0 : contentHash(Content)};
    }
    return It->second;
  }

private:
  const SourceManager &SM;
  llvm::DenseMap<FileID, std::pair<std::string, uint64_t>> Known;
};

const BodySummary &Engine::body(const FunctionDecl &Function) {
  std::unique_ptr<Facts> &Slot = Helpers[&Function];
  if (!Slot)
    Slot = std::make_unique<Facts>();
  Facts &F = *Slot;
  if (!F.Body)
    F.Body = std::make_unique<BodySummary>(walk(Function));
  return *F.Body;
}

FunctionSummary Engine::summarise(const FunctionDecl &Function,
                                  UnitFiles &Files) {
  FunctionSummary S;
  S.Usr = usrOf(*Function.getCanonicalDecl());
  const std::string DefinedIn = Files.of(Function).first;
  const unsigned MaxDepth = std::max(Reach.MaxDepth, 1U);
  const Facts &F = explore(Function, MaxDepth);
  for (const Link &L : F.Reaches) {
    if (!L.Length)
      continue;
    ExternalFinding E;
    E.Api = *L.Api;
    E.DefinedIn = DefinedIn;
    std::set<std::pair<std::string, uint64_t>> Seen;
    // A run that writes reads no summaries: every step is in this unit.
    Finding Start{*L.Site, L.Api, &Function, L.Length};
    for (const ChainStep &Step : chain(Start)) {
      E.Chain.push_back(displayName(*Step.Function));
      Seen.insert(Files.of(*Step.Function));
    }
    E.Files.assign(Seen.begin(), Seen.end());
    S.Findings.push_back(std::move(E));
  }
  // The calls into other files, each the first time the search reaches it
  // (the shortest way): readers follow them to those files' entries.
  struct Visit {
    const FunctionDecl *Function;
    int From;
    unsigned Length;
  };
  std::vector<Visit> Order{{&Function, -1, 1}};
  llvm::DenseSet<const FunctionDecl *> Visited{&Function};
  llvm::StringSet<> Callees;
  for (size_t I = 0; I < Order.size(); ++I) {
    const Visit V = Order[I];
    for (const CallSite &Site : body(*V.Function).Calls) {
      if (Site.OnPool || Site.Coldness != Cold::No || Matcher.blockingApi(Site))
        continue;
      llvm::SmallVector<Target, 2> Targets = helpersOf(Site);
      for (const Target &T : Targets)
        if (V.Length < MaxDepth && Visited.insert(T.Definition).second)
          Order.push_back({T.Definition, static_cast<int>(I), V.Length + 1});
      const FunctionDecl *Called = summarised(Site, Targets);
      if (V.Length >= MaxDepth || !Called || !definedElsewhere(*Called))
        continue;
      ExternalCall Call;
      Call.Callee = usrOf(*Called->getCanonicalDecl());
      if (Call.Callee.empty() || !Callees.insert(Call.Callee).second)
        continue;
      Call.DefinedIn = DefinedIn;
      std::set<std::pair<std::string, uint64_t>> Seen;
      for (int At = static_cast<int>(I); At >= 0; At = Order[At].From) {
        Call.Chain.push_back(displayName(*Order[At].Function));
        Seen.insert(Files.of(*Order[At].Function));
      }
      std::reverse(Call.Chain.begin(), Call.Chain.end());
      Call.Files.assign(Seen.begin(), Seen.end());
      S.Calls.push_back(std::move(Call));
    }
  }
  return S;
}

bool Engine::writeSummaries(std::string &Error) {
  if (!Options.WriteSummaries || SummaryDir.empty())
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  UnitFiles Files(SM);
  std::vector<FunctionSummary> Out;
  for (const FunctionDecl *D : Definitions) {
    // What other files can call, and searched like a helper would be.
    if (!D->isExternallyVisible() || D->isDependentContext() || !D->getBody() ||
        llvm::isa<CoroutineBodyStmt>(D->getBody()))
      continue;
    FunctionSummary S = summarise(*D, Files);
    if (!S.Usr.empty() && (!S.Findings.empty() || !S.Calls.empty()))
      Out.push_back(std::move(S));
  }
  return async::writeSummaries(SummaryDir, absolutePath(SM, SM.getMainFileID()),
                               Out, Error);
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

//===--- Engine.cpp - async-tidy ------------------------------------------===//

#include "Engine.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <mutex>

namespace clang::tidy::async {

namespace {

/// The name a catalog entry ends in: the class name for constructors,
/// "operator>>" for operators.
std::string lastName(const NamedDecl &ND) {
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&ND))
    return Ctor->getParent()->getName().str();
  if (const IdentifierInfo *II = ND.getIdentifier())
    return II->getName().str();
  if (const auto *FD = llvm::dyn_cast<FunctionDecl>(&ND))
    if (FD->isOverloadedOperator())
      return FD->getDeclName().getAsString();
  return {};
}

const DeclContext *skipTransparent(const DeclContext *DC) {
  while (DC && (DC->isInlineNamespace() ||
                llvm::isa<LinkageSpecDecl, ExportDecl>(DC)))
    DC = DC->getParent();
  return DC;
}

/// Whether the scopes from DC outwards are Qualifiers, innermost last, and
/// then the translation unit. Inline namespaces and linkage specifications
/// are transparent; class template specializations count under their
/// template's name.
bool scopesMatch(const DeclContext *DC,
                 llvm::ArrayRef<std::string> Qualifiers) {
  // A leading '*' stands for one or more enclosing scopes of any name.
  const bool AnyOuter = !Qualifiers.empty() && Qualifiers.front() == "*";
  if (AnyOuter)
    Qualifiers = Qualifiers.drop_front();
  for (const std::string &Q : llvm::reverse(Qualifiers)) {
    DC = skipTransparent(DC);
    const auto *ND = llvm::dyn_cast_if_present<NamedDecl>(DC);
    if (!ND || !llvm::isa<NamespaceDecl, RecordDecl>(ND) ||
        !ND->getIdentifier() || (Q != "*" && ND->getName() != Q))
      return false;
    DC = DC->getParent();
  }
  DC = skipTransparent(DC);
  if (AnyOuter)
    return llvm::isa_and_present<NamespaceDecl, RecordDecl>(DC);
  return DC && DC->isTranslationUnit();
}

/// Whether ND is the declaration Name names.
bool isNamed(const NamedDecl &ND, llvm::ArrayRef<std::string> Name) {
  return ND.getIdentifier() && ND.getName() == Name.back() &&
         scopesMatch(ND.getDeclContext(), Name.drop_back());
}

bool refersTo(const Expr *E, llvm::ArrayRef<std::string> Variable) {
  const auto *Ref = llvm::dyn_cast_if_present<DeclRefExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref && llvm::isa<VarDecl>(Ref->getDecl()) &&
         isNamed(*Ref->getDecl(), Variable);
}

/// Whether E is of class Class, or a pointer or reference to one.
bool hasClassType(const Expr &E, llvm::ArrayRef<std::string> Class) {
  QualType T = E.getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && isNamed(*RD, Class);
}

/// Whether T is Class, is nested in it, or has it among its template
/// arguments, as in executor_binder<use_awaitable_t, thread_pool::executor>.
bool typeMentions(QualType T, llvm::ArrayRef<std::string> Class,
                  unsigned Depth = 0) {
  if (Depth > 8 || T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  for (const DeclContext *DC = RD; llvm::isa<CXXRecordDecl>(DC);
       DC = DC->getParent())
    if (isNamed(*llvm::cast<CXXRecordDecl>(DC), Class))
      return true;
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          typeMentions(A.getAsType(), Class, Depth + 1))
        return true;
  return false;
}

bool hasAnnotation(const FunctionDecl &FD, llvm::StringRef Text) {
  return llvm::any_of(
      FD.getMostRecentDecl()->specific_attrs<AnnotateAttr>(),
      [&](const AnnotateAttr *A) { return A->getAnnotation() == Text; });
}

bool hasEffect(const FunctionDecl &FD, FunctionEffect::Kind K) {
  return llvm::any_of(FD.getFunctionEffects().effects(),
                      [&](const FunctionEffect &E) { return E.kind() == K; });
}

unsigned writtenArgCount(llvm::ArrayRef<const Expr *> Args) {
  unsigned N = 0;
  for (const Expr *A : Args)
    if (!llvm::isa<CXXDefaultArgExpr>(A))
      ++N;
  return N;
}

/// Evaluates an integer or a duration-like value (a class whose only field is
/// its count) to an integer.
std::optional<llvm::APSInt> constantValue(const Expr &Arg,
                                          const ASTContext &Ctx) {
  const Expr *E = Arg.IgnoreImplicit();
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->getType()->isIntegralOrEnumerationType()) {
    if (E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt();
    return std::nullopt;
  }
  if (!E->isPRValue() || !E->EvaluateAsRValue(R, Ctx) || !R.Val.isStruct() ||
      R.Val.getStructNumBases() != 0 || R.Val.getStructNumFields() != 1)
    return std::nullopt;
  const APValue &Field = R.Val.getStructField(0);
  if (!Field.isInt())
    return std::nullopt;
  return Field.getInt();
}

} // namespace

Engine::Engine(ASTContext &Ctx,
               const std::vector<const CategoryPolicy *> &Policies)
    : Ctx(Ctx), Builtin(Catalog::builtin()) {
  for (const CategoryPolicy *P : Policies) {
    ByCategory[static_cast<unsigned>(P->Cat)] = *P;
    Transitive |= P->TransitiveSearch;
    MaxDepth = std::max(MaxDepth, P->TransitiveSearch ? P->MaxDepth : 0);
    if (SummaryDir.empty())
      SummaryDir = P->SummaryDirectory;
    WriteSummaries |= P->WriteSummaries;
    FollowOverriders |= P->FollowOverriders;
    for (const auto &[Type, Fw] : P->FrameworkTypes)
      FrameworkTypes.try_emplace(Type, Fw);
  }
  if (!SummaryDir.empty())
    Summaries = SummaryIndex::load(SummaryDir);
  AnnotatedBlocking.Cat = Category::Call;
  AnnotatedBlocking.Reason = "is declared blocking";
}

bool Engine::matches(const ApiEntry &Api, const FunctionDecl &Callee,
                     const CXXRecordDecl *ObjectClass) const {
  if (Api.RequiresCLinkage && !Callee.isExternC())
    return false;
  llvm::ArrayRef<std::string> Qualifiers =
      llvm::ArrayRef(Api.Parts).drop_back();
  if (scopesMatch(Callee.getDeclContext(), Qualifiers))
    return true;
  // 'fut.wait()' calls std::__basic_future::wait on a std::future: the
  // catalog names the class the user sees.
  const auto *Owner = llvm::dyn_cast<CXXRecordDecl>(Callee.getDeclContext());
  if (!ObjectClass || !Owner || !ObjectClass->hasDefinition() ||
      ObjectClass->getCanonicalDecl() == Owner->getCanonicalDecl() ||
      Qualifiers.empty())
    return false;
  if (scopesMatch(ObjectClass, Qualifiers))
    return true;
  bool Found = false;
  ObjectClass->forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || scopesMatch(Base, Qualifiers);
    return !Found;
  });
  return Found;
}

bool Engine::allowed(const CategoryPolicy &P, const NamedDecl &Callee) const {
  const std::string Name = lastName(Callee);
  return llvm::any_of(P.Allowed, [&](const std::vector<std::string> &A) {
    return A.back() == Name &&
           scopesMatch(Callee.getDeclContext(), llvm::ArrayRef(A).drop_back());
  });
}

const ApiEntry *Engine::match(const FunctionDecl &Callee,
                              const CXXRecordDecl *ObjectClass) const {
  if (hasEffect(Callee, FunctionEffect::Kind::NonBlocking) ||
      hasAnnotation(Callee, "async_tidy::nonblocking"))
    return nullptr;
  // Copy and move constructors only transfer what was already opened.
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&Callee))
    if (Ctor->isCopyOrMoveConstructor())
      return nullptr;
  const std::string Name = lastName(Callee);
  auto Accept = [&](const ApiEntry &Api) -> bool {
    const std::optional<CategoryPolicy> &P =
        ByCategory[static_cast<unsigned>(Api.Cat)];
    return P && (!Api.OptIn || P->EnableOptIn) &&
           matches(Api, Callee, ObjectClass) && !allowed(*P, Callee);
  };
  if (!Name.empty()) {
    // The user's entries first: they may carry a replacement.
    for (const std::optional<CategoryPolicy> &P : ByCategory)
      if (P)
        for (const ApiEntry *Api : P->Extra.candidates(Name))
          if (Accept(*Api))
            return Api;
    for (const ApiEntry *Api : Builtin.candidates(Name))
      if (Accept(*Api))
        return Api;
  }
  const std::optional<CategoryPolicy> &Call =
      ByCategory[static_cast<unsigned>(Category::Call)];
  if (Call && !allowed(*Call, Callee) &&
      (hasEffect(Callee, FunctionEffect::Kind::Blocking) ||
       hasAnnotation(Callee, "async_tidy::blocking")))
    return &AnnotatedBlocking;
  return nullptr;
}

const ApiEntry *Engine::classify(const FunctionDecl &Callee,
                                 const CXXRecordDecl *ObjectClass) {
  auto Key = std::make_pair(&Callee, ObjectClass);
  auto It = Classified.find(Key);
  if (It != Classified.end())
    return It->second;
  const ApiEntry *Result = match(Callee, ObjectClass);
  Classified[Key] = Result;
  return Result;
}

const ApiEntry *Engine::classifyObject(const VarDecl &Object) {
  auto [It, Inserted] = ClassifiedObjects.try_emplace(&Object, nullptr);
  if (!Inserted)
    return It->second;
  const std::string Name = lastName(Object);
  for (const ApiEntry *Api : Builtin.candidates(Name)) {
    const std::optional<CategoryPolicy> &P =
        ByCategory[static_cast<unsigned>(Api->Cat)];
    if (P && !Api->RequiresCLinkage && (!Api->OptIn || P->EnableOptIn) &&
        scopesMatch(Object.getDeclContext(),
                    llvm::ArrayRef(Api->Parts).drop_back()) &&
        !allowed(*P, Object))
      return ClassifiedObjects[&Object] = Api;
  }
  return nullptr;
}

bool Engine::holds(const ArgCondition &C, const Expr &Call) const {
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  switch (C.K) {
  case ArgCondition::Kind::ArgCount:
    return writtenArgCount(Args) == C.Value;
  case ArgCondition::Kind::ObjectIs:
    return refersTo(callObject(Call), C.Name);
  case ArgCondition::Kind::Returns:
    return hasClassType(Call, C.Name);
  default:
    break;
  }
  if (C.Arg >= Args.size())
    return false;
  const Expr &Arg = *Args[C.Arg];
  switch (C.K) {
  case ArgCondition::Kind::HasType:
    return hasClassType(Arg, C.Name);
  case ArgCondition::Kind::Mentions:
    return typeMentions(Arg.getType(), C.Name);
  case ArgCondition::Kind::IsVar:
    return refersTo(&Arg, C.Name);
  case ArgCondition::Kind::Equals:
  case ArgCondition::Kind::HasBits: {
    std::optional<llvm::APSInt> V = constantValue(Arg, Ctx);
    if (!V || V->getSignificantBits() > 64)
      return false;
    const int64_t Value = V->getExtValue();
    return C.K == ArgCondition::Kind::Equals ? Value == C.Value
                                             : (Value & C.Value) == C.Value;
  }
  default:
    return false;
  }
}

bool Engine::conditionsHold(const ApiEntry &Api, const Expr &Call) const {
  auto Holds = [&](const ArgCondition &C) { return holds(C, Call); };
  return (Api.When.empty() || llvm::any_of(Api.When, Holds)) &&
         llvm::none_of(Api.Unless, Holds);
}

const ApiEntry *Engine::blockingApi(const CallSite &Site) {
  const ApiEntry *Api = classify(*Site.Callee, Site.ObjectClass);
  if (!Api && Site.CalledObject)
    Api = classifyObject(*Site.CalledObject);
  return Api && conditionsHold(*Api, *Site.Call) ? Api : nullptr;
}

HopTarget Engine::hopOf(const Expr &AwaitedCall) const {
  const auto *Call = llvm::dyn_cast<CallExpr>(&AwaitedCall);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return HopTarget::None;
  const std::string Name = lastName(*Callee);
  const CXXRecordDecl *Object = callerObjectClass(*Call);
  auto Try = [&](const Catalog &C) {
    for (const ApiEntry *Hop : C.hopCandidates(Name))
      if (Hop->Hop != HopTarget::Offload && matches(*Hop, *Callee, Object) &&
          conditionsHold(*Hop, *Call))
        return Hop->Hop;
    return HopTarget::None;
  };
  for (const std::optional<CategoryPolicy> &P : ByCategory)
    if (P)
      if (HopTarget T = Try(P->Extra); T != HopTarget::None)
        return T;
  return Try(Builtin);
}

bool Engine::offloads(const CallSite &Site) const {
  const auto *Call = llvm::dyn_cast<CallExpr>(Site.Call);
  if (!Call)
    return false;
  // A customization point is named by its object (folly's co_withExecutor).
  const NamedDecl *Named =
      Site.CalledObject ? static_cast<const NamedDecl *>(Site.CalledObject)
                        : Site.Callee;
  const std::string Name = lastName(*Named);
  for (const ApiEntry *E : Builtin.hopCandidates(Name))
    if (E->Hop == HopTarget::Offload &&
        (Site.CalledObject ? scopesMatch(Named->getDeclContext(),
                                         llvm::ArrayRef(E->Parts).drop_back())
                           : matches(*E, *Site.Callee, Site.ObjectClass)) &&
        conditionsHold(*E, *Call))
      return true;
  for (const std::optional<CategoryPolicy> &P : ByCategory)
    if (P)
      for (const std::vector<std::string> &O : P->Offload)
        if (isNamed(*Site.Callee, O))
          return true;
  return false;
}

/// Coroutine lambdas written in E, not counting those inside lambdas.
static void
collectCoroutineLambdas(const Stmt *S,
                        llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!S)
    return;
  if (const auto *L = llvm::dyn_cast<LambdaExpr>(S)) {
    if (isCoroutineLambda(*L))
      Out.push_back(L->getCallOperator());
    return;
  }
  for (const Stmt *Child : S->children())
    collectCoroutineLambdas(Child, Out);
}

BodySummary Engine::walk(const FunctionDecl &Function) const {
  return walkBody(*Function.getBody(), Ctx,
                  [this](const Expr &Call) { return hopOf(Call); });
}

const FunctionDecl *Engine::enterable(const FunctionDecl &Callee) const {
  const FunctionDecl *Def = nullptr;
  if (!Callee.hasBody(Def) || !Def || !Def->getBody())
    return nullptr;
  // Libraries are described by the catalog; another coroutine is analysed
  // on its own; what is declared non-blocking or offloading is trusted.
  if (llvm::isa<CoroutineBodyStmt>(Def->getBody()) ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()) ||
      hasEffect(*Def, FunctionEffect::Kind::NonBlocking) ||
      hasAnnotation(*Def, "async_tidy::nonblocking"))
    return nullptr;
  for (const std::optional<CategoryPolicy> &P : ByCategory)
    if (P)
      for (const std::vector<std::string> &O : P->Offload)
        if (isNamed(*Def, O))
          return nullptr;
  return Def;
}

llvm::SmallVector<Engine::Target, 2>
Engine::helpersOf(const CallSite &Site) const {
  llvm::SmallVector<Target, 2> Targets;
  if (!Transitive || Site.OffLoop)
    return Targets;
  if (const FunctionDecl *Def = enterable(*Site.Callee))
    Targets.push_back({Def, false});
  // A virtual call, not one qualified with a class: any overrider may run.
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Site.Call);
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Site.Callee);
  const auto *ME =
      Member ? llvm::dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
             : nullptr;
  if (!FollowOverriders || !Method || !Method->isVirtual() || !ME ||
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

const Engine::Facts &Engine::explore(const FunctionDecl &Function,
                                     unsigned Depth) {
  std::unique_ptr<Facts> &Slot = Helpers[&Function];
  if (!Slot)
    Slot = std::make_unique<Facts>();
  Facts &F = *Slot; // Stable: the map holds pointers.
  if (F.InProgress || F.Explored >= Depth)
    return F;
  F.InProgress = true;
  if (!F.Body)
    F.Body = std::make_unique<BodySummary>(walk(Function));
  F.Reaches = {};
  auto Offer = [&](Category Cat, Link Candidate) {
    Link &L = F.Reaches[static_cast<unsigned>(Cat)];
    if (L.Length == 0 || Candidate.Length < L.Length)
      L = Candidate;
  };
  for (const CallSite &Site : F.Body->Calls) {
    if (Site.OffLoop)
      continue;
    if (const ApiEntry *Api = blockingApi(Site)) {
      Offer(Api->Cat, {&Site, Api, 1});
      continue;
    }
    if (Depth <= 1)
      continue;
    llvm::SmallVector<Target, 2> Targets = helpersOf(Site);
    for (const Target &T : Targets) {
      const Facts &G = explore(*T.Definition, Depth - 1);
      for (unsigned C = 0; C < NumCategories; ++C)
        if (const Link &Next = G.Reaches[C]; Next.Length)
          Offer(static_cast<Category>(C),
                {&Site, Next.Api, Next.Length + 1, nullptr, T.Definition,
                 T.ViaOverrider || Next.ViaOverrider});
    }
    if (!Targets.empty())
      continue;
    for (const ExternalFinding *E : external(*Site.Callee))
      if (E->Chain.size() + 1 <= Depth)
        Offer(E->Api.Cat,
              {&Site, &E->Api, static_cast<unsigned>(E->Chain.size() + 1), E});
  }
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
  return User != FrameworkTypes.end() ? User->second
                                      : Builtin.frameworkOfType(Type);
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
  for (const CallSite &Site : S.Calls) {
    // 'co_await co_spawn(pool, [&]() -> awaitable<T> {...}, ...)': the
    // lambda's body runs on the pool.
    if (offloads(Site)) {
      llvm::SmallVector<const FunctionDecl *, 2> Lambdas;
      for (const Expr *Arg : callArguments(*Site.Call))
        collectCoroutineLambdas(Arg, Lambdas);
      Offloaded.insert(Lambdas.begin(), Lambdas.end());
    }
    // After a hop onto a pool, blocking is what the user intended.
    if (Site.OffLoop)
      continue;
    if (const ApiEntry *Api = blockingApi(Site)) {
      R.Findings.push_back({Site, Api});
      continue;
    }
    if (MaxDepth == 0)
      continue;
    llvm::SmallVector<Target, 2> Targets = helpersOf(Site);
    for (const Target &T : Targets) {
      const Facts &F = explore(*T.Definition, MaxDepth);
      for (const Link &L : F.Reaches)
        if (L.Length)
          R.Findings.push_back({Site, L.Api, T.Definition, L.Length, nullptr,
                                T.ViaOverrider || L.ViaOverrider});
    }
    if (!Targets.empty())
      continue;
    for (const ExternalFinding *E : external(*Site.Callee))
      R.Findings.push_back({Site, &E->Api, Site.Callee,
                            static_cast<unsigned>(E->Chain.size()), E});
  }
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
  const Facts &F = explore(Function, std::max(MaxDepth, 1U));
  for (const Link &L : F.Reaches) {
    if (!L.Length)
      continue;
    ExternalFinding E;
    E.Api = *L.Api;
    E.DefinedIn = FileOf(Function);
    llvm::StringSet<> Files;
    Finding Start{*L.Site, L.Api, &Function, L.Length};
    std::vector<ChainStep> Steps = chain(Start);
    for (const ChainStep &Step : Steps) {
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

bool Engine::finish(std::string &Error) {
  if (Finished || !WriteSummaries || SummaryDir.empty())
    return true;
  Finished = true;
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
  return writeSummaries(SummaryDir, Main, Out, Error);
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

namespace {
// clangd builds several translation units at once, one per thread.
std::mutex RegistryLock;
llvm::DenseMap<const ClangTidyContext *, std::vector<const CategoryPolicy *>> &
policies() {
  static llvm::DenseMap<const ClangTidyContext *,
                        std::vector<const CategoryPolicy *>>
      Map;
  return Map;
}
llvm::DenseMap<const ASTContext *, std::weak_ptr<Engine>> &engines() {
  static llvm::DenseMap<const ASTContext *, std::weak_ptr<Engine>> Map;
  return Map;
}
/// The object shared under Key while someone holds it, made by Make when
/// there is none; expired entries are dropped (their keys may be reused by
/// the next translation unit).
template <typename Key, typename T, typename MakeFn>
std::shared_ptr<T> acquireShared(llvm::DenseMap<Key, std::weak_ptr<T>> &Map,
                                 Key K, MakeFn Make) {
  std::scoped_lock Guard(RegistryLock);
  if (std::shared_ptr<T> Existing = Map.lookup(K).lock())
    return Existing;
  for (auto It = Map.begin(); It != Map.end();)
    if (It->second.expired())
      Map.erase(It++);
    else
      ++It;
  std::shared_ptr<T> Made = Make();
  Map[K] = Made;
  return Made;
}
llvm::DenseMap<const Preprocessor *, std::weak_ptr<SharedIncludes>> &
includes() {
  static llvm::DenseMap<const Preprocessor *, std::weak_ptr<SharedIncludes>>
      Map;
  return Map;
}
} // namespace

SharedIncludes::SharedIncludes(utils::IncludeSorter::IncludeStyle Style)
    // Deduplicated here, per set of fixes applied together.
    : Inserter(Style, /*SelfContainedDiags=*/true) {}

std::optional<FixItHint> SharedIncludes::insert(FileID File,
                                                llvm::StringRef Header,
                                                AppliedWith When,
                                                bool SelfContained) {
  if (!SelfContained && When != AppliedWith::Never) {
    std::string Key = (llvm::Twine(File.getHashValue()) + ":" + Header).str();
    if (!Inserted[When == AppliedWith::Note].insert(Key).second)
      return std::nullopt;
  }
  return Inserter.createIncludeInsertion(File, Header);
}

std::shared_ptr<SharedIncludes>
acquireIncludes(Preprocessor *PP, utils::IncludeSorter::IncludeStyle Style) {
  return acquireShared(includes(), static_cast<const Preprocessor *>(PP), [&] {
    auto I = std::make_shared<SharedIncludes>(Style);
    I->registerPreprocessor(PP);
    return I;
  });
}

void registerPolicy(const ClangTidyContext *Tidy, const CategoryPolicy *P) {
  std::scoped_lock Guard(RegistryLock);
  policies()[Tidy].push_back(P);
}

void unregisterPolicy(const ClangTidyContext *Tidy, const CategoryPolicy *P) {
  std::scoped_lock Guard(RegistryLock);
  auto It = policies().find(Tidy);
  if (It == policies().end())
    return;
  llvm::erase(It->second, P);
  if (It->second.empty())
    policies().erase(It);
}

std::shared_ptr<Engine> acquireEngine(ASTContext &Ctx,
                                      const ClangTidyContext *Tidy) {
  return acquireShared(engines(), static_cast<const ASTContext *>(&Ctx), [&] {
    // Under RegistryLock, which guards the policies too.
    return std::make_shared<Engine>(Ctx, policies().lookup(Tidy));
  });
}

} // namespace clang::tidy::async

//===--- WhereCodeRuns.cpp - async-tidy -----------------------------------===//

#include "WhereCodeRuns.h"
#include "AnalysisOptions.h"
#include "ApiMatcher.h"
#include "CoroutineWalker.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

bool isCoroutineLambda(const LambdaExpr &L) {
  const CXXMethodDecl *Op = L.getCallOperator();
  return Op && llvm::isa_and_present<CoroutineBodyStmt>(Op->getBody());
}

bool isStackfulLambda(const LambdaExpr &L) {
  const CXXMethodDecl *Op = L.getCallOperator();
  return Op && llvm::any_of(Op->parameters(), [](const ParmVarDecl *P) {
           const CXXRecordDecl *RD =
               P->getType().getNonReferenceType()->getAsCXXRecordDecl();
           return RD && RD->getIdentifier() &&
                  RD->getName() == "basic_yield_context";
         });
}

WhereCodeRuns::WhereCodeRuns(const ApiMatcher &Matcher,
                             const AnalysisOptions &Options)
    : Matcher(Matcher), Options(Options) {}

/// Whether RD is Asio's or Boost.Asio's basic_yield_context.
static bool isYieldContext(const CXXRecordDecl *RD) {
  return RD && RD->getIdentifier() && RD->getName() == "basic_yield_context" &&
         (scopesMatch(RD->getDeclContext(), {"asio"}) ||
          scopesMatch(RD->getDeclContext(), {"boost", "asio"}));
}

WhereCodeRuns::StackfulContext
WhereCodeRuns::stackfulContext(const ParmVarDecl &P,
                               const AnalysisOptions &Options) {
  const QualType T = P.getType().getNonReferenceType();
  const bool Indirect = P.getType()->isReferenceType() || T->isPointerType();
  const CXXRecordDecl *RD = T->isPointerType()
                                ? T->getPointeeType()->getAsCXXRecordDecl()
                                : T->getAsCXXRecordDecl();
  if (!RD)
    return StackfulContext::None;
  if (llvm::any_of(Options.StackfulContextTypes,
                   [&](const std::vector<std::string> &Name) {
                     return isNamed(*RD, Name);
                   }))
    return StackfulContext::Listed;
  if (!Options.StackfulYieldContext)
    return StackfulContext::None;
  if (!T->isPointerType() && isYieldContext(RD))
    return StackfulContext::YieldContext;
  // A request or context object of the project's that carries the
  // coroutine's yield_context (or a pointer to it) to the handlers it is
  // given to by reference.
  if (!Indirect || !RD->hasDefinition() || RD->isLambda() ||
      P.getASTContext().getSourceManager().isInSystemHeader(RD->getLocation()))
    return StackfulContext::None;
  for (const FieldDecl *Field : RD->fields()) {
    QualType FT = Field->getType().getNonReferenceType();
    if (FT->isPointerType())
      FT = FT->getPointeeType();
    if (isYieldContext(FT->getAsCXXRecordDecl()))
      return StackfulContext::Holder;
  }
  return StackfulContext::None;
}

namespace {
AST_MATCHER_P(FunctionDecl, takesStackfulContext, const AnalysisOptions *,
              Options) {
  return llvm::any_of(Node.parameters(), [&](const ParmVarDecl *P) {
    return WhereCodeRuns::stackfulContext(*P, *Options) !=
           WhereCodeRuns::StackfulContext::None;
  });
}
} // namespace

ast_matchers::internal::BindableMatcher<Decl>
WhereCodeRuns::loopFunctions(const AnalysisOptions &Options) {
  // Every coroutine body, lambdas and template instantiations included; the
  // walk goes down from there instead of matching calls upwards.
  ast_matchers::internal::Matcher<FunctionDecl> IsLoopFunction =
      hasBody(coroutineBodyStmt());
  // Stackful coroutines: Asio's yield_context, the project's types that
  // carry one, and functions the user lists.
  if (Options.StackfulYieldContext || !Options.StackfulContextTypes.empty())
    IsLoopFunction = anyOf(IsLoopFunction, takesStackfulContext(&Options));
  if (!Options.StackfulFunctions.empty()) {
    std::vector<llvm::StringRef> Names(Options.StackfulFunctions.begin(),
                                       Options.StackfulFunctions.end());
    IsLoopFunction = anyOf(IsLoopFunction, hasAnyName(Names));
  }
  // Library code is described by the catalog, not analysed: a library
  // function taking a yield_context would report the user's own callables.
  return functionDecl(isDefinition(), IsLoopFunction,
                      unless(isExpansionInSystemHeader()));
}

bool WhereCodeRuns::isStackful(const FunctionDecl &F, bool *Listed) const {
  if (Listed)
    *Listed = false;
  if (F.getASTContext().getSourceManager().isInSystemHeader(F.getLocation()))
    return false;
  if (llvm::any_of(F.parameters(), [&](const ParmVarDecl *P) {
        return stackfulContext(*P, Options) != StackfulContext::None;
      }))
    return true;
  const bool InList =
      llvm::any_of(Options.StackfulFunctions, [&](const std::string &Name) {
        return "::" + F.getQualifiedNameAsString() == Name;
      });
  if (Listed)
    *Listed = InList;
  return InList;
}

/// In a template, 'co_await resume_on(ex)' with a dependent argument names
/// its callee only by the overloads found: a hop if every one of them is
/// the same hop, which has no conditions to evaluate.
static std::optional<Runs> dependentHop(const CallExpr &Call,
                                        const ApiMatcher &Matcher,
                                        const AnalysisOptions &Options) {
  const auto *Lookup = llvm::dyn_cast<UnresolvedLookupExpr>(
      Call.getCallee()->IgnoreParenImpCasts());
  if (!Lookup || Lookup->getNumDecls() == 0)
    return std::nullopt;
  std::optional<Runs> Result;
  for (const NamedDecl *D : Lookup->decls()) {
    const FunctionDecl *F = D->getAsFunction();
    std::optional<Runs> This;
    for (const Catalog *C : {&Options.Hops, &Catalog::builtin()})
      for (const ApiEntry *Hop : C->hopCandidates(F ? lastName(*F) : ""))
        if (!This &&
            (Hop->Hop == HopTarget::Pool || Hop->Hop == HopTarget::Loop) &&
            Hop->When.empty() && Hop->Unless.empty() &&
            Matcher.matches(*Hop, *F, nullptr))
          This = Hop->Hop == HopTarget::Pool ? Runs::Pool : Runs::Here;
    if (!This || (Result && *Result != *This))
      return std::nullopt;
    Result = This;
  }
  return Result;
}

std::optional<Runs> WhereCodeRuns::afterAwait(const Expr &Awaited) const {
  const auto *Call = llvm::dyn_cast<CallExpr>(&Awaited);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Call && !Callee)
    return dependentHop(*Call, Matcher, Options);
  if (!Callee)
    return std::nullopt;
  const std::string Name = lastName(*Callee);
  const CXXRecordDecl *Object = callerObjectClass(*Call);
  // The user's hops first, then the catalog's; the first that applies wins.
  for (const Catalog *C : {&Options.Hops, &Catalog::builtin()})
    for (const ApiEntry *Hop : C->hopCandidates(Name))
      if ((Hop->Hop == HopTarget::Pool || Hop->Hop == HopTarget::Loop) &&
          Matcher.matches(*Hop, *Callee, Object) &&
          Matcher.conditionsHold(*Hop, *Call))
        return Hop->Hop == HopTarget::Pool ? Runs::Pool : Runs::Here;
  return std::nullopt;
}

bool WhereCodeRuns::isCall(const CallSite &Site, HopTarget Kind) const {
  const auto *Call = llvm::dyn_cast<CallExpr>(Site.Call);
  if (!Call)
    return false;
  // A customization point or a range algorithm is named by its object
  // (folly's co_withExecutor, std::ranges::for_each).
  const NamedDecl *Named =
      Site.CalledObject ? static_cast<const NamedDecl *>(Site.CalledObject)
                        : Site.Callee;
  return llvm::any_of(
      Catalog::builtin().hopCandidates(lastName(*Named)),
      [&](const ApiEntry *E) {
        return E->Hop == Kind &&
               (Site.CalledObject
                    ? scopesMatch(Named->getDeclContext(),
                                  llvm::ArrayRef(E->Parts).drop_back())
                    : Matcher.matches(*E, *Site.Callee, Site.ObjectClass)) &&
               Matcher.conditionsHold(*E, *Call);
      });
}

const ValueDecl *namedObject(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return llvm::dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    if (llvm::isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return llvm::dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

/// The catalog's 'ready:' entry Call is, if any.
static const ApiEntry *readyEntry(const Expr *E, const ApiMatcher &Matcher) {
  const auto *Call =
      llvm::dyn_cast_if_present<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return nullptr;
  for (const ApiEntry *Ready :
       Catalog::builtin().hopCandidates(lastName(*Callee)))
    if (Ready->Hop == HopTarget::Ready &&
        Matcher.matches(*Ready, *Callee, callerObjectClass(*Call)))
      return Ready;
  return nullptr;
}

void WhereCodeRuns::readyObjects(
    const Expr &Cond, bool WhenTrue,
    llvm::SmallVectorImpl<const ValueDecl *> &Out) const {
  const Expr *E = Cond.IgnoreParenImpCasts();
  if (const auto *Not = llvm::dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot) {
    readyObjects(*Not->getSubExpr(), !WhenTrue, Out);
    return;
  }
  const auto *Bin = llvm::dyn_cast<BinaryOperator>(E);
  // 'a && b' true, or 'a || b' false: both operands are.
  if (Bin && (Bin->getOpcode() == (WhenTrue ? BO_LAnd : BO_LOr))) {
    readyObjects(*Bin->getLHS(), WhenTrue, Out);
    readyObjects(*Bin->getRHS(), WhenTrue, Out);
    return;
  }
  // 'f.wait_for(0s) == std::future_status::ready', either way round.
  if (Bin && (Bin->getOpcode() == BO_EQ || Bin->getOpcode() == BO_NE)) {
    const bool Equal = (Bin->getOpcode() == BO_EQ) == WhenTrue;
    for (auto [Call, Value] : {std::pair(Bin->getLHS(), Bin->getRHS()),
                               std::pair(Bin->getRHS(), Bin->getLHS())}) {
      const ApiEntry *Ready = readyEntry(Call, Matcher);
      const auto *Ref =
          llvm::dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts());
      if (Ready && Equal && Ref && !Ready->ReadyValue.empty() &&
          llvm::isa<EnumConstantDecl>(Ref->getDecl()) &&
          isNamed(*Ref->getDecl(), Ready->ReadyValue))
        Out.push_back(namedObject(
            llvm::cast<CXXMemberCallExpr>(Call->IgnoreParenImpCasts())
                ->getImplicitObjectArgument()));
    }
    return;
  }
  // 'f.isReady()'.
  if (const ApiEntry *Ready = readyEntry(E, Matcher);
      Ready && WhenTrue && Ready->ReadyValue.empty())
    Out.push_back(namedObject(
        llvm::cast<CXXMemberCallExpr>(E)->getImplicitObjectArgument()));
}

bool WhereCodeRuns::startsOnPool(const FunctionDecl &Coroutine,
                                 const Framework &Fw) const {
  return !Fw.PoolTag.empty() && Coroutine.getNumParams() > 1 &&
         plainTypeName(Coroutine.getParamDecl(0)->getType()) == Fw.PoolTag;
}

bool WhereCodeRuns::offloads(const CallSite &Site) const {
  return isCall(Site, HopTarget::Offload) ||
         runsArgumentsElsewhere(*Site.Callee);
}

/// The parameter of F an argument passes on as it is: 'h',
/// 'std::move(h)', 'std::forward<H>(h)', or a copy of one.
static const ParmVarDecl *passedParameter(const Expr *E,
                                          const FunctionDecl &F) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *P = llvm::dyn_cast<ParmVarDecl>(Ref->getDecl());
      return P && P->getDeclContext() == &F ? P : nullptr;
    }
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructExpr>(E);
        Ctor && Ctor->getNumArgs() == 1) {
      E = Ctor->getArg(0);
      continue;
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Call->getNumArgs() != 1 || !Callee->isInStdNamespace() ||
        !Callee->getIdentifier() ||
        (Callee->getName() != "move" && Callee->getName() != "forward"))
      return nullptr;
    E = Call->getArg(0);
  }
  return nullptr;
}

llvm::ArrayRef<unsigned>
WhereCodeRuns::handsToPool(const FunctionDecl &F) const {
  if (auto It = HandedToPool.find(&F); It != HandedToPool.end())
    return It->second;
  // Empty while searched: a recursive wrapper hands on what the rest does.
  HandedToPool[&F];
  llvm::SmallVector<unsigned, 1> Params;
  llvm::SmallVector<const Stmt *, 32> Work = {F.getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    // What a lambda written here does runs later, if at all.
    if (!S || llvm::isa<LambdaExpr>(S))
      continue;
    llvm::append_range(Work, S->children());
    const auto *Call = llvm::dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      continue;
    CallSite Site{Call, Callee, callerObjectClass(*Call), false};
    llvm::ArrayRef<const Expr *> Args = callArguments(*Call);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (const ParmVarDecl *P = passedParameter(Args[I], F);
          P && !llvm::is_contained(Params, P->getFunctionScopeIndex()) &&
          offloadsArgument(Site, I))
        Params.push_back(P->getFunctionScopeIndex());
  }
  return HandedToPool[&F] = std::move(Params);
}

bool WhereCodeRuns::offloadsArgument(const CallSite &Site, unsigned I) const {
  if (offloads(Site))
    return true;
  const FunctionDecl *Def =
      Site.Callee ? Site.Callee->getDefinition() : nullptr;
  // A library's functions are described by the catalog.
  if (!Def || !Def->getBody() ||
      Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return false;
  return llvm::is_contained(handsToPool(*Def), I);
}

void WhereCodeRuns::poolCoroutines(
    const CallSite &Site, std::vector<const FunctionDecl *> &Out) const {
  llvm::ArrayRef<const Expr *> Args = callArguments(*Site.Call);
  for (unsigned I = 0; I < Args.size(); ++I)
    if (offloadsArgument(Site, I))
      collectCoroutineLambdas(Args[I], Out);
}

bool WhereCodeRuns::runsArgumentsElsewhere(const FunctionDecl &F) const {
  return llvm::any_of(
      Options.OffloadFunctions,
      [&](const std::vector<std::string> &Name) { return isNamed(F, Name); });
}

/// Whether Body calls a member of class type of its own class: 'm_func()',
/// 'callback_(h, ...)'. Not through a pointer (std::function's manager), not
/// in a lambda written there (called later, if at all).
static bool callsMemberCallable(const Stmt *S) {
  if (!S || llvm::isa<LambdaExpr>(S))
    return false;
  const Expr *Callee = nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    Callee = Op->getArg(0);
  else if (const auto *Call = llvm::dyn_cast<CallExpr>(S))
    Callee = Call->getCallee();
  if (Callee) {
    const auto *Member =
        llvm::dyn_cast<MemberExpr>(Callee->IgnoreParenImpCasts());
    const auto *Field =
        Member ? llvm::dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
    if (Field && Field->getType()->isRecordType() &&
        llvm::isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return true;
  }
  return llvm::any_of(S->children(), callsMemberCallable);
}

bool WhereCodeRuns::callsStoredCallable(const CXXRecordDecl &RD) const {
  auto [It, New] = CallsStored.try_emplace(&RD, false);
  if (!New)
    return It->second;
  // The destructor of a class of the project is searched where the object
  // is destroyed, like any helper; a library's (Qt's QScopeGuard) is not.
  const bool LibraryDestructor =
      RD.getASTContext().getSourceManager().isInSystemHeader(RD.getLocation());
  for (const CXXMethodDecl *M : RD.methods()) {
    if (!(llvm::isa<CXXDestructorDecl>(M) && LibraryDestructor) &&
        !(M->getIdentifier() && M->getName() == "await_suspend"))
      continue;
    // A member of a class template may not be instantiated: its pattern
    // says the same.
    const FunctionDecl *Def = M->getDefinition();
    if (!Def || !Def->getBody())
      if (const FunctionDecl *Pattern = M->getTemplateInstantiationPattern())
        Def = Pattern->getDefinition();
    if (Def && callsMemberCallable(Def->getBody())) {
      It = CallsStored.find(&RD);
      It->second = true;
      break;
    }
  }
  return CallsStored.find(&RD)->second;
}

Runs WhereCodeRuns::lambda(const LambdaExpr &L, const LambdaUse &Use) const {
  switch (Use.K) {
  case LambdaUse::CalledOnTheSpot:
    // Calling a coroutine lambda only creates the coroutine: its body runs
    // where it is awaited or scheduled, and is analysed as a coroutine.
    return isCoroutineLambda(L) ? Runs::Elsewhere : Runs::Here;
  case LambdaUse::Argument:
    // std::for_each, std::visit, std::call_once...: called before the
    // call returns, on this thread, unless with a parallel policy.
    if (Use.Site && !isCoroutineLambda(L) &&
        isCall(*Use.Site, HopTarget::Inline))
      return Runs::Here;
    return Runs::Elsewhere;
  case LambdaUse::Stored:
    // Kept by a scope guard or an awaiter that calls it from its destructor
    // or await_suspend: it runs on this thread, at the end of the scope or
    // as the coroutine suspends.
    return !isCoroutineLambda(L) && Use.Holder &&
                   callsStoredCallable(*Use.Holder)
               ? Runs::Here
               : Runs::Elsewhere;
  case LambdaUse::Other:
    // Whoever receives it decides when and where it runs; a stored lambda
    // called later in the body is searched like a helper at that call.
    return Runs::Elsewhere;
  }
  return Runs::Elsewhere;
}

/// Whether F is Asio's or Boost.Asio's bind_executor.
static bool isBindExecutor(const FunctionDecl &F) {
  return F.getIdentifier() && F.getName() == "bind_executor" &&
         (scopesMatch(F.getDeclContext(), {"asio"}) ||
          scopesMatch(F.getDeclContext(), {"boost", "asio"}));
}

/// The member function a binder calls: 'std::bind(&C::on_read, this, _1)',
/// 'beast::bind_front_handler(&C::on_read, shared_from_this())'.
static const FunctionDecl *boundMember(const CallExpr &Bind) {
  const FunctionDecl *Binder = Bind.getDirectCallee();
  if (!Binder || !Binder->getIdentifier() || Bind.getNumArgs() < 2)
    return nullptr;
  static const std::vector<std::string> Binders[] = {
      {"std", "bind"},
      {"std", "bind_front"},
      {"boost", "beast", "bind_front_handler"},
      {"boost", "beast", "bind_handler"},
      {"boost", "bind"}};
  if (!llvm::any_of(Binders, [&](const std::vector<std::string> &Name) {
        return isNamed(*Binder, Name);
      }))
    return nullptr;
  const auto *AddressOf = llvm::dyn_cast<UnaryOperator>(
      Bind.getArg(0)->IgnoreImplicit()->IgnoreParens());
  const auto *Ref =
      AddressOf && AddressOf->getOpcode() == UO_AddrOf
          ? llvm::dyn_cast<DeclRefExpr>(AddressOf->getSubExpr()->IgnoreParens())
          : nullptr;
  const auto *Method =
      Ref ? llvm::dyn_cast<CXXMethodDecl>(Ref->getDecl()) : nullptr;
  const FunctionDecl *Def = Method ? Method->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || llvm::isa<CoroutineBodyStmt>(Def->getBody()) ||
      Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return nullptr;
  return Def;
}

/// Whether the parameter of F that takes argument Index takes any callable:
/// in F's template a template type parameter (a completion token, trantor's
/// runInLoop), or a std::function (trantor's queueInLoop, runAfter).
static bool takesCallable(const FunctionDecl &F, unsigned Index) {
  if (Index < F.getNumParams())
    if (const auto *RD = F.getParamDecl(Index)
                             ->getType()
                             .getNonReferenceType()
                             ->getAsCXXRecordDecl();
        RD && isNamed(*RD, {"std", "function"}))
      return true;
  const FunctionDecl *Pattern = F.getTemplateInstantiationPattern();
  if (!Pattern || Index >= Pattern->getNumParams())
    return false;
  QualType T = Pattern->getParamDecl(Index)->getType().getNonReferenceType();
  return T->getAs<TemplateTypeParmType>() != nullptr;
}

/// The call operator of a function object of the project's, given as a
/// handler: 'sock.async_read_some(buf, read_handler{this})'. One operator
/// (a template as instantiated), or the handler is not known.
static const FunctionDecl *functorBody(const Expr &Handler) {
  const CXXRecordDecl *RD = Handler.getType()->getAsCXXRecordDecl();
  if (!RD || RD->isLambda() || !RD->hasDefinition())
    return nullptr;
  const FunctionDecl *Body = nullptr;
  unsigned Operators = 0;
  for (const Decl *D : RD->decls()) {
    const auto *F = llvm::dyn_cast<FunctionDecl>(D);
    if (const auto *T = llvm::dyn_cast<FunctionTemplateDecl>(D)) {
      F = T->specializations().empty() ? T->getTemplatedDecl()
                                       : *T->specializations().begin();
    }
    if (!F || F->getOverloadedOperator() != OO_Call)
      continue;
    ++Operators;
    Body = F->getDefinition();
  }
  if (Operators != 1 || !Body || !Body->getBody() ||
      Body->isDependentContext() ||
      llvm::isa<CoroutineBodyStmt>(Body->getBody()) ||
      Body->getASTContext().getSourceManager().isInSystemHeader(
          Body->getLocation()))
    return nullptr;
  return Body;
}

std::optional<HandlerUse> WhereCodeRuns::handlerOf(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  // The last argument written: not the defaults of the constraints that
  // follow the token in Asio's declarations.
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  while (!Args.empty() && llvm::isa<CXXDefaultArgExpr>(Args.back()))
    Args = Args.drop_back();
  if (Args.empty())
    return std::nullopt;
  const unsigned Index = Args.size() - 1;
  HandlerUse H;
  // As written: a lambda converted to the std::function a parameter takes.
  const Expr *Token = Args.back()->IgnoreUnlessSpelledInSource();
  H.Lambda = llvm::dyn_cast<LambdaExpr>(Token);
  // 'asio::bind_executor(strand, [...] {...})': the lambda runs on the
  // executor bound to it.
  const Expr *Bound = nullptr;
  if (const auto *Bind = llvm::dyn_cast<CallExpr>(Token);
      Bind && Bind->getNumArgs() >= 2 && Bind->getDirectCallee() &&
      isBindExecutor(*Bind->getDirectCallee()) &&
      (Bind->getNumArgs() == 2 ||
       llvm::isa<CXXDefaultArgExpr>(Bind->getArg(2)))) {
    H.Lambda = llvm::dyn_cast<LambdaExpr>(
        Bind->getArg(1)->IgnoreImplicit()->IgnoreParens());
    Bound = Bind->getArg(0);
  }
  if (H.Lambda && !isCoroutineLambda(*H.Lambda)) {
    // A generic lambda's body as instantiated, where there is one.
    H.Body = H.Lambda->getCallOperator();
    if (const FunctionTemplateDecl *T = H.Body->getDescribedFunctionTemplate();
        T && !T->specializations().empty())
      H.Body = *T->specializations().begin();
  } else if (const auto *Bind = llvm::dyn_cast<CallExpr>(Token);
             Bind && !H.Lambda) {
    H.Body = boundMember(*Bind);
  }
  if (!H.Body && !H.Lambda && !Bound)
    H.Body = functorBody(*Token);
  if (!H.Body)
    return std::nullopt;
  const Expr *Object = callObject(Call);
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  const bool Member = Method && Method->isInstance() && Object;
  for (const ApiEntry *E :
       Catalog::builtin().handlerCandidates(lastName(*Callee))) {
    const int RunsOn = E->RunsOn.value_or(ApiEntry::DescriptorObject);
    const bool OnObject = RunsOn == ApiEntry::DescriptorObject;
    if (OnObject != Member ||
        (!OnObject && static_cast<unsigned>(RunsOn) >= Index) ||
        !Matcher.matches(*E, *Callee, callerObjectClass(Call)) ||
        !takesCallable(*Callee, Index))
      continue;
    H.Call = &Call;
    H.Operation = Callee;
    H.Runner = OnObject ? Object : Args[RunsOn];
    if (Bound)
      H.Runner = Bound;
    H.Posted = E->Hop == HopTarget::Posted;
    H.Bound = Bound != nullptr;
    return H;
  }
  return std::nullopt;
}

Runs WhereCodeRuns::executorRuns(const Expr &Runner) const {
  const Expr *E = Runner.IgnoreParenImpCasts();
  const QualType T = E->getType();
  for (const std::vector<std::string> &Name : Options.LoopExecutors)
    if (typeMentions(T, Name))
      return Runs::Here;
  // 'tcp::socket s(pool);' holds an any_io_executor of the pool's.
  if (const auto *Var = llvm::dyn_cast_if_present<VarDecl>(namedObject(E)))
    if (const auto *Ctor = llvm::dyn_cast_if_present<CXXConstructExpr>(
            Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
        Ctor && Ctor->getNumArgs() > 0 && Ctor->getArg(0) != &Runner &&
        !Ctor->getConstructor()->isCopyOrMoveConstructor()) {
      const Runs From = executorRuns(*Ctor->getArg(0));
      if (From == Runs::Pool)
        return From;
    }
  const llvm::SmallVector<const ApiEntry *, 8> Executors =
      Catalog::builtin().executors();
  for (HopTarget Kind : {HopTarget::PoolExecutor, HopTarget::LoopExecutor})
    for (const ApiEntry *X : Executors)
      if (X->Hop == Kind && typeMentions(T, X->Parts))
        return Kind == HopTarget::PoolExecutor ? Runs::Pool : Runs::Here;
  return Runs::Elsewhere;
}

} // namespace clang::tidy::async

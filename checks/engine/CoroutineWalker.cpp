//===--- CoroutineWalker.cpp - async-tidy ---------------------------------===//

#include "CoroutineWalker.h"
#include "WhereCodeRuns.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

namespace {

/// Strips what wraps a call used as a statement.
const Expr *statementCall(const Stmt *S) {
  const auto *E = llvm::dyn_cast_if_present<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (llvm::isa<CallExpr, CXXConstructExpr>(E))
    return E;
  return nullptr;
}

/// The temporary a statement makes and discards, destroyed at its end:
/// 'std::jthread(work);', 'std::async(std::launch::async, f);'.
const CXXBindTemporaryExpr *statementTemporary(const Stmt *S) {
  const auto *E = llvm::dyn_cast_if_present<Expr>(S);
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Bound = llvm::dyn_cast<CXXBindTemporaryExpr>(E))
      return Bound;
    if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// The call awaited by a statement 'co_await call(...);', if it is one.
const Expr *awaitedCall(const Stmt *S) {
  const auto *E = llvm::dyn_cast_if_present<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  const Expr *Operand = nullptr;
  if (const auto *Await = llvm::dyn_cast<CoawaitExpr>(E))
    Operand = Await->isImplicit() ? nullptr : Await->getOperand();
  // In a template, with a dependent operand.
  else if (const auto *Dependent = llvm::dyn_cast<DependentCoawaitExpr>(E))
    Operand = Dependent->getOperand();
  if (!Operand)
    return nullptr;
  Operand = Operand->IgnoreImplicit()->IgnoreParens();
  return llvm::isa<CallExpr>(Operand) ? Operand : nullptr;
}

/// The lambda an argument passes, through a conversion into a callable
/// type ('std::function<void()> f = [&] {...}').
const LambdaExpr *passedLambda(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *L = llvm::dyn_cast<LambdaExpr>(E))
      return L;
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructExpr>(E);
        Ctor && Ctor->getNumArgs() == 1)
      E = Ctor->getArg(0);
    else if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// The lambda of '[&] { ... }()', called where it is written.
const LambdaExpr *calledLambda(const CallExpr &E) {
  const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&E);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return nullptr;
  return llvm::dyn_cast<LambdaExpr>(Op->getArg(0)->IgnoreImplicit());
}

/// The body a lambda runs: a generic lambda's as instantiated, where its
/// calls are resolved ('[](auto &r) { r.wait(); }' names no function until
/// then); the first instantiation stands for the others, as for handlers.
Stmt *runBody(const LambdaExpr &E) {
  if (const FunctionTemplateDecl *T =
          E.getCallOperator()->getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : T->specializations())
      if (Spec->getBody())
        return Spec->getBody();
  return E.getBody();
}

class Walker : public RecursiveASTVisitor<Walker> {
  using Base = RecursiveASTVisitor<Walker>;

public:
  Walker(ASTContext &Ctx, BodySummary &Out, const WhereCodeRuns &Where)
      : Ctx(Ctx), Out(Out), Where(Where) {}

  // Where a lambda's body runs is decided where it is used (VisitCallExpr,
  // which comes first); its captures are initialised here in any case.
  bool TraverseLambdaExpr(LambdaExpr *E, DataRecursionQueue * /*Q*/ = nullptr) {
    for (Expr *Init : E->capture_inits())
      if (!TraverseStmt(Init))
        return false;
    auto It = Placed.find(E);
    if ((It != Placed.end() ? It->second : Where.lambda(*E, LambdaUse())) !=
        Runs::Here)
      return true;
    // Its body is not the coroutine's: no 'co_await' there.
    ++NoAwait;
    bool Result = TraverseStmt(runBody(*E));
    --NoAwait;
    return Result;
  }
  // A throw in a try block may be caught and go on.
  bool TraverseCXXTryStmt(CXXTryStmt *S, DataRecursionQueue * /*Q*/ = nullptr) {
    ++InTry;
    bool Result = TraverseStmt(S->getTryBlock());
    --InTry;
    for (unsigned I = 0; Result && I < S->getNumHandlers(); ++I)
      Result = TraverseStmt(S->getHandler(I));
    return Result;
  }
  bool TraverseCXXCatchStmt(CXXCatchStmt *S,
                            DataRecursionQueue * /*Q*/ = nullptr) {
    ++NoAwait;
    bool Result = TraverseStmt(S->getHandlerBlock());
    --NoAwait;
    return Result;
  }
  bool TraverseVarDecl(VarDecl *D) {
    const bool Static = D->isStaticLocal();
    NoAwait += Static;
    StaticInits += Static;
    bool Result = Base::TraverseVarDecl(D);
    NoAwait -= Static;
    StaticInits -= Static;
    if (Result)
      destroyedAtScopeEnd(*D);
    return Result;
  }
  // What ends an object's life before its scope does, or hands it on: its
  // destructor then does not run there.
  bool VisitReturnStmt(ReturnStmt *S) {
    handedOn(S->getRetValue());
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    handedOn(S->getOperand());
    if (!S->isImplicit())
      suspend(S->getKeywordLoc(), "co_return");
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
    const CXXMethodDecl *M = E->getMethodDecl();
    if (M && M->getIdentifier() &&
        llvm::is_contained(EndingMethods, M->getName()))
      handedOn(E->getImplicitObjectArgument());
    return true;
  }
  // A default argument or member initialiser runs where it is used, as if
  // written there; it is reported there (CallSite::UsedAt).
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E,
                                 DataRecursionQueue * /*Q*/ = nullptr) {
    auto It = DefaultUsers.find(E);
    return traverseDefault(E->getExpr(), E->getParam(),
                           It != DefaultUsers.end() ? callLocation(*It->second)
                                                    : E->getUsedLocation());
  }
  bool TraverseCXXDefaultInitExpr(CXXDefaultInitExpr *E,
                                  DataRecursionQueue * /*Q*/ = nullptr) {
    return traverseDefault(E->getExpr(), E->getField(), E->getUsedLocation());
  }
  // What runs is the semantic form: it adds the members the braces omit,
  // constructed or from their default initialisers.
  bool TraverseInitListExpr(InitListExpr *S,
                            DataRecursionQueue * /*Q*/ = nullptr) {
    InitListExpr *Semantic = S->isSemanticForm() ? S : S->getSemanticForm();
    return TraverseSynOrSemInitListExpr(Semantic ? Semantic : S);
  }
  // Code that runs elsewhere, later or never.
  bool TraverseBlockExpr(BlockExpr * /*E*/) { return true; }
  bool TraverseDecl(Decl *D) {
    if (!D ||
        llvm::isa<TagDecl, FunctionDecl, TemplateDecl, StaticAssertDecl>(D))
      return true;
    return Base::TraverseDecl(D);
  }
  // Expressions inside types are unevaluated (decltype) or constant.
  bool TraverseTypeLoc(TypeLoc /*TL*/, bool /*TraverseQualifier*/ = true) {
    return true;
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr * /*E*/,
                                        DataRecursionQueue * /*Q*/ = nullptr) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr * /*E*/,
                               DataRecursionQueue * /*Q*/ = nullptr) {
    return true;
  }
  bool TraverseRequiresExpr(RequiresExpr * /*E*/,
                            DataRecursionQueue * /*Q*/ = nullptr) {
    return true;
  }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr * /*E*/,
                                         DataRecursionQueue * /*Q*/ = nullptr) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E,
                             DataRecursionQueue *Q = nullptr) {
    return E->isPotentiallyEvaluated() ? Base::TraverseCXXTypeidExpr(E, Q)
                                       : true;
  }
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue *Q = nullptr) {
    if (S->isConstexpr() && !S->getCond()->isValueDependent()) {
      // Only the branch that is compiled runs.
      if (std::optional<Stmt *> Case = S->getNondiscardedCase(Ctx))
        return TraverseStmt(S->getInit()) && TraverseStmt(*Case);
    }
    if (S->isConsteval() || !S->getCond())
      return Base::TraverseIfStmt(S, Q);
    // What the condition says is ready holds in the branch it leads to, and
    // after the statement when the other branch always leaves the block.
    if (!TraverseStmt(S->getInit()) ||
        !TraverseStmt(S->getConditionVariableDeclStmt()) ||
        !TraverseStmt(S->getCond()))
      return false;
    const size_t Mark = Ready.size();
    // Conditions an argument may decide hold the same way.
    const size_t GuardMark = Guards.size();
    const bool Guarded = ArgumentGuards::worthKeeping(*S->getCond());
    if (Guarded)
      Guards.push_back({S->getCond(), true});
    Where.readyObjects(*S->getCond(), true, Ready);
    bool Result = TraverseStmt(S->getThen());
    Ready.resize(Mark);
    Guards.resize(GuardMark);
    if (Guarded)
      Guards.push_back({S->getCond(), false});
    Where.readyObjects(*S->getCond(), false, Ready);
    Result = Result && TraverseStmt(S->getElse());
    if (S->getElse() || !alwaysLeaves(S->getThen())) {
      Ready.resize(Mark);
      Guards.resize(GuardMark);
    }
    return Result;
  }
  // After 'while (!ready) { ... }' with no break, the condition is false.
  bool TraverseWhileStmt(WhileStmt *S, DataRecursionQueue *Q = nullptr) {
    return Base::TraverseWhileStmt(S, Q) && afterLoop(*S->getCond(), *S);
  }
  bool TraverseDoStmt(DoStmt *S, DataRecursionQueue *Q = nullptr) {
    return Base::TraverseDoStmt(S, Q) && afterLoop(*S->getCond(), *S);
  }

  // Statements in order: a statement may hop to a pool or back, for the
  // rest of the block.
  bool TraverseCompoundStmt(CompoundStmt *S,
                            DataRecursionQueue * /*Q*/ = nullptr) {
    ScopeEnds.push_back(S->getRBracLoc());
    const size_t ReadyOnEntry = Ready.size();
    const size_t GuardsOnEntry = Guards.size();
    const bool OnPoolOnEntry = OnPool;
    const Cold ColdOnEntry = ColdNow;
    llvm::SmallVector<Cold, 16> ColdAt = coldStatements(*S);
    unsigned I = 0;
    for (Stmt *Child : S->body()) {
      if (const Expr *Call = statementCall(Child))
        StatementCalls.insert(Call);
      if (const CXXBindTemporaryExpr *Temporary = statementTemporary(Child))
        StatementTemporaries.insert(Temporary);
      ColdNow = colder(ColdOnEntry, ColdAt[I++]);
      if (!TraverseStmt(Child))
        return false;
      if (const Expr *Awaited = awaitedCall(Child))
        if (std::optional<Runs> After = Where.afterAwait(*Awaited))
          OnPool = *After == Runs::Pool;
    }
    OnPool = OnPoolOnEntry;
    ColdNow = ColdOnEntry;
    Ready.resize(ReadyOnEntry);
    Guards.resize(GuardsOnEntry);
    ScopeEnds.pop_back();
    return true;
  }

  // Postfix operands: 'f().x', 'f()->x', 'f()[i]', 'f()()', 'f()++'.
  bool VisitMemberExpr(MemberExpr *E) {
    postfixOperand(E->getBase());
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *E) {
    postfixOperand(E->getBase());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->isPostfix())
      postfixOperand(E->getSubExpr());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    OverloadedOperatorKind K = E->getOperator();
    if ((K == OO_Call || K == OO_Subscript || K == OO_Arrow ||
         ((K == OO_PlusPlus || K == OO_MinusMinus) && E->getNumArgs() == 2)) &&
        E->getNumArgs() > 0)
      postfixOperand(E->getArg(0));
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    if (const LambdaExpr *L = calledLambda(*E)) {
      // The call itself adds nothing: the body is the lambda's.
      Placed[L] = Where.lambda(*L, {LambdaUse::CalledOnTheSpot});
      return true;
    }
    const FunctionDecl *Callee = E->getDirectCallee();
    if (!Callee)
      return true;
    // std::move(t), std::swap(t, u): the object lives on elsewhere.
    if (Callee->isInStdNamespace() && Callee->getIdentifier() &&
        llvm::is_contained(HandingOn, Callee->getName()))
      for (const Expr *Arg : E->arguments())
        handedOn(Arg);
    const CXXRecordDecl *Object = callerObjectClass(*E);
    const VarDecl *CalledObject = nullptr;
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E))
      if (Op->getOperator() == OO_Call)
        if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
                Op->getArg(0)->IgnoreParenImpCasts()))
          CalledObject = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    CallSite Site{E, Callee, Object, StatementCalls.contains(E), CalledObject};
    llvm::ArrayRef<const Expr *> Args = callArguments(*E);
    noteDefaultArguments(*E, Args);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (const auto *L = llvm::dyn_cast<LambdaExpr>(Args[I]->IgnoreImplicit()))
        Placed[L] = Where.lambda(*L, {LambdaUse::Argument, &Site, I});
    // 'co_await co_spawn(pool, [&]() -> awaitable<T> {...}, ...)': the
    // lambda's body runs on the pool.
    Where.poolCoroutines(Site, Out.PoolCoroutines);
    add(Site);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    noteDefaultArguments(*E, callArguments(*E));
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!Ctor)
      return true;
    // A scope guard or an awaiter keeps what it is given, to call it later
    // on this thread.
    for (const Expr *Arg : callArguments(*E))
      if (const LambdaExpr *L = passedLambda(Arg); L && !Placed.contains(L))
        Placed[L] = Where.lambda(
            *L, {LambdaUse::Stored, nullptr, 0, Ctor->getParent()});
    add({E, Ctor, nullptr, StatementCalls.contains(E), nullptr});
    return true;
  }
  // The same for an aggregate: 'Guard{[&] {...}}'.
  bool VisitInitListExpr(InitListExpr *E) {
    const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
    if (!RD)
      return true;
    for (const Expr *Init : E->inits())
      if (const LambdaExpr *L = passedLambda(Init); L && !Placed.contains(L))
        Placed[L] = Where.lambda(*L, {LambdaUse::Stored, nullptr, 0, RD});
    return true;
  }

  // A temporary a statement discards is destroyed at the statement's end.
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
    if (!StatementTemporaries.contains(E))
      return true;
    const CXXDestructorDecl *Dtor = E->getTemporary()->getDestructor();
    if (!Dtor || Dtor->isTrivial())
      return true;
    CallSite Site{E->getSubExpr(), Dtor, Dtor->getParent(), true, nullptr};
    Site.DestroysTemporary = true;
    add(Site);
    return true;
  }

  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (!E->isImplicit())
      suspend(E->getKeywordLoc(), "co_await");
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    suspend(E->getKeywordLoc(), "co_await");
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    suspend(E->getKeywordLoc(), "co_yield");
    return true;
  }

private:
  void add(CallSite Site) {
    if (DefaultOf) {
      Site.DefaultOf = DefaultOf;
      Site.UsedAt = UsedAt;
      Site.DefaultAt = NestedDefaults ? DefaultExpr->getBeginLoc()
                                      : callLocation(*Site.Call);
    }
    Site.OnPool = OnPool;
    Site.NeedsParens = PostfixOperands.contains(Site.Call);
    Site.CanAwait = NoAwait == 0;
    Site.Coldness = ColdNow;
    Site.RunsOnce = StaticInits > 0;
    if (const ValueDecl *Object = namedObject(callObject(*Site.Call)))
      Site.ObjectReady = llvm::is_contained(Ready, Object);
    Site.Guards.assign(Guards.begin(), Guards.end());
    Out.Calls.push_back(Site);
  }
  /// A local object whose destructor is not trivial: its destruction at
  /// the end of the scope is a call, made unless the object is handed on.
  void destroyedAtScopeEnd(const VarDecl &D) {
    if (!D.hasLocalStorage() || llvm::isa<ParmVarDecl>(D) || !D.getInit() ||
        ScopeEnds.empty())
      return;
    const CXXRecordDecl *RD = D.getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
      return;
    const CXXDestructorDecl *Dtor = RD->getDestructor();
    if (!Dtor)
      return;
    // The call that made the object, for the catalog's conditions on it.
    CallSite Site{D.getInit()->IgnoreImplicit(), Dtor, RD, false, nullptr};
    Site.Destroyed = &D;
    Site.DestroyedAt = ScopeEnds.back();
    Locals.insert(&D);
    add(Site);
  }
  // Visited before its arguments are traversed: a default argument is
  // reported at the call that omits it.
  void noteDefaultArguments(const Expr &Call,
                            llvm::ArrayRef<const Expr *> Args) {
    for (const Expr *Arg : Args)
      if (llvm::isa<CXXDefaultArgExpr>(Arg))
        DefaultUsers[Arg] = &Call;
  }
  bool traverseDefault(Expr *Default, const ValueDecl *Of, SourceLocation At) {
    if (!Default)
      return true;
    // In a default inside a default, the outermost use is where it runs.
    if (DefaultOf) {
      ++NestedDefaults;
      bool Result = TraverseStmt(Default);
      --NestedDefaults;
      return Result;
    }
    DefaultOf = Of;
    DefaultExpr = Default;
    UsedAt = At;
    ++NoAwait;
    bool Result = TraverseStmt(Default);
    --NoAwait;
    DefaultOf = nullptr;
    UsedAt = SourceLocation();
    return Result;
  }
  void handedOn(const Expr *E) {
    // 'return t;' moves t into the result.
    while (E) {
      E = E->IgnoreParenImpCasts();
      const auto *Copy = llvm::dyn_cast<CXXConstructExpr>(E);
      if (!Copy || !Copy->getConstructor()->isCopyOrMoveConstructor())
        break;
      E = Copy->getArg(0);
    }
    if (!E)
      return;
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
    const auto *D = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (D && Locals.contains(D))
      HandedOn.insert(D);
  }

public:
  /// Drops the destructions of objects handed on.
  void finish() {
    if (HandedOn.empty())
      return;
    llvm::erase_if(Out.Calls, [&](const CallSite &S) {
      return S.Destroyed && HandedOn.contains(S.Destroyed);
    });
  }

private:
  static constexpr llvm::StringLiteral HandingOn[] = {"move", "forward", "swap",
                                                      "exchange"};
  // A future's get() or wait() leaves nothing for its destructor to wait
  // for.
  static constexpr llvm::StringLiteral EndingMethods[] = {
      "detach", "get", "join", "release", "swap", "wait"};

  /// For each statement of S: how every path from it ends, when it reaches a
  /// statement of S that throws or does not return with nothing in between
  /// that could leave S another way.
  llvm::SmallVector<Cold, 16> coldStatements(const CompoundStmt &S) const {
    llvm::SmallVector<Cold, 16> ColdAt(S.size(), Cold::No);
    Cold Ahead = Cold::No;
    for (unsigned I = S.size(); I-- > 0;) {
      const Stmt *Child = S.body_begin()[I];
      if (Cold K = endsAbnormally(Child, InTry > 0); K != Cold::No)
        Ahead = K;
      else if (Ahead != Cold::No && mayJumpOut(Child))
        Ahead = Cold::No;
      ColdAt[I] = Ahead;
    }
    return ColdAt;
  }
  /// Whether S leaves the enclosing block on every path: return, co_return,
  /// throw, break, continue, goto, or a block that ends in one.
  static bool alwaysLeaves(const Stmt *S) {
    if (const auto *Block = llvm::dyn_cast_if_present<CompoundStmt>(S))
      return !Block->body_empty() && alwaysLeaves(Block->body_back());
    if (const auto *E = llvm::dyn_cast_if_present<Expr>(S))
      S = E->IgnoreParenImpCasts();
    return llvm::isa_and_present<ReturnStmt, CoreturnStmt, CXXThrowExpr,
                                 BreakStmt, ContinueStmt, GotoStmt>(S);
  }
  /// After a loop that cannot break out, its condition is false.
  template <class Loop> bool afterLoop(const Expr &Cond, const Loop &L) {
    if (!hasBreak(L.getBody()))
      Where.readyObjects(Cond, false, Ready);
    return true;
  }
  /// Whether a loop body may break out of the loop.
  static bool hasBreak(const Stmt *S) {
    if (!S || llvm::isa<BreakStmt>(S))
      return S != nullptr;
    // A break there leaves the inner statement, not this loop.
    if (llvm::isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S))
      return false;
    return llvm::any_of(S->children(),
                        [](const Stmt *C) { return hasBreak(C); });
  }
  // Only calls can be rewritten, so only they are remembered.
  void postfixOperand(const Expr *E) {
    if (!E)
      return;
    E = E->IgnoreImplicit();
    if (llvm::isa<CallExpr, CXXConstructExpr>(E))
      PostfixOperands.insert(E);
  }
  void suspend(SourceLocation Loc, llvm::StringRef Keyword) {
    if (Out.FirstSuspend.isInvalid()) {
      Out.FirstSuspend = Loc;
      Out.SuspendKeyword = Keyword;
    }
  }

  ASTContext &Ctx;
  BodySummary &Out;
  const WhereCodeRuns &Where;
  bool OnPool = false;
  Cold ColdNow = Cold::No;
  unsigned InTry = 0;
  unsigned NoAwait = 0;
  unsigned StaticInits = 0;
  llvm::SmallVector<SourceLocation, 8> ScopeEnds;
  llvm::SmallPtrSet<const VarDecl *, 8> Locals;
  llvm::SmallPtrSet<const VarDecl *, 4> HandedOn;
  llvm::SmallPtrSet<const Expr *, 16> StatementCalls;
  llvm::SmallPtrSet<const CXXBindTemporaryExpr *, 4> StatementTemporaries;
  llvm::SmallPtrSet<const Expr *, 8> PostfixOperands;
  llvm::DenseMap<const LambdaExpr *, Runs> Placed;
  llvm::DenseMap<const Expr *, const Expr *> DefaultUsers;
  /// Objects checked to be ready where the walk is.
  llvm::SmallVector<const ValueDecl *, 4> Ready;
  /// The enclosing conditions on parameters or locals, with their branch.
  llvm::SmallVector<Guard, 4> Guards;
  const ValueDecl *DefaultOf = nullptr;
  const Expr *DefaultExpr = nullptr;
  unsigned NestedDefaults = 0;
  SourceLocation UsedAt;
};

} // namespace

void collectCoroutineLambdas(const Stmt *S,
                             std::vector<const FunctionDecl *> &Out) {
  if (!S)
    return;
  if (const auto *L = llvm::dyn_cast<LambdaExpr>(S)) {
    if (isCoroutineLambda(*L) || isStackfulLambda(*L))
      Out.push_back(L->getCallOperator());
    return;
  }
  for (const Stmt *Child : S->children())
    collectCoroutineLambdas(Child, Out);
}

/// Looks for an explicit co_await (found: stop) and a co_yield in S, not in
/// the lambdas written there, which are functions of their own.
static void findSuspends(const Stmt *S, bool &Awaits, bool &Yields) {
  if (!S || Awaits || llvm::isa<LambdaExpr>(S))
    return;
  const auto *A = llvm::dyn_cast<CoawaitExpr>(S);
  if ((A && !A->isImplicit()) || llvm::isa<DependentCoawaitExpr>(S))
    Awaits = true;
  else if (llvm::isa<CoyieldExpr>(S))
    Yields = true;
  for (const Stmt *Child : S->children())
    findSuspends(Child, Awaits, Yields);
}

bool yieldsWithoutAwaiting(const FunctionDecl &Function) {
  const auto *Body =
      llvm::dyn_cast_or_null<CoroutineBodyStmt>(Function.getBody());
  if (!Body)
    return false;
  bool Awaits = false;
  bool Yields = false;
  findSuspends(Body->getBody(), Awaits, Yields);
  return Yields && !Awaits;
}

llvm::ArrayRef<const Expr *> callArguments(const Expr &Call) {
  if (const auto *C = llvm::dyn_cast<CallExpr>(&Call)) {
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    // A member operator call passes the object first.
    if (callObject(Call) && llvm::isa<CXXOperatorCallExpr>(C))
      Args = Args.drop_front();
    return Args;
  }
  const auto *Ctor = llvm::cast<CXXConstructExpr>(&Call);
  return {Ctor->getArgs(), Ctor->getNumArgs()};
}

const Expr *callObject(const Expr &Call) {
  if (const auto *M = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    return M->getImplicitObjectArgument();
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call))
    if (llvm::isa_and_present<CXXMethodDecl>(Op->getDirectCallee()) &&
        Op->getNumArgs() > 0)
      return Op->getArg(0);
  return nullptr;
}

SourceLocation callLocation(const Expr &Call) {
  if (llvm::isa<CXXMemberCallExpr, CXXOperatorCallExpr, CXXConstructExpr>(Call))
    return Call.getExprLoc();
  return Call.getBeginLoc();
}

const CXXRecordDecl *callerObjectClass(const Expr &Call) {
  const Expr *Obj = llvm::isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call)
                        ? callObject(Call)
                        : nullptr;
  if (!Obj)
    return nullptr;
  QualType T = Obj->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

BodySummary walkFunction(const FunctionDecl &Function, ASTContext &Ctx,
                         const WhereCodeRuns &Where) {
  BodySummary Out;
  Walker W(Ctx, Out, Where);
  // Bases and members are initialised before the body runs, written or
  // from their default initialisers.
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      W.TraverseStmt(Init->getInit());
  const Stmt *Root = Function.getBody();
  // Only the user's body: not the promise, nor the implicit suspend points.
  if (const auto *Coro = llvm::dyn_cast<CoroutineBodyStmt>(Root))
    Root = Coro->getBody();
  W.TraverseStmt(const_cast<Stmt *>(Root));
  W.finish();
  return Out;
}

} // namespace clang::tidy::async

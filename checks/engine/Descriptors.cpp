//===--- Descriptors.cpp - async-tidy -------------------------------------===//

#include "Descriptors.h"
#include "ApiMatcher.h"
#include "CoroutineWalker.h"
#include "WhereCodeRuns.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async {

namespace {

/// The descriptor an expression names: 'fd', 'fds[1]', 'this->fd_', or
/// through an accessor that takes nothing and returns an integer
/// ('sock.native_handle()'), what the accessor is called on.
const ValueDecl *named(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Sub = llvm::dyn_cast<ArraySubscriptExpr>(E))
    return named(Sub->getBase());
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E))
    return Call->getNumArgs() == 0 &&
                   Call->getType()->isIntegralOrEnumerationType()
               ? named(Call->getImplicitObjectArgument())
               : nullptr;
  return namedObject(E);
}

/// The descriptor a call's argument or object is, as an entry's
/// 'descriptor' says.
const ValueDecl *operand(const Expr &Call, int Which) {
  if (Which == ApiEntry::DescriptorObject)
    return named(callObject(Call));
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  return Which >= 0 && static_cast<size_t>(Which) < Args.size()
             ? named(Args[Which])
             : nullptr;
}

/// A call whose value is the whole expression, through the temporaries and
/// conversions around it.
const CallExpr *asCall(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      E = Construct->getArg(0)->IgnoreImplicit()->IgnoreParens();
  return llvm::dyn_cast<CallExpr>(E);
}

/// The calls of a body, and the descriptor each call's value is stored in.
class Scan : public RecursiveASTVisitor<Scan> {
public:
  bool VisitCallExpr(CallExpr *C) {
    Calls.push_back(C);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (const CallExpr *C = asCall(V->getInit()))
      StoredIn[C] = V;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      if (const CallExpr *C = asCall(B->getRHS()))
        if (const ValueDecl *D = named(B->getLHS()))
          StoredIn[C] = D;
    return true;
  }
  std::vector<const CallExpr *> Calls;
  llvm::DenseMap<const CallExpr *, const ValueDecl *> StoredIn;
};

} // namespace

Descriptors::~Descriptors() = default;

const ValueDecl *Descriptors::of(const CallSite &Site, const ApiEntry &Api) {
  return Api.Descriptor ? operand(*Site.Call, *Api.Descriptor) : nullptr;
}

const ValueDecl *Descriptors::atCaller(const ValueDecl *D,
                                       const CallSite &Site) {
  if (!D)
    return nullptr;
  if (const auto *P = llvm::dyn_cast<ParmVarDecl>(D)) {
    llvm::ArrayRef<const Expr *> Args = callArguments(*Site.Call);
    const unsigned I = P->getFunctionScopeIndex();
    return I < Args.size() ? named(Args[I]) : nullptr;
  }
  // A member of the callee's object is the caller's own when the call is
  // on 'this'.
  if (llvm::isa<FieldDecl>(D)) {
    const Expr *Object = callObject(*Site.Call);
    return Object && llvm::isa<CXXThisExpr>(Object->IgnoreParenImpCasts())
               ? D
               : nullptr;
  }
  return nullptr;
}

const ApiEntry *Descriptors::entry(const Expr &Call, HopTarget Kind) const {
  const auto *C = llvm::dyn_cast<CallExpr>(&Call);
  const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
  if (!Callee)
    return nullptr;
  for (const ApiEntry *E : Catalog::builtin().hopCandidates(lastName(*Callee)))
    if (E->Hop == Kind && Matcher.matches(*E, *Callee, callerObjectClass(*C)) &&
        Matcher.conditionsHold(*E, *C))
      return E;
  return nullptr;
}

const Descriptors::Facts &Descriptors::facts(const FunctionDecl &F) {
  std::unique_ptr<Facts> &Slot = ByFunction[&F];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Facts>();
  Facts &R = *Slot; // Stable, unlike Slot: the calls below insert.
  R.InProgress = true;
  Scan S;
  S.TraverseStmt(F.getBody());
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&F))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (const CallExpr *C = asCall(Init->getInit()))
        if (FieldDecl *Member = Init->getMember())
          S.StoredIn[C] = Member;
      S.TraverseStmt(Init->getInit());
    }
  auto Stored = [&](const CallExpr *C) { return S.StoredIn.lookup(C); };
  for (const CallExpr *C : S.Calls) {
    CallSite Site{C, C->getDirectCallee(), nullptr, false};
    if (!Site.Callee)
      continue;
    if (const ApiEntry *E = entry(*C, HopTarget::NonBlocking)) {
      const ValueDecl *D =
          E->Descriptor.value_or(ApiEntry::DescriptorObject) ==
                  ApiEntry::DescriptorResult
              ? Stored(C)
              : operand(*C, E->Descriptor.value_or(ApiEntry::DescriptorObject));
      if (D)
        R.NonBlocking.insert(D);
      continue;
    }
    if (const ApiEntry *E = entry(*C, HopTarget::AwaitsReady)) {
      if (const ValueDecl *D =
              operand(*C, E->Descriptor.value_or(ApiEntry::DescriptorObject)))
        R.AwaitedReady.insert(D);
      continue;
    }
    if (entry(*C, HopTarget::OpensFile)) {
      if (const ValueDecl *D = Stored(C))
        R.Files.insert(D);
      continue;
    }
    // The project's own helpers: 'set_nonblocking(fd)', or a member
    // 'poll(op)' that returns its scheduler's readiness awaitable.
    const FunctionDecl *Def = Site.Callee->getDefinition();
    if (!Def || !Def->hasBody() || Def == &F ||
        Def->getASTContext().getSourceManager().isInSystemHeader(
            Def->getLocation()))
      continue;
    const Facts &Callee = facts(*Def);
    if (Callee.InProgress)
      continue;
    for (const ValueDecl *D : Callee.NonBlocking)
      if (const ValueDecl *Here = atCaller(D, Site))
        R.NonBlocking.insert(Here);
    for (const ValueDecl *D : Callee.Readiness)
      if (const ValueDecl *Here = atCaller(D, Site))
        R.AwaitedReady.insert(Here);
  }
  // 'return sched.poll(fd, op);': awaiting this function's value awaits
  // the descriptor's readiness; so does awaiting a coroutine that awaits it.
  if (llvm::isa_and_present<CoroutineBodyStmt>(F.getBody())) {
    for (const ValueDecl *D : R.AwaitedReady)
      if (llvm::isa<ParmVarDecl, FieldDecl>(D))
        R.Readiness.push_back(D);
  } else if (const auto *Body =
                 llvm::dyn_cast_or_null<CompoundStmt>(F.getBody());
             Body && Body->size() == 1) {
    const auto *Ret = llvm::dyn_cast<ReturnStmt>(Body->body_front());
    if (const CallExpr *C = asCall(Ret ? Ret->getRetValue() : nullptr)) {
      CallSite Site{C, C->getDirectCallee(), nullptr, false};
      llvm::SmallVector<const ValueDecl *, 1> There;
      if (const ApiEntry *E = entry(*C, HopTarget::AwaitsReady))
        There.push_back(
            operand(*C, E->Descriptor.value_or(ApiEntry::DescriptorObject)));
      else if (const FunctionDecl *Def =
                   Site.Callee ? Site.Callee->getDefinition() : nullptr;
               Def && Def != &F)
        if (const Facts &Callee = facts(*Def); !Callee.InProgress)
          for (const ValueDecl *D : Callee.Readiness)
            There.push_back(atCaller(D, Site));
      for (const ValueDecl *D : There)
        if (llvm::isa_and_present<ParmVarDecl, FieldDecl>(D))
          R.Readiness.push_back(D);
    }
  }
  R.InProgress = false;
  return R;
}

bool Descriptors::memberNonBlocking(const FieldDecl &Member) {
  auto [It, Inserted] = Members.try_emplace(&Member, false);
  if (!Inserted)
    return It->second;
  const auto *RD = llvm::dyn_cast<CXXRecordDecl>(Member.getParent());
  if (!RD)
    return false;
  bool NonBlocking = false;
  for (const CXXMethodDecl *M : RD->methods()) {
    const FunctionDecl *Def = M->getDefinition();
    if (!Def || !Def->hasBody())
      continue;
    const Facts &F = facts(*Def);
    // A member that holds a file in any of them is a file.
    if (F.Files.contains(&Member))
      return Members[&Member] = false;
    NonBlocking |= F.NonBlocking.contains(&Member);
  }
  return Members[&Member] = NonBlocking;
}

bool Descriptors::nonBlocking(const FunctionDecl &F, const ValueDecl *D) {
  if (!D)
    return false;
  const Facts &Here = facts(F);
  if (Here.Files.contains(D))
    return false;
  if (Here.NonBlocking.contains(D) || Here.AwaitedReady.contains(D))
    return true;
  const auto *Member = llvm::dyn_cast<FieldDecl>(D);
  return Member && memberNonBlocking(*Member);
}

void Descriptors::readyInHandler(const FunctionDecl &Handler,
                                 const Expr &Operation) {
  const ApiEntry *E = entry(Operation, HopTarget::AwaitsReady);
  const ValueDecl *D =
      E ? operand(Operation, E->Descriptor.value_or(ApiEntry::DescriptorObject))
        : nullptr;
  if (!D)
    return;
  facts(Handler);
  ByFunction[&Handler]->AwaitedReady.insert(D);
}

} // namespace clang::tidy::async

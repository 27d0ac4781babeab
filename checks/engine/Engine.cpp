//===--- Engine.cpp - async-tidy ------------------------------------------===//

#include "Engine.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <mutex>

namespace clang::tidy::async {

namespace {

/// The name a catalog entry ends in: the class name for constructors.
llvm::StringRef lastName(const FunctionDecl &FD) {
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&FD))
    return Ctor->getParent()->getName();
  if (const IdentifierInfo *II = FD.getIdentifier())
    return II->getName();
  return {};
}

/// Compares the declaration's enclosing scopes with the entry's qualifiers,
/// skipping inline namespaces and linkage specifications; template
/// specializations count under their template's name.
bool qualifiersMatch(const FunctionDecl &FD, const ApiEntry &Api) {
  const DeclContext *DC = FD.getDeclContext();
  for (size_t I = Api.Parts.size() - 1; I-- > 0;) {
    while (DC && (DC->isInlineNamespace() ||
                  llvm::isa<LinkageSpecDecl, ExportDecl>(DC)))
      DC = DC->getParent();
    const auto *ND = llvm::dyn_cast_if_present<NamedDecl>(DC);
    if (!ND || !llvm::isa<NamespaceDecl, RecordDecl>(ND) ||
        !ND->getIdentifier() || ND->getName() != Api.Parts[I])
      return false;
    DC = DC->getParent();
  }
  while (DC && (DC->isInlineNamespace() ||
                llvm::isa<LinkageSpecDecl, ExportDecl>(DC)))
    DC = DC->getParent();
  return DC && DC->isTranslationUnit();
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

llvm::ArrayRef<const Expr *> callArgs(const Expr &Call) {
  if (const auto *C = llvm::dyn_cast<CallExpr>(&Call)) {
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    // A member operator call passes the object first.
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(C))
      if (llvm::isa_and_present<CXXMethodDecl>(Op->getDirectCallee()) &&
          !Args.empty())
        Args = Args.drop_front();
    return Args;
  }
  const auto *Ctor = llvm::cast<CXXConstructExpr>(&Call);
  return {Ctor->getArgs(), Ctor->getNumArgs()};
}

} // namespace

Engine::Engine(ASTContext &Ctx) : Ctx(Ctx), Builtin(Catalog::builtin()) {}

const ApiEntry *Engine::classify(const FunctionDecl &Callee) {
  auto [It, Inserted] = Classified.try_emplace(&Callee, nullptr);
  if (!Inserted)
    return It->second;
  llvm::StringRef Name = lastName(Callee);
  if (Name.empty())
    return nullptr;
  // Copy and move constructors only transfer what was already opened.
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&Callee))
    if (Ctor->isCopyOrMoveConstructor())
      return nullptr;
  for (const ApiEntry *Api : Builtin.candidates(Name)) {
    if (Api->isCFunction() ? !Callee.isExternC() : false)
      continue;
    if (qualifiersMatch(Callee, *Api)) {
      // Looked up again: the map may have grown meanwhile.
      Classified[&Callee] = Api;
      return Api;
    }
  }
  return nullptr;
}

bool Engine::exempt(const ApiEntry &Api, const Expr &Call) const {
  llvm::ArrayRef<const Expr *> Args = callArgs(Call);
  for (const ArgCondition &C : Api.Unless) {
    if (C.K == ArgCondition::Kind::ArgCount) {
      if (writtenArgCount(Args) == C.Value)
        return true;
      continue;
    }
    if (C.Arg >= Args.size())
      continue;
    std::optional<llvm::APSInt> V = constantValue(*Args[C.Arg], Ctx);
    if (!V)
      continue;
    int64_t Value = V->getExtValue();
    if (C.K == ArgCondition::Kind::Equals && Value == C.Value)
      return true;
    if (C.K == ArgCondition::Kind::HasBits && (Value & C.Value) == C.Value)
      return true;
  }
  return false;
}

const CoroutineReport &Engine::analyse(const FunctionDecl &Coroutine) {
  std::unique_ptr<CoroutineReport> &Slot = Reports[&Coroutine];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<CoroutineReport>();
  CoroutineReport &R = *Slot;
  R.Coroutine = &Coroutine;
  R.Fw = recogniseFramework(Coroutine);
  if (const Stmt *Body = Coroutine.getBody()) {
    BodySummary S = walkBody(*Body, Ctx);
    R.FirstSuspend = S.FirstSuspend;
    R.SuspendKeyword = S.SuspendKeyword;
    for (const CallSite &Site : S.Calls)
      if (const ApiEntry *Api = classify(*Site.Callee))
        if (!exempt(*Api, *Site.Call))
          R.Findings.push_back({Site, Api});
  }
  return R;
}

bool Engine::claim(Category Cat, SourceLocation Loc) {
  return Claimed.insert({static_cast<unsigned>(Cat), Loc.getRawEncoding()})
      .second;
}

std::shared_ptr<Engine> acquireEngine(ASTContext &Ctx) {
  // clangd builds several translation units at once, one per thread.
  static std::mutex Lock;
  static llvm::DenseMap<const ASTContext *, std::weak_ptr<Engine>> Live;
  std::scoped_lock Guard(Lock);
  std::weak_ptr<Engine> &Slot = Live[&Ctx];
  if (std::shared_ptr<Engine> E = Slot.lock())
    return E;
  for (auto It = Live.begin(); It != Live.end();)
    if (It->second.expired() && It->first != &Ctx)
      Live.erase(It++);
    else
      ++It;
  auto E = std::make_shared<Engine>(Ctx);
  Live[&Ctx] = E;
  return E;
}

} // namespace clang::tidy::async

//===--- ColdPaths.cpp - async-tidy ---------------------------------------===//

#include "ColdPaths.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace clang::tidy::async {

namespace {

/// An expression statement that throws or calls a [[noreturn]] function.
Cold endingExpression(const Expr &E, bool InTry) {
  const Expr *Inner = E.IgnoreParenImpCasts();
  // '(void)fatal(...)'.
  if (const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(Inner))
    if (Cast->getType()->isVoidType())
      Inner = Cast->getSubExpr()->IgnoreParenImpCasts();
  if (llvm::isa<CXXThrowExpr>(Inner))
    return InTry ? Cold::No : Cold::Throws;
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Inner))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->isNoReturn())
        return Cold::Exits;
  return Cold::No;
}

bool jumpsOut(const Stmt *S, bool InLoop, bool InBreakable) {
  if (!S)
    return false;
  switch (S->getStmtClass()) {
  case Stmt::ReturnStmtClass:
  case Stmt::CoreturnStmtClass:
  case Stmt::GotoStmtClass:
  case Stmt::IndirectGotoStmtClass:
    return true;
  case Stmt::BreakStmtClass:
    return !InBreakable;
  case Stmt::ContinueStmtClass:
    return !InLoop;
  case Stmt::LambdaExprClass: {
    // Its body returns from the lambda; its captures are evaluated here.
    const auto *L = llvm::cast<LambdaExpr>(S);
    return llvm::any_of(L->capture_inits(), [&](const Expr *Init) {
      return jumpsOut(Init, InLoop, InBreakable);
    });
  }
  case Stmt::BlockExprClass:
    return false;
  case Stmt::WhileStmtClass:
  case Stmt::DoStmtClass:
  case Stmt::ForStmtClass:
  case Stmt::CXXForRangeStmtClass:
    InLoop = InBreakable = true;
    break;
  case Stmt::SwitchStmtClass:
    InBreakable = true;
    break;
  default:
    break;
  }
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return jumpsOut(Child, InLoop, InBreakable);
  });
}

} // namespace

bool mayJumpOut(const Stmt *S) { return jumpsOut(S, false, false); }

Cold endsAbnormally(const Stmt *S, bool InTry) {
  if (!S)
    return Cold::No;
  if (const auto *E = llvm::dyn_cast<Expr>(S))
    return endingExpression(*E, InTry);
  if (const auto *A = llvm::dyn_cast<AttributedStmt>(S))
    return endsAbnormally(A->getSubStmt(), InTry);
  if (const auto *L = llvm::dyn_cast<LabelStmt>(S))
    return endsAbnormally(L->getSubStmt(), InTry);
  if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
    if (!If->getElse())
      return Cold::No;
    // The milder of the two: a throw may be caught by a caller and go on.
    Cold Then = endsAbnormally(If->getThen(), InTry);
    if (Then == Cold::No)
      return Cold::No;
    return std::min(Then, endsAbnormally(If->getElse(), InTry));
  }
  const auto *Block = llvm::dyn_cast<CompoundStmt>(S);
  if (!Block)
    return Cold::No;
  // The first statement that ends it, if nothing before it leaves another
  // way (nor it: an 'if' with a return in one branch does not end). The
  // jumps are looked for only once an end is found: most blocks have none.
  llvm::ArrayRef<Stmt *> Body(Block->body_begin(), Block->body_end());
  for (size_t I = 0; I < Body.size(); ++I) {
    Cold K = endsAbnormally(Body[I], InTry);
    if (K == Cold::No)
      continue;
    for (size_t J = 0; J < I; ++J)
      if (mayJumpOut(Body[J]))
        return Cold::No;
    return K;
  }
  return Cold::No;
}

} // namespace clang::tidy::async

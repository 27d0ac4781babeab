//===--- CoroutineWalker.h - async-tidy -------------------------*- C++ -*-===//
//
// Walks a function body top-down and collects the calls that run on the
// function's own thread. It stops at what runs elsewhere or never runs:
// lambdas that are not called on the spot, local classes, unevaluated
// operands, discarded 'if constexpr' branches. It follows executor hops:
// after 'co_await pool.schedule()' the rest of the block runs on a pool.
// No parent map is needed.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_COROUTINEWALKER_H
#define ASYNC_TIDY_ENGINE_COROUTINEWALKER_H

#include "Catalog.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class LambdaExpr;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::async {

struct CallSite {
  /// A CallExpr (including member and operator calls) or a CXXConstructExpr.
  const Expr *Call;
  const FunctionDecl *Callee;
  /// For member calls: the class of the object, which may derive from the
  /// class declaring the callee.
  const CXXRecordDecl *ObjectClass;
  /// The call is a whole expression statement, so its value is unused.
  bool IsStatement;
  /// For 'f(x)' where f is a named function object, such as the
  /// customization points folly::coro::blockingWait and stdexec::sync_wait.
  const VarDecl *CalledObject = nullptr;
  /// The call follows a hop onto a thread pool in its block.
  bool OffLoop = false;
  /// The call is the operand of a postfix expression ('f().x', 'f()[i]'):
  /// a rewrite into 'co_await ...' must be parenthesised.
  bool NeedsParens = false;
  /// 'co_await' may replace the call: not in a handler, a lambda called on
  /// the spot or the initialiser of a static local.
  bool CanAwait = true;
};

/// The arguments of a call or construction as written: a member operator's
/// object is not one of them.
llvm::ArrayRef<const Expr *> callArguments(const Expr &Call);
/// The object of a member call, including member operators.
const Expr *callObject(const Expr &Call);
/// Whether a lambda's body is a coroutine.
bool isCoroutineLambda(const LambdaExpr &L);
/// For a member call: the class of the object the caller sees, before the
/// implicit cast to the base that declares the method.
const CXXRecordDecl *callerObjectClass(const Expr &Call);

struct BodySummary {
  std::vector<CallSite> Calls;
  /// The first explicit co_await, co_yield or co_return, if any.
  SourceLocation FirstSuspend;
  llvm::StringRef SuspendKeyword;
};

/// Collects the calls in Body, in source order. IsHop classifies the calls
/// awaited as whole statements ('co_await pool.schedule();').
BodySummary
walkBody(const Stmt &Body, ASTContext &Ctx,
         llvm::function_ref<HopTarget(const Expr &AwaitedCall)> IsHop);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_COROUTINEWALKER_H

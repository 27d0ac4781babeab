//===--- CoroutineWalker.h - async-tidy -------------------------*- C++ -*-===//
//
// Walks a function body top-down and collects the calls that run on the
// function's own thread, asking WhereCodeRuns wherever code may run
// elsewhere: lambdas, executor hops, offloads. It never enters what is not
// evaluated: local classes, unevaluated operands, discarded
// 'if constexpr' branches. No parent map is needed.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_COROUTINEWALKER_H
#define ASYNC_TIDY_ENGINE_COROUTINEWALKER_H

#include "ArgumentGuards.h"
#include "ColdPaths.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::async {

class WhereCodeRuns;

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
  bool OnPool = false;
  /// The call is the operand of a postfix expression ('f().x', 'f()[i]'):
  /// a rewrite into 'co_await ...' must be parenthesised.
  bool NeedsParens = false;
  /// 'co_await' may replace the call: not in a handler, a lambda called on
  /// the spot or the initialiser of a static local.
  bool CanAwait = true;
  /// The call runs only on the way out by a throw or a [[noreturn]] call
  /// (ColdPaths.h).
  Cold Coldness = Cold::No;
  /// The call is in the initialiser of a static or thread_local local: it
  /// runs once per process or thread.
  bool RunsOnce = false;
  /// The object of the member call was checked to be ready on every path
  /// here (WhereCodeRuns::readyObjects): waiting on it returns at once.
  bool ObjectReady = false;
  /// For the destruction of a local object at the end of its scope: the
  /// object (Call is its initialiser, Callee its destructor) and where its
  /// scope ends.
  const VarDecl *Destroyed = nullptr;
  SourceLocation DestroyedAt = SourceLocation();
  /// For the destruction of a temporary whose value a statement discards
  /// ('std::jthread(work);'): Call made it, Callee is its destructor.
  bool DestroysTemporary = false;
  /// For a call in a default argument or a default member initialiser: the
  /// parameter or field it is the default of, and where the body uses it
  /// (the call that omits the argument, the initialisation that omits the
  /// member), which is where the call runs.
  const ValueDecl *DefaultOf = nullptr;
  SourceLocation UsedAt = SourceLocation();
  /// Where the default is shown: the call in it, or for a default that uses
  /// another default, the outer default.
  SourceLocation DefaultAt = SourceLocation();
  /// The enclosing conditions that may be decided by the function's
  /// arguments (ArgumentGuards.h), outermost first.
  // Initialised for -Wmissing-field-initializers on the aggregate inits.
  // NOLINTNEXTLINE(readability-redundant-member-init)
  llvm::SmallVector<Guard, 0> Guards = {};
};

/// The arguments of a call or construction as written: a member operator's
/// object is not one of them.
llvm::ArrayRef<const Expr *> callArguments(const Expr &Call);
/// The object of a member call, including member operators.
const Expr *callObject(const Expr &Call);
/// Where a call is shown: at the member in 'sock.read_some(...)', at the
/// operator in 'std::cin >> n', at the start otherwise.
SourceLocation callLocation(const Expr &Call);
/// For a member call: the class of the object the caller sees, before the
/// implicit cast to the base that declares the method.
const CXXRecordDecl *callerObjectClass(const Expr &Call);

struct BodySummary {
  std::vector<CallSite> Calls;
  /// Coroutine lambdas written in the body that run on a thread pool.
  std::vector<const FunctionDecl *> PoolCoroutines;
  /// The first explicit co_await, co_yield or co_return, if any.
  SourceLocation FirstSuspend;
  llvm::StringRef SuspendKeyword;
};

/// Appends the coroutine lambdas, stackful ones included, written in S, not
/// counting those inside lambdas.
void collectCoroutineLambdas(const Stmt *S,
                             std::vector<const FunctionDecl *> &Out);

/// Whether a coroutine's body has an explicit co_yield and no co_await (as
/// BodySummary says, without walking it all): a pull generator's shape.
bool yieldsWithoutAwaiting(const FunctionDecl &Function);

/// Collects the calls in a function's body, in source order; for a
/// constructor, its member and base initialisers first.
BodySummary walkFunction(const FunctionDecl &Function, ASTContext &Ctx,
                         const WhereCodeRuns &Where);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_COROUTINEWALKER_H

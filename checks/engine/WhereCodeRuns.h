//===--- WhereCodeRuns.h - async-tidy ---------------------------*- C++ -*-===//
//
// Where code runs, relative to the function it is written in: here, on the
// thread that runs that function; on a thread pool, where blocking is what
// the user intended; or elsewhere (later, on another thread, or never).
// Every such decision of the analysis is one rule of this component, asked
// by the walker as it goes down a body:
//
//   loop functions    which functions run on an event loop and are analysed
//                     on their own (coroutines, stackful coroutines)
//   hops              after 'co_await pool.schedule();' the rest of the
//                     block runs on a pool (catalog 'hops:', HopAwaitables)
//   offloads          co_spawn(pool, coroutine) runs it on a pool (catalog
//                     'offloads:', OffloadFunctions)
//   callables         a lambda called on the spot runs here; one given to a
//                     call runs where that call runs it: here for the
//                     catalog's 'inline:' (std::for_each, std::visit),
//                     elsewhere otherwise; one only stored runs later
//   handlers          a lambda given as the completion handler of an
//                     asynchronous operation, or posted to an executor
//                     (catalog 'handlers:'), runs on that executor: a loop
//                     function of its own when the executor is an event
//                     loop (catalog 'executors:', LoopExecutors)
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_WHERECODERUNS_H
#define ASYNC_TIDY_ENGINE_WHERECODERUNS_H

#include "Catalog.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseSet.h"
#include <cstdint>
#include <optional>

namespace clang {
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class LambdaExpr;
class ValueDecl;
} // namespace clang

namespace clang::tidy::async {

class ApiMatcher;
struct AnalysisOptions;
struct CallSite;

enum class Runs : uint8_t {
  /// On the thread of the code around it, when written: analysed in place.
  Here,
  /// On a thread pool.
  Pool,
  /// Later, on another thread, or never: not the surrounding code's concern.
  Elsewhere,
};

/// How the walker met a lambda.
struct LambdaUse {
  enum Kind : uint8_t {
    CalledOnTheSpot, ///< '[&] { ... }()'
    Argument,        ///< passed to Site's callee as argument Index
    Stored,          ///< passed to the constructor of Holder, which keeps it
    Other,           ///< stored, returned, ...
  };
  Kind K = Other;
  const CallSite *Site = nullptr;
  unsigned Index = 0;
  const CXXRecordDecl *Holder = nullptr;
};

/// A lambda given as the completion handler of an asynchronous operation or
/// posted to an executor (catalog 'handlers:').
struct HandlerUse {
  /// The function the executor runs: a lambda's call operator (for a
  /// generic lambda, its first instantiation), or the member function a
  /// binder such as beast::bind_front_handler(&C::on_read, ...) calls.
  const FunctionDecl *Body = nullptr;
  const LambdaExpr *Lambda = nullptr;
  /// The operation or the post.
  const CallExpr *Call = nullptr;
  const FunctionDecl *Operation = nullptr;
  /// The I/O object or executor whose executor runs the lambda.
  const Expr *Runner = nullptr;
  /// Posted, dispatched or deferred, rather than a completion handler.
  bool Posted = false;
  /// Runner is the executor bound to the lambda by bind_executor.
  bool Bound = false;
};

class WhereCodeRuns {
public:
  WhereCodeRuns(const ApiMatcher &Matcher, const AnalysisOptions &Options);

  /// Loop functions: what the checks match as functions to analyse.
  static ast_matchers::internal::BindableMatcher<Decl>
  loopFunctions(const AnalysisOptions &Options);

  /// Loop functions: whether F is a stackful coroutine, analysed on its own
  /// (it takes a stackful context, or StackfulFunctions lists it); Listed
  /// says which.
  bool isStackful(const FunctionDecl &F, bool *Listed = nullptr) const;
  /// Why a parameter makes its function a stackful coroutine.
  enum class StackfulContext : uint8_t {
    None,
    YieldContext, ///< Asio's or Boost.Asio's yield_context
    Holder,       ///< a class by reference or pointer holding a yield_context
    Listed,       ///< a type StackfulContextTypes lists
  };
  static StackfulContext stackfulContext(const ParmVarDecl &P,
                                         const AnalysisOptions &Options);

  /// Hops: where the rest of a block runs after 'co_await Awaited;': Pool
  /// after a hop onto a pool, Here after a hop back; nothing for no hop.
  std::optional<Runs> afterAwait(const Expr &Awaited) const;

  /// Offloads: whether a call runs the coroutines written in its arguments
  /// on a pool.
  bool offloads(const CallSite &Site) const;
  /// Whether a call runs the coroutine given as argument I on a pool: an
  /// offload, or the project's own wrapper that hands that parameter to one
  /// ('make_co_handler(pool, handler)' calling 'co_spawn(pool, handler, ...)').
  bool offloadsArgument(const CallSite &Site, unsigned I) const;
  /// Appends the coroutine lambdas Site's call hands to a pool.
  void poolCoroutines(const CallSite &Site,
                      std::vector<const FunctionDecl *> &Out) const;
  /// Whether a function runs its callable arguments elsewhere
  /// (OffloadFunctions): the search never enters it.
  bool runsArgumentsElsewhere(const FunctionDecl &F) const;
  /// Whether a coroutine of Fw is started on a pool given as its argument
  /// (Framework::PoolTag).
  bool startsOnPool(const FunctionDecl &Coroutine, const Framework &Fw) const;
  /// Coroutines seen given to an offload, which run on a pool as a whole.
  void notePool(const FunctionDecl &Coroutine) { OnPool.insert(&Coroutine); }
  bool runsOnPool(const FunctionDecl &Coroutine) const {
    return OnPool.contains(&Coroutine);
  }

  /// Readiness: the objects Cond says are ready when it evaluates to
  /// WhenTrue, through the catalog's 'ready:' calls, '!', '&&' and '||'.
  void readyObjects(const Expr &Cond, bool WhenTrue,
                    llvm::SmallVectorImpl<const ValueDecl *> &Out) const;

  /// Callables: where the body of a lambda used as Use runs.
  Runs lambda(const LambdaExpr &L, const LambdaUse &Use) const;

  /// Handlers: the lambda Call gives as its last argument to an
  /// asynchronous operation or a post of the catalog, if any.
  std::optional<HandlerUse> handlerOf(const CallExpr &Call) const;
  /// Where an executor, an execution context or an I/O object runs the
  /// work given to it: Here on an event loop, Pool on a thread pool,
  /// Elsewhere when its type does not say.
  Runs executorRuns(const Expr &Runner) const;

private:
  /// Whether Site calls an entry of the catalog of that kind whose
  /// conditions hold.
  bool isCall(const CallSite &Site, HopTarget Kind) const;

  /// The parameters a function hands to an offload, directly or through
  /// another such function; memoised.
  llvm::ArrayRef<unsigned> handsToPool(const FunctionDecl &F) const;

  /// Whether a class calls a callable member of its own from its destructor
  /// (a scope guard) or from await_suspend (an awaiter that runs a callback
  /// as it suspends): what it keeps runs on the thread that owns it.
  bool callsStoredCallable(const CXXRecordDecl &RD) const;

  const ApiMatcher &Matcher;
  const AnalysisOptions &Options;
  llvm::DenseSet<const FunctionDecl *> OnPool;
  mutable llvm::DenseMap<const CXXRecordDecl *, bool> CallsStored;
  mutable llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<unsigned, 1>>
      HandedToPool;
};

/// The variable or member an expression names ('f', 'this->f'), if any.
const ValueDecl *namedObject(const Expr *E);

/// Whether a lambda's body is a coroutine.
bool isCoroutineLambda(const LambdaExpr &L);
/// Whether a lambda is a stackful coroutine: it takes a yield_context.
bool isStackfulLambda(const LambdaExpr &L);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_WHERECODERUNS_H

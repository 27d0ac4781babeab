//===--- ArgumentGuards.h - async-tidy --------------------------*- C++ -*-===//
//
// Guards decided by arguments: a helper that blocks only under a condition
// on its parameters does not block a caller whose arguments make the
// condition false. A router compiles a std::regex only for a route with '{',
// and the call sites pass literals without one; a helper with a synchronous
// fallback takes the async branch when it is given a yield_context.
//
// A guard is an enclosing 'if' condition of a call site, with the branch the
// call is on. Crossing a call, each parameter the condition names is bound
// to the argument: a constant is substituted, a parameter of the caller is
// carried up to the next call, anything else leaves the guard undecided.
// A guard whose parameters are all bound is evaluated by a small evaluator
// over integers, strings and optionals; only a guard decided false removes
// the path, so an undecided one reports as before.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_ARGUMENTGUARDS_H
#define ASYNC_TIDY_ENGINE_ARGUMENTGUARDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>

namespace clang {
class Expr;
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace clang::tidy::async {

struct CallSite;

/// The condition of an enclosing 'if', and the branch a call is on.
struct Guard {
  const Expr *Cond = nullptr;
  bool WhenTrue = true;
  bool operator==(const Guard &O) const {
    return Cond == O.Cond && WhenTrue == O.WhenTrue;
  }
};

/// A guard on the way to a blocking call, with what is known of the
/// parameters it names, as seen from one function on the path.
struct BoundGuard {
  Guard G;
  /// Each parameter of the guard's own function that Cond names, and what
  /// it is bound to: a constant argument written in some caller (Value), or
  /// a parameter of the function the path is seen from (Current).
  struct Binding {
    const ParmVarDecl *Param = nullptr;
    const Expr *Value = nullptr;
    const ParmVarDecl *Current = nullptr;
    bool operator==(const Binding &O) const {
      return Param == O.Param && Value == O.Value && Current == O.Current;
    }
  };
  llvm::SmallVector<Binding, 2> Bindings;
  bool operator==(const BoundGuard &O) const {
    return G == O.G && Bindings == O.Bindings;
  }
};
using GuardSet = llvm::SmallVector<BoundGuard, 2>;

class ArgumentGuards {
public:
  /// Whether Cond may be decided by arguments: it names a parameter of its
  /// function or a local variable (which may be built from one).
  static bool worthKeeping(const Expr &Cond);

  /// The guards of a call site in Function, its parameters bound to
  /// themselves.
  const GuardSet *ofSite(const CallSite &Site, const FunctionDecl &Function);

  /// The guards of a path through Callee (Inner, seen from Callee), seen
  /// from Caller at Site, which calls Callee: the site's own guards and
  /// Inner's, with Callee's parameters bound to Site's arguments. Sets
  /// Removed when a guard is decided false: the path does not run from
  /// there. Null for no guard left.
  const GuardSet *atCaller(const GuardSet *Inner, const CallSite &Site,
                           const FunctionDecl &Caller,
                           const FunctionDecl &Callee, bool &Removed);

private:
  const GuardSet *keep(GuardSet S);
  std::deque<GuardSet> Storage;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ARGUMENTGUARDS_H

//===--- Descriptors.h - async-tidy -----------------------------*- C++ -*-===//
//
// Whether a call on a descriptor can wait: 'recv(fd, ...)' returns at once on
// a descriptor the code made non-blocking (socket(..., SOCK_NONBLOCK),
// fcntl(fd, F_SETFL, flags | O_NONBLOCK), ...) or whose readiness the
// coroutine awaits (co_await sched.poll(fd, ...)). The catalog's
// 'descriptors:' section says which calls do either; the API entries say
// which argument of a call is its descriptor.
//
// A descriptor is named by the variable, parameter or member of 'this' that
// holds it ('fd', 'fds[0]', 'm_socket.native_handle()'), in the frame of one
// function; a call site carries a callee's descriptor into its caller's
// frame. A member is non-blocking when any constructor or member function
// of its class makes it so. A descriptor opened on a file stays blocking
// whatever its flags: O_NONBLOCK does nothing for regular files.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_DESCRIPTORS_H
#define ASYNC_TIDY_ENGINE_DESCRIPTORS_H

#include "Catalog.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>

namespace clang {
class Expr;
class FieldDecl;
class FunctionDecl;
class ValueDecl;
} // namespace clang

namespace clang::tidy::async {

class ApiMatcher;
struct CallSite;

class Descriptors {
public:
  explicit Descriptors(const ApiMatcher &Matcher) : Matcher(Matcher) {}
  ~Descriptors();

  /// The descriptor a call of the catalog acts on, if the entry says which
  /// and the code names it.
  static const ValueDecl *of(const CallSite &Site, const ApiEntry &Api);
  /// A callee's descriptor D as its caller's frame names it at Site: the
  /// argument for a parameter, the same member for a call on 'this'.
  static const ValueDecl *atCaller(const ValueDecl *D, const CallSite &Site);
  /// Whether the code makes D non-blocking or awaits its readiness in F, or
  /// for a member, anywhere in its class.
  bool nonBlocking(const FunctionDecl &F, const ValueDecl *D);
  /// Handler is the completion handler of Operation: when the operation
  /// awaits a descriptor's readiness, the descriptor is ready inside it.
  void readyInHandler(const FunctionDecl &Handler, const Expr &Operation);

private:
  struct Facts {
    llvm::SmallPtrSet<const ValueDecl *, 4> NonBlocking;
    llvm::SmallPtrSet<const ValueDecl *, 4> AwaitedReady;
    llvm::SmallPtrSet<const ValueDecl *, 4> Files;
    /// The parameters and members whose readiness awaiting this function
    /// awaits: it returns a readiness awaitable, or, a coroutine, awaits one.
    llvm::SmallVector<const ValueDecl *, 1> Readiness;
    bool InProgress = false;
  };
  const Facts &facts(const FunctionDecl &F);
  bool memberNonBlocking(const FieldDecl &Member);
  /// The catalog's 'descriptors:' entry of that kind Call is, if any.
  const ApiEntry *entry(const Expr &Call, HopTarget Kind) const;

  const ApiMatcher &Matcher;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Facts>> ByFunction;
  llvm::DenseMap<const FieldDecl *, bool> Members;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_DESCRIPTORS_H

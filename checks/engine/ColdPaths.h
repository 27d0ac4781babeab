//===--- ColdPaths.h - async-tidy -------------------------------*- C++ -*-===//
//
// Cold paths: code that runs only on the way out of a function by a throw,
// or out of the process by a [[noreturn]] call (std::exit, abort, a user's
// fatal-error handler). A logger that prints a stack trace with popen()
// right before std::exit blocks, but never on a path that goes on: its
// callers are not blocked by it.
//
// Decided on the syntax tree, where it is exact: a statement is cold when
// every path from it reaches such an end in its own block (or an enclosing
// one) without a statement in between that could leave another way
// (return, goto, break or continue out of it, co_return).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_COLDPATHS_H
#define ASYNC_TIDY_ENGINE_COLDPATHS_H

#include <cstdint>

namespace clang {
class Stmt;
} // namespace clang

namespace clang::tidy::async {

enum class Cold : uint8_t {
  /// Runs on a path that may go on.
  No,
  /// Every path from here throws (and no handler of this function is
  /// around it).
  Throws,
  /// Every path from here ends the process, or throws.
  Exits,
};

/// How every path from the start of S ends, when it ends abnormally without
/// leaving S another way; Cold::No otherwise. InTry: S is inside a try
/// block of its function, whose handlers may catch a throw.
Cold endsAbnormally(const Stmt *S, bool InTry);

/// Whether S may leave its statement other than by falling through, a
/// throw or a [[noreturn]] call: return, co_return, goto, and break or
/// continue to a loop or switch outside S. Lambdas' bodies do not count.
bool mayJumpOut(const Stmt *S);

/// The colder of the two.
inline Cold colder(Cold A, Cold B) { return A > B ? A : B; }

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_COLDPATHS_H

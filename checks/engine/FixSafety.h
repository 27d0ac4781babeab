//===--- FixSafety.h - async-tidy -------------------------------*- C++ -*-===//
//
// What a fix must never do: drop a token of the source (a comment or a
// preprocessor branch inside the call), write one instantiation's types into
// a template, or change what runs where in ways the program can observe
// (errno, the thread's identity, a lock held, an object bound to its thread,
// arguments evaluated on another thread). Each rule says why in words a
// note can carry; a fix is offered only when none applies.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_FIXSAFETY_H
#define ASYNC_TIDY_ENGINE_FIXSAFETY_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace clang::tidy::async {

struct CallSite;
struct CoroutineReport;

/// The pattern a coroutine was instantiated from, when it is a template's
/// instantiation (or a member or lambda of one): its fixes are written once,
/// into the template, for every instantiation.
const FunctionDecl *instantiatedFrom(const FunctionDecl &Coroutine);

/// Why no fix may rewrite the call, or empty.
std::string whyNotRewritten(const CoroutineReport &Report, const CallSite &Site,
                            const ASTContext &Ctx);

/// Why the call may not move to a thread pool, or empty.
std::string whyNotOffloaded(const CoroutineReport &Report, const CallSite &Site,
                            ASTContext &Ctx);

/// Why an option's expression (OffloadExecutor's 'blocking_pool') would not
/// name what the user configured where the coroutine is written, or empty:
/// it names nothing there, or a parameter or local of the coroutine that
/// hides the one declared outside.
std::string whyNotNamed(llvm::StringRef Expression, llvm::StringRef Option,
                        const FunctionDecl &Coroutine, ASTContext &Ctx);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_FIXSAFETY_H

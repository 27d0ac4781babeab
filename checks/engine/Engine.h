//===--- Engine.h - async-tidy ----------------------------------*- C++ -*-===//
//
// The analysis shared by all async-blocking-* checks of a translation unit:
// which calls in a coroutine block, by declaration, with the catalog's
// argument conditions applied. Each coroutine and each callee is analysed
// once per translation unit, whatever the number of checks asking.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_ENGINE_H
#define ASYNC_TIDY_ENGINE_ENGINE_H

#include "Catalog.h"
#include "CoroutineWalker.h"
#include "Frameworks.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace clang::tidy::async {

struct Finding {
  CallSite Site;
  const ApiEntry *Api;
};

struct CoroutineReport {
  const FunctionDecl *Coroutine = nullptr;
  Framework Fw;
  SourceLocation FirstSuspend;
  llvm::StringRef SuspendKeyword;
  std::vector<Finding> Findings;
};

class Engine {
public:
  explicit Engine(ASTContext &Ctx);

  ASTContext &context() const { return Ctx; }

  /// The blocking calls in a coroutine's body; memoised per declaration.
  const CoroutineReport &analyse(const FunctionDecl &Coroutine);

  /// The catalog entry a callee matches, if any; memoised per declaration.
  const ApiEntry *classify(const FunctionDecl &Callee);

  /// True the first time a diagnostic of Cat is claimed at Loc: a call
  /// written once in a template is reported once, not per instantiation.
  bool claim(Category Cat, SourceLocation Loc);

private:
  bool exempt(const ApiEntry &Api, const Expr &Call) const;

  ASTContext &Ctx;
  const Catalog &Builtin;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CoroutineReport>>
      Reports;
  llvm::DenseMap<const FunctionDecl *, const ApiEntry *> Classified;
  llvm::DenseSet<std::pair<unsigned, SourceLocation::UIntTy>> Claimed;
};

/// The engine of the translation unit behind Ctx, shared by every check that
/// asks while one of them holds it.
std::shared_ptr<Engine> acquireEngine(ASTContext &Ctx);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ENGINE_H

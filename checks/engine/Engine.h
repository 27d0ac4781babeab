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
#include "Policy.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <array>
#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class FunctionDecl;
class NamedDecl;
class VarDecl;
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
  Engine(ASTContext &Ctx, const std::vector<const CategoryPolicy *> &Policies);

  ASTContext &context() const { return Ctx; }

  /// The blocking calls in a coroutine's body; memoised per declaration.
  const CoroutineReport &analyse(const FunctionDecl &Coroutine);

  /// The entry a callee matches, if any, for a call on an object of class
  /// ObjectClass (methods inherited from a base count under the object's
  /// class); memoised.
  const ApiEntry *classify(const FunctionDecl &Callee,
                           const CXXRecordDecl *ObjectClass);

  /// The entry a called function object matches, by the variable's name.
  const ApiEntry *classifyObject(const VarDecl &Object);

  /// True the first time a diagnostic of Cat is claimed at Loc: a call
  /// written once in a template is reported once, not per instantiation.
  bool claim(Category Cat, SourceLocation Loc);

private:
  const ApiEntry *match(const FunctionDecl &Callee,
                        const CXXRecordDecl *ObjectClass) const;
  bool matches(const ApiEntry &Api, const FunctionDecl &Callee,
               const CXXRecordDecl *ObjectClass) const;
  bool allowed(const CategoryPolicy &P, const NamedDecl &Callee) const;
  bool holds(const ArgCondition &C, const Expr &Call) const;
  /// Applies the entry's 'when' and 'unless' conditions to one call.
  bool blocksAsCalled(const ApiEntry &Api, const Expr &Call) const;

  ASTContext &Ctx;
  const Catalog &Builtin;
  /// Indexed by category; absent where no enabled check reports it.
  std::array<std::optional<CategoryPolicy>, NumCategories> ByCategory;
  ApiEntry AnnotatedBlocking;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CoroutineReport>>
      Reports;
  llvm::DenseMap<std::pair<const FunctionDecl *, const CXXRecordDecl *>,
                 const ApiEntry *>
      Classified;
  llvm::DenseMap<const VarDecl *, const ApiEntry *> ClassifiedObjects;
  llvm::DenseSet<std::pair<unsigned, SourceLocation::UIntTy>> Claimed;
};

/// The engine of the translation unit behind Ctx, built with the policies of
/// the checks registered for Tidy, and shared while one of them holds it.
std::shared_ptr<Engine> acquireEngine(ASTContext &Ctx,
                                      const ClangTidyContext *Tidy);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_ENGINE_H

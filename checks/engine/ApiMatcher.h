//===--- ApiMatcher.h - async-tidy ------------------------------*- C++ -*-===//
//
// Matching by declaration: which catalog entry, if any, a callee is, and
// whether the entry's conditions on the call's arguments hold. A hash lookup
// by the declaration's last name component, then a comparison of its
// enclosing scopes; names are never compared as spelled in the source.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_APIMATCHER_H
#define ASYNC_TIDY_ENGINE_APIMATCHER_H

#include "Catalog.h"
#include "Category.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <string>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class DeclContext;
class Expr;
class FunctionDecl;
class NamedDecl;
class Preprocessor;
class QualType;
class VarDecl;
} // namespace clang

namespace clang::tidy::async {

struct CallSite;
struct CategoryPolicy;

/// The name a catalog entry ends in: the class name for constructors,
/// "operator>>" for operators.
std::string lastName(const NamedDecl &ND);
/// Whether the scopes from DC outwards are Qualifiers, innermost last, then
/// the translation unit. Inline namespaces and linkage specifications are
/// transparent; class template specializations count under their template's
/// name; a leading "*" stands for any enclosing scopes.
bool scopesMatch(const DeclContext *DC, llvm::ArrayRef<std::string> Qualifiers);
/// Whether ND is the declaration Name names.
bool isNamed(const NamedDecl &ND, llvm::ArrayRef<std::string> Name);
/// Whether T is Class, is nested in it, or has it among its template
/// arguments, as in executor_binder<use_awaitable_t, thread_pool::executor>.
bool typeMentions(QualType T, llvm::ArrayRef<std::string> Class,
                  unsigned Depth = 0);
/// Whether a function is declared non-blocking: [[clang::nonblocking]] or
/// ASYNC_TIDY_NONBLOCKING.
bool declaredNonBlocking(const FunctionDecl &F);

class ApiMatcher {
public:
  /// Policies by category; nullptr where no enabled check reports it. PP
  /// gives the platform's constants (macros), if known.
  ApiMatcher(ASTContext &Ctx, const Preprocessor *PP,
             const std::array<const CategoryPolicy *, NumCategories> &Policies);

  /// The blocking API a call site blocks in, with the entry's argument
  /// conditions applied; nullptr if none. Memoised per declaration.
  const ApiEntry *blockingApi(const CallSite &Site);

  /// Whether Api names Callee, directly or, for a member, through the class
  /// of the object it is called on (std::future::wait is declared in
  /// std::__basic_future).
  bool matches(const ApiEntry &Api, const FunctionDecl &Callee,
               const CXXRecordDecl *ObjectClass) const;
  /// Whether the entry's 'when' and 'unless' conditions say Call blocks (or,
  /// for a hop, applies).
  bool conditionsHold(const ApiEntry &Api, const Expr &Call) const;

private:
  /// The first entry for Callee, or with Site (the call) the first whose
  /// conditions hold there.
  const ApiEntry *match(const FunctionDecl &Callee,
                        const CXXRecordDecl *ObjectClass,
                        const Expr *Site = nullptr) const;
  const ApiEntry *classifyObject(const VarDecl &Object);
  bool allowed(const CategoryPolicy &P, const NamedDecl &Callee) const;
  bool holds(const ArgCondition &C, const Expr &Call) const;
  /// The value of a constant the platform's headers define, as a macro
  /// (WNOHANG) or an enumerator (glibc's MSG_DONTWAIT); memoised.
  std::optional<int64_t> constant(llvm::StringRef Name) const;

  ASTContext &Ctx;
  const Preprocessor *PP;
  const Catalog &Builtin;
  const std::array<const CategoryPolicy *, NumCategories> Policies;
  /// Functions annotated blocking, reported by async-blocking-call.
  ApiEntry AnnotatedBlocking;
  llvm::DenseMap<std::pair<const FunctionDecl *, const CXXRecordDecl *>,
                 const ApiEntry *>
      Classified;
  llvm::DenseMap<const VarDecl *, const ApiEntry *> ClassifiedObjects;
  mutable llvm::StringMap<std::optional<int64_t>> Constants;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_APIMATCHER_H

//===--- Frameworks.h - async-tidy ------------------------------*- C++ -*-===//
//
// Coroutine frameworks, as the catalog describes them, and their recognition
// from a coroutine's return type.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_FRAMEWORKS_H
#define ASYNC_TIDY_ENGINE_FRAMEWORKS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class DeclContext;
class FunctionDecl;
class NamedDecl;
class QualType;
} // namespace clang

namespace clang::tidy::async {

class Catalog;

/// How a framework runs a blocking call on a thread pool and resumes the
/// coroutine with its result: replacement templates for the call.
struct OffloadIdiom {
  /// For a call whose value is used; {type} is its type.
  std::string Value;
  /// For a call whose value is unused or void.
  std::string Void;
  /// Qualified names that must be declared for the idiom to compile, unless
  /// the fix includes the headers that declare them.
  std::vector<std::string> Needs;
  std::vector<std::string> Includes;
};

struct Framework {
  /// As the catalog and options name it: "asio", "boost.asio", "folly".
  std::string Name;
  /// Frameworks of one family share swap rules: Asio and Boost.Asio differ
  /// only in their namespace.
  std::string Family;
  /// What {ns} stands for in its templates.
  std::string Namespace;
  /// Its coroutine return types, by the qualified name of their class
  /// template (or class), without template arguments.
  std::vector<std::string> Types;
  OffloadIdiom Offload;
  /// The completion token that makes an async operation awaitable here
  /// ("{ns}::use_awaitable"), the names it needs, and the token that also
  /// stores errors in {ec}.
  std::string Token;
  std::vector<std::string> TokenNeeds;
  std::string RedirectError;
  /// False for synchronous generators and stackful coroutines, whose
  /// bodies cannot 'co_await'.
  bool Awaits = true;
  /// The executor its token and idioms assume ("{ns}::any_io_executor"),
  /// when the coroutine type names one as its second template argument.
  std::string Executor;
  /// A parameter type that, first in a coroutine's parameters, starts the
  /// coroutine on the executor given next ("concurrencpp::executor_tag").
  std::string PoolTag;
};

/// The qualified name of a declaration context without template arguments
/// or inline namespaces ("unifex::_task::_task::type").
std::string plainQualifiedName(const DeclContext &DC);

/// The qualified class (template) name of a type, with aliases seen through,
/// or empty for types that are not classes.
std::string plainTypeName(QualType T);

/// Declarations of a qualified name, looked up from From, through
/// namespace aliases and using-directives.
llvm::SmallVector<const NamedDecl *, 2>
lookupQualified(llvm::StringRef Name, const DeclContext &From, ASTContext &Ctx);

/// Whether the first component of a qualified name, looked up without
/// qualification from From, finds something of an enclosing namespace or
/// class instead of the global scope's: the user's own 'asio' namespace
/// inside theirs.
bool shadowedAt(llvm::StringRef Name, const DeclContext &From, ASTContext &Ctx);

/// Whether a coroutine type of F runs on the executor F's fixes assume
/// (asio::awaitable<T, Executor> with another executor takes another
/// use_awaitable).
bool usesDefaultExecutor(const Framework &F, QualType ReturnType,
                         ASTContext &Ctx);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_FRAMEWORKS_H

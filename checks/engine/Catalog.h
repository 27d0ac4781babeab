//===--- Catalog.h - async-tidy ---------------------------------*- C++ -*-===//
//
// The blocking-API catalog: which declarations block, why, when they do not,
// and their async twins per framework. The data lives in
// checks/catalog/blocking-apis.yaml; this is its in-memory form and parser.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_CATALOG_H
#define ASYNC_TIDY_ENGINE_CATALOG_H

#include "Category.h"
#include "Frameworks.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace clang::tidy::async {

/// A test on a call's arguments: the catalog says a call does not block
/// unless one holds, or blocks only when one holds.
struct ArgCondition {
  enum class Kind : uint8_t {
    ArgCount,       ///< The call passes exactly Value arguments.
    Equals,         ///< Argument Arg is a constant equal to Value (or a zero
                    ///< duration when Value is 0).
    HasBits,        ///< Argument Arg is a constant with all bits of Value set.
    HasType,        ///< Argument Arg is of class Name.
    IsVar,          ///< Argument Arg names the variable Name.
    ObjectIs,       ///< The object of a member call names the variable Name.
    Returns,        ///< The call returns an object of class Name.
    Mentions,       ///< Argument Arg's type is, is nested in, or has among its
                    ///< template arguments the class Name.
    MadeBy,         ///< For a destructor: the object was made by a call to the
                    ///< function Name (a future of std::async).
    ObjectMentions, ///< The type of the object of a member call mentions
                    ///< the class Name, as Mentions does.
  };
  Kind K = Kind::ArgCount;
  unsigned Arg = 0;
  int64_t Value = 0;
  /// For Equals and HasBits: Value as the platform's headers name it
  /// (MSG_DONTWAIT, WNOHANG), read from the translation unit's macros or
  /// declarations; empty when the catalog gives a number.
  std::string Constant;
  /// Qualified name components, for HasType, IsVar, ObjectIs, Returns,
  /// Mentions, MadeBy and ObjectMentions.
  std::vector<std::string> Name;
};

/// Where an entry of 'hops:', 'offloads:' or 'inline:' sends code: the rest
/// of the block after a hop (Pool, Loop), the coroutines given to an offload,
/// the callables given to a function that calls them before it returns
/// (Inline). An entry of 'ready:' sends nothing anywhere: its call tells
/// whether its object is ready, so that waiting on it returns at once. An
/// entry of 'descriptors:' makes a descriptor non-blocking (NonBlocking),
/// awaited, waits until one is ready (AwaitsReady), or opens a file, which
/// its flags cannot make non-blocking (OpensFile).
enum class HopTarget : uint8_t {
  None,
  Pool,
  Loop,
  Offload,
  Inline,
  Ready,
  NonBlocking,
  AwaitsReady,
  OpensFile,
  /// An entry of 'handlers:': the call's last argument is a completion
  /// handler (Completion) or a function posted to an executor (Posted), run
  /// by the executor of the entry's 'runs-on'.
  Completion,
  Posted,
  /// An entry of 'executors:': a class whose executors run work on an event
  /// loop (LoopExecutor) or on a thread pool (PoolExecutor).
  LoopExecutor,
  PoolExecutor,
};

/// What an argument must be for a swap fix to stay equivalent.
enum class ArgRequirement : uint8_t {
  Any,
  /// Any std::chrono::duration.
  Duration,
  /// A duration that converts to steady_clock::duration exactly.
  SteadyDuration,
  /// A duration that converts to std::chrono::milliseconds exactly.
  MillisecondsDuration,
  /// A coroutine of the same framework family, not an lvalue: 'co_await'
  /// takes it as the blocking wait did.
  Awaitable,
  /// An integer the parameter takes unchanged: of an unsigned type no wider
  /// than the parameter's, or a constant within its range. sleep(-1) sleeps
  /// for 136 years; a timer given -1 seconds fires at once.
  Unchanged,
};

/// Rewrites a call into the async twin of one framework family.
struct SwapRule {
  std::string Family;
  /// Replacement text, see the slots in the catalog's header.
  std::string Code;
  /// Names that must be declared for the rewrite to compile, unless the
  /// fix includes the headers that declare them.
  std::vector<std::string> Needs;
  std::vector<std::string> Includes;
  std::vector<ArgRequirement> Args;
  /// Applies only to calls with exactly this many arguments.
  std::optional<unsigned> Arity;
  /// The rewrite yields the call's own value, so it may replace a call whose
  /// value is used; otherwise only a call made as a statement.
  bool SameValue = false;
};

struct ApiEntry {
  /// Qualified name as written ("std::future::get"); empty for entries that
  /// stand for any annotated function, which are named by their declaration.
  std::string Name;
  /// Its components.
  std::vector<std::string> Parts;
  Category Cat = Category::Call;
  /// Why it blocks, as a verb phrase ("sleeps the thread").
  std::string Reason;
  /// What to use instead, for users' own entries.
  std::string Replacement;
  std::vector<ArgCondition> Unless;
  /// When not empty, the call blocks only if one of these holds.
  std::vector<ArgCondition> When;
  std::vector<SwapRule> Swaps;
  /// For frameworks with a completion token: the async twin next to the
  /// callee that takes the same arguments and a token ("async_{name}").
  std::string AsyncTwin;

  /// The async twin's name for a callee named CalleeName.
  std::string twinName(llvm::StringRef CalleeName) const;
  /// The rewrite into the twin in F: 'co_await {prefix}async_x({args,}TOKEN)'
  /// (no co_await where F cannot await: the token is a yield_context), with
  /// F's error-redirecting token when the call reports into an error_code.
  std::string twinTemplate(llvm::StringRef CalleeName, const Framework &F,
                           bool RedirectsErrors) const;
  /// Catalog names without qualifiers are C functions: only declarations
  /// with C linkage match, not a C++ function of the same name.
  bool RequiresCLinkage = false;
  /// Reported only when the check's option asks for it (mutex locks).
  bool OptIn = false;
  /// Not a blocking API but an executor hop: awaiting this call moves the
  /// coroutine onto a pool or back onto its event loop.
  HopTarget Hop = HopTarget::None;
  /// For an entry of 'ready:': the enumerator its result equals when the
  /// object is ready, as name components; empty when it returns true then.
  std::vector<std::string> ReadyValue;

  /// For a call on a descriptor: the argument that is the descriptor, or
  /// DescriptorObject for the object of a member call; for an entry of
  /// 'descriptors:' also DescriptorResult, the descriptor it returns.
  static constexpr int DescriptorObject = -1;
  static constexpr int DescriptorResult = -2;
  std::optional<int> Descriptor;
  /// For an entry of 'descriptors:': a condition that must hold as well as
  /// one of 'when' (the flag that makes the descriptor non-blocking).
  std::optional<ArgCondition> Flags;
  /// For an entry of 'handlers:': what runs the handler, the executor or
  /// I/O object given as this argument, or DescriptorObject for the object
  /// of a member call.
  std::optional<int> RunsOn;
  /// For an entry of 'handlers:' whose last name component ends in '*'
  /// ('async_*'): the prefix every name it stands for starts with.
  std::string NamePrefix;
  /// The swap rules of a family, to be tried in order.
  llvm::SmallVector<const SwapRule *, 2> swapsFor(llvm::StringRef Family) const;
};

/// The keys a catalog document may use, per place: the parser accepts these
/// and no others, and the catalog file's header documents each.
struct CatalogKeys {
  llvm::StringLiteral Place;
  llvm::ArrayRef<llvm::StringLiteral> Keys;
};
llvm::ArrayRef<CatalogKeys> catalogKeys();

class Catalog {
public:
  /// Parses a catalog document; errors carry "Source:line:col: ".
  static llvm::Expected<Catalog> parse(llvm::StringRef Text,
                                       llvm::StringRef Source);
  /// The catalog built into async-tidy, parsed once per process.
  static const Catalog &builtin();

  /// Parses "name", "std::ns::name" or "ns::Class::operator>>" into
  /// components; '*' stands for any one name (generated code such as
  /// "*::Stub::*"). Empty on bad syntax.
  static std::vector<std::string> splitQualifiedName(llvm::StringRef Name);

  void add(ApiEntry Entry);
  llvm::ArrayRef<ApiEntry> entries() const { return Entries; }
  /// Blocking APIs whose last component (for constructors: the class) is
  /// Name, and those whose last component is the wildcard '*'.
  llvm::SmallVector<const ApiEntry *, 2> candidates(llvm::StringRef Name) const;
  /// Executor hops whose last component is Name.
  llvm::SmallVector<const ApiEntry *, 2>
  hopCandidates(llvm::StringRef Name) const;
  /// Entries of 'handlers:' whose last component is Name or a prefix
  /// pattern Name starts with.
  llvm::SmallVector<const ApiEntry *, 2>
  handlerCandidates(llvm::StringRef Name) const;
  /// Entries of 'executors:'.
  llvm::SmallVector<const ApiEntry *, 8> executors() const;

  void addFramework(Framework F);
  llvm::ArrayRef<Framework> frameworks() const { return Frameworks; }
  /// The framework named Name ("boost.asio"), if the catalog describes it.
  const Framework *framework(llvm::StringRef Name) const;
  /// The framework whose coroutines return the class (template) Type.
  const Framework *frameworkOfType(llvm::StringRef Type) const;

  /// Library functions that construct an object of a type their caller
  /// names with the arguments it gives (std::make_unique<std::ifstream>(p)):
  /// the construction is the caller's.
  void addFactory(llvm::StringRef Name);
  const llvm::StringSet<> &factories() const { return Factories; }
  bool isFactory(const FunctionDecl &F) const;
  /// Namespaces of library code: the catalog describes what of it blocks,
  /// so the search does not enter it and its coroutines are not analysed
  /// outside the main file.
  void addLibrary(std::string Namespace);
  llvm::ArrayRef<std::string> libraries() const { return Libraries; }
  /// Whether a namespace ("concurrencpp::details") is one of them or
  /// nested in one.
  bool isLibraryNamespace(llvm::StringRef Qualified) const;

private:
  std::vector<ApiEntry> Entries;
  std::vector<std::string> Libraries;
  llvm::StringSet<> Factories;
  llvm::StringSet<> FactoryLastNames;
  llvm::StringMap<llvm::SmallVector<unsigned, 2>> ByLastName;
  llvm::SmallVector<unsigned, 2> Wildcards;
  llvm::StringMap<llvm::SmallVector<unsigned, 2>> HopsByLastName;
  llvm::SmallVector<unsigned, 4> HandlerPrefixes;
  llvm::SmallVector<unsigned, 8> Executors;
  std::vector<Framework> Frameworks;
  llvm::StringMap<unsigned> FrameworkByType;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_CATALOG_H

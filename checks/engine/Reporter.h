//===--- Reporter.h - async-tidy --------------------------------*- C++ -*-===//
//
// Turns a check's findings into diagnostics: the warning at the call in the
// coroutine, notes down the chain to the blocking API and on why the
// function is a coroutine, the swap fix on the warning and the offload fix
// on a note, after the driver's baseline has had its say.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_REPORTER_H
#define ASYNC_TIDY_ENGINE_REPORTER_H

#include "Category.h"
#include "SharedIncludes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class DiagnosticBuilder;
class FunctionDecl;
class SourceLocation;
} // namespace clang

namespace clang::tidy {
class ClangTidyCheck;
class NoLintDirectiveHandler;
} // namespace clang::tidy

namespace clang::tidy::async {

class Analysis;
class Engine;
struct CallFix;
struct CallSite;
struct CoroutineReport;
struct ExternalFinding;
struct Finding;

class Reporter {
public:
  Reporter(ClangTidyCheck &Check, Category Cat, Analysis &A, Engine &E);
  ~Reporter();

  /// Reports a call: one finding, or for a virtual call the findings of
  /// the functions it may run that block, its own definition first.
  void report(const CoroutineReport &Report,
              llvm::ArrayRef<const Finding *> Targets);

private:
  /// Why no fix may edit the file of Loc, or empty: fixes go only into the
  /// main file and the headers clang-tidy's header filter admits, never
  /// into system headers.
  std::string whyNoFixIn(SourceLocation Loc);
  /// False when the driver's baseline drops the finding.
  bool passesFilter(const FunctionDecl &Named, const Finding &F,
                    SourceLocation Loc);
  /// Whether a NOLINT comment silences this check at Loc, as clang-tidy
  /// will decide once the warning is emitted.
  bool silencedByNoLint(SourceLocation Loc);
  void addFix(DiagnosticBuilder &D, const CallFix &Fix, SourceLocation Loc,
              SharedIncludes::AppliedWith When);
  void noteOffload(const CoroutineReport &Report, const Finding &F,
                   llvm::StringRef Callee, SourceLocation Loc,
                   SharedIncludes::AppliedWith When, bool OwnsFix);
  void noteWhyCoroutine(const CoroutineReport &Report,
                        const FunctionDecl &Named);
  /// For a completion handler or a posted function: how the warning names
  /// where it runs ("a function posted to 'io'").
  std::string handlerContext(const CoroutineReport &Report) const;
  void noteExternal(const FunctionDecl &Callee, const ExternalFinding &Ext);
  /// Notes down a finding's chain, from its helper to the blocking API.
  void noteChain(const Finding &F);
  /// For a call in a default argument or member initialiser: where it is
  /// written; for one in a static initialiser: why it is reported.
  void noteSiteKind(const CallSite &Site, llvm::StringRef Callee);

  ClangTidyCheck &Check;
  const Category Cat;
  Analysis &A;
  Engine &E;
  const std::string CheckName;
  /// Findings per baseline key in this translation unit.
  llvm::StringMap<unsigned> FilterOrdinals;
  /// clang-tidy's own reader of NOLINT comments, made on first use.
  std::unique_ptr<NoLintDirectiveHandler> NoLint;
  /// clang-tidy's header filters, compiled once.
  std::optional<llvm::Regex> HeaderFilter;
  std::optional<llvm::Regex> ExcludeHeaderFilter;
};

/// A file's path as baselines name it: real and absolute.
std::string absolutePath(const SourceManager &SM, FileID ID);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_REPORTER_H

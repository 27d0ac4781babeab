//===--- SarifMerge.h - async-tidy ------------------------------*- C++ -*-===//
//
// Merging async-tidy's SARIF logs: the logs of processes that analysed
// different files (async-tidy --merge-sarif, or several processes writing
// one --sarif file) become one log with one run per tool and category.
//
// Each result and invocation names, in its properties, the translation
// units (main files) of the process that wrote it. A log merged into
// another replaces what the other held for the units it names: a file
// analysed again keeps only its new findings, a file not analysed again
// keeps its old ones.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_SARIFMERGE_H
#define ASYNC_TIDY_DRIVER_SARIFMERGE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace clang::tidy::async {

/// The property of results and invocations that names their units, as URIs
/// the way locations are written.
inline constexpr llvm::StringLiteral UnitsProperty = "translationUnits";

/// Whether Log is a SARIF log merges can take: an object with a "runs"
/// array of objects. Otherwise, an error saying what is wrong with Path.
llvm::Error checkSarifLog(const llvm::json::Value &Log, llvm::StringRef Path);

/// Merges the runs of From into Into. A run of the same tool, category and
/// root as one of Into's becomes part of it: Into's results and invocations
/// for From's units are replaced, the same finding reported through two
/// units is kept once, rules are joined and the fingerprints' ordinals
/// counted again. Any other run is added as it is.
/// With Normalise false, the results of merged runs stay unordered and
/// their ordinals stale until normaliseSarifLog: for many merges in a row.
void mergeSarifLog(llvm::json::Value &Into, llvm::json::Value From,
                   bool Normalise = true);

/// Orders each run's results and invocations, and makes its rule indices
/// and fingerprint ordinals whole again.
void normaliseSarifLog(llvm::json::Value &Log);

/// Drops what Log holds for units whose files no longer exist (deleted or
/// renamed since they were analysed).
void dropMissingUnits(llvm::json::Value &Log);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_SARIFMERGE_H

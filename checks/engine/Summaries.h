//===--- Summaries.h - async-tidy -------------------------------*- C++ -*-===//
//
// Cross-translation-unit summaries: which externally visible functions of a
// file reach a blocking API, written by one pass over a compile database and
// read by later passes, so that a helper defined in another file is seen.
// Each entry carries content hashes of the files its chain runs through; an
// entry whose files changed since is ignored, never trusted.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_SUMMARIES_H
#define ASYNC_TIDY_ENGINE_SUMMARIES_H

#include "Catalog.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::async {

/// How a function of another translation unit reaches a blocking API.
struct ExternalFinding {
  /// The API, as a catalog entry: its name, category and reason.
  ApiEntry Api;
  /// The functions from the summarised one down to the API's caller.
  std::vector<std::string> Chain;
  /// The file defining the summarised function.
  std::string DefinedIn;
  /// Every file the chain runs through, with its content hash.
  std::vector<std::pair<std::string, uint64_t>> Files;
};

struct FunctionSummary {
  std::string Usr;
  std::vector<ExternalFinding> Findings;
};

/// The summaries of a directory, keyed by USR.
class SummaryIndex {
public:
  /// The index of Dir, read once and re-read when the directory changes.
  static std::shared_ptr<const SummaryIndex> load(llvm::StringRef Dir);

  /// The findings recorded for a USR whose files are unchanged.
  std::vector<const ExternalFinding *> fresh(llvm::StringRef Usr) const;

private:
  llvm::StringMap<std::vector<ExternalFinding>> ByUsr;
};

/// The content hash summaries record for a file, or 0 if it cannot be read.
uint64_t fileHash(llvm::StringRef Path);

/// Writes the summaries of one translation unit into Dir, replacing what an
/// earlier run wrote for the same main file. Errors go to Error.
bool writeSummaries(llvm::StringRef Dir, llvm::StringRef MainFile,
                    const std::vector<FunctionSummary> &Functions,
                    std::string &Error);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_SUMMARIES_H

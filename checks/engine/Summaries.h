//===--- Summaries.h - async-tidy -------------------------------*- C++ -*-===//
//
// Cross-translation-unit summaries: which externally visible functions of a
// file reach a blocking API, and which functions of other files they call,
// written by a pass over a compile database and read by later passes, so
// that a helper defined in another file is seen. They live in one SQLite
// store per summary directory, safe for any number of processes writing and
// reading at once; a reader follows the recorded calls from entry to entry,
// so one writing pass over every file is enough, whatever its order. Each
// entry carries content hashes of the files it runs through; an entry whose
// files changed since is ignored, never trusted.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_SUMMARIES_H
#define ASYNC_TIDY_ENGINE_SUMMARIES_H

#include "Catalog.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace clang::tidy::async {

/// The store's file inside a summary directory.
inline constexpr llvm::StringLiteral SummaryStoreName = "summaries.sqlite3";

/// Files with their content hashes, as entries record them.
using HashedFiles = std::vector<std::pair<std::string, uint64_t>>;

/// How a function of another translation unit reaches a blocking API.
struct ExternalFinding {
  /// The API, as a catalog entry: its name, category and reason.
  ApiEntry Api;
  /// The functions from the summarised one down to the API's caller.
  std::vector<std::string> Chain;
  /// The file defining the summarised function.
  std::string DefinedIn;
  /// Every file the chain runs through, with its content hash.
  HashedFiles Files;
};

/// A call from a summarised function, through helpers of its own file, to
/// a function defined in none of the files it includes.
struct ExternalCall {
  /// The USR of the function called.
  std::string Callee;
  /// The functions from the summarised one down to the one that calls.
  std::vector<std::string> Chain;
  std::string DefinedIn;
  HashedFiles Files;
};

struct FunctionSummary {
  std::string Usr;
  std::vector<ExternalFinding> Findings;
  std::vector<ExternalCall> Calls;
};

/// The content hash entries record: never 0, which means unreadable.
uint64_t contentHash(llvm::StringRef Content);

/// Content hashes of files on disk, memoised for one translation unit.
class FileHashes {
public:
  /// The hash of a regular file's content, or 0 if it cannot be read.
  uint64_t get(llvm::StringRef Path);

private:
  llvm::StringMap<uint64_t> Known;
};

/// The path of the store of a summary directory.
std::string summaryStorePath(llvm::StringRef Dir);

/// The store of a summary directory, opened for one translation unit. It
/// never fails: what it cannot read it reports in problems(), once each,
/// and reads nothing from.
class SummaryReader {
public:
  explicit SummaryReader(llvm::StringRef Dir);
  ~SummaryReader();
  SummaryReader(const SummaryReader &) = delete;
  SummaryReader &operator=(const SummaryReader &) = delete;

  /// For a function defined elsewhere, the shortest way to an API of each
  /// category, through at most MaxChain functions, following the calls
  /// entries record from file to file. Only entries whose files are
  /// unchanged count. One query per function looked up in the store.
  llvm::ArrayRef<const ExternalFinding *> lookup(llvm::StringRef Usr,
                                                 unsigned MaxChain);

  /// What could not be read, one message each, for configuration warnings.
  const std::vector<std::string> &problems() const { return Problems; }

private:
  struct Entry {
    /// A finding when Callee is empty, else a call to Callee.
    ApiEntry Api;
    std::string Callee;
    std::string DefinedIn;
    std::vector<std::string> Chain;
    HashedFiles Files;
  };

  void open();
  /// Opens the store and reads its header; Immutable reads it without the
  /// shared index WAL needs.
  int connect(bool Immutable, int64_t &App, int64_t &Version, int64_t &Objects);
  const std::vector<Entry> &entriesOf(llvm::StringRef Usr);
  bool readEntry(sqlite3_stmt *Stmt, Entry &E);
  /// Reports a problem of the store once; it stays usable when Fatal is
  /// false (a damaged page or entry spoils only what it holds).
  void damaged(const llvm::Twine &What, bool Fatal);

  std::string Dir;
  std::string Path;
  sqlite3 *Db = nullptr;
  sqlite3_stmt *Query = nullptr;
  bool Opened = false;
  bool ReportedDamage = false;
  std::vector<std::string> Problems;
  FileHashes Hashes;
  llvm::StringMap<std::vector<Entry>> Entries;
  llvm::StringMap<std::vector<const ExternalFinding *>> Results;
  std::deque<ExternalFinding> Owned;
};

/// Writes the summaries of one translation unit into Dir's store in one
/// transaction, replacing whatever was written for the same main file. On
/// failure, Error names the store and says why; the store is unchanged.
bool writeSummaries(llvm::StringRef Dir, llvm::StringRef MainFile,
                    const std::vector<FunctionSummary> &Functions,
                    std::string &Error);

/// Merges the stores of the directories From into Into's (made if need
/// be), as CI machines that each wrote a shard of the files would: a main
/// file's entries come from the store that wrote them last. On failure,
/// Error names the store and says why; Into keeps the merges done before.
bool mergeSummaries(llvm::StringRef Into, llvm::ArrayRef<std::string> From,
                    std::string &Error);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_SUMMARIES_H

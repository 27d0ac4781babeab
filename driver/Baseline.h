//===--- Baseline.h - async-tidy --------------------------------*- C++ -*-===//
//
// Baselines for legacy code: --write-baseline records today's findings,
// --baseline drops them so that only new ones are reported. A finding is
// matched by its file, check, coroutine and call text, never by its line, so
// code that moves up or down keeps its entry. The file is JSON, sorted.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_BASELINE_H
#define ASYNC_TIDY_DRIVER_BASELINE_H

#include "engine/FindingFilter.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace clang::tidy::async {

/// A baseline's entries: each key (its file absolute) and the findings it
/// accepts per translation unit.
using BaselineEntries = std::map<FindingKey, unsigned>;

/// Reads a baseline's text; its relative files are made absolute against
/// Dir. Path names it in errors.
llvm::Expected<BaselineEntries>
parseBaseline(llvm::StringRef Text, llvm::StringRef Path, llvm::StringRef Dir);
/// A baseline file's text, its files written relative to Dir.
std::string renderBaseline(const BaselineEntries &Entries, llvm::StringRef Dir);
/// Adds From to Into; a key in both keeps the larger count, since counts
/// are per translation unit (a header's findings, seen from two files).
void combineBaselines(BaselineEntries &Into, const BaselineEntries &From);

class Baseline : public FindingFilter {
public:
  /// File paths in the baseline are relative to Dir, the directory of the
  /// baseline file, so that it can be used from any working directory.
  explicit Baseline(std::string Dir) : Dir(std::move(Dir)) {}

  /// Reads the findings a baseline file accepts.
  llvm::Error load(llvm::StringRef Path);

  /// Drops a finding the baseline accepts (Ordinal below its count) and
  /// remembers the key of every other.
  bool report(const FindingKey &Key, unsigned Ordinal,
              unsigned Offset) override;

  void linted(llvm::StringRef MainFile, llvm::StringRef Check) override;

  /// How many findings were dropped (one per place, as clang-tidy counts a
  /// header's finding once however many files include it).
  unsigned suppressed() const;

  struct StaleEntry {
    FindingKey Key;
    unsigned Accepts;
    unsigned Found;
  };
  /// Entries for a main file a check has linted that matched fewer findings
  /// than they accept: the code was fixed or changed. Entries for headers
  /// are never stale: which files reach a header is not known.
  std::vector<StaleEntry> stale() const;

  /// The key of the finding reported at Offset of File (absolute) by Check.
  const FindingKey *reported(llvm::StringRef File, unsigned Offset,
                             llvm::StringRef Check) const;

  /// The files of the findings reported, by their real names.
  std::vector<std::string> reportedFiles() const;

  /// Writes Keys, one entry per distinct key with its count, into the
  /// baseline at Path under its lock: the entries it holds for MainFiles
  /// (absolute), which this run analysed, are replaced, those of other
  /// files that still exist kept (another process's). Returns how many
  /// entries it kept that this run did not find.
  llvm::Expected<size_t> write(llvm::StringRef Path,
                               llvm::ArrayRef<const FindingKey *> Keys,
                               llvm::ArrayRef<std::string> MainFiles) const;

private:
  /// The path written in the baseline: relative to Dir when inside it.
  std::string relativeFile(llvm::StringRef File) const;
  std::string entryKey(const FindingKey &Key) const;

  const std::string Dir;
  /// The key with its file as the baseline writes it.
  FindingKey asWritten(const FindingKey &Key) const;

  struct Record {
    FindingKey Key;
    /// Findings it accepts per translation unit, and the most it matched
    /// in one.
    unsigned Accepts = 0;
    unsigned Matched = 0;
  };
  llvm::StringMap<Record> Entries;
  /// Main file (as written in baselines) and check pairs linted.
  std::set<std::pair<std::string, std::string>> Linted;
  /// A finding's place: file, offset, check.
  using Place = std::tuple<std::string, unsigned, std::string>;
  std::set<Place> Suppressed;
  std::map<Place, FindingKey> Reported;
  mutable std::mutex Lock;
};

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_BASELINE_H

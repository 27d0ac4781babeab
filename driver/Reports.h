//===--- Reports.h - async-tidy ---------------------------------*- C++ -*-===//
//
// The async-tidy driver's report options, which clang-tidy lacks: SARIF
// output (--sarif, --sarif-root) and baselines (--baseline,
// --write-baseline). They are taken out of the arguments, clang-tidy runs
// with --export-fixes pointed at a temporary file, and the reports are made
// from what it exported.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_REPORTS_H
#define ASYNC_TIDY_DRIVER_REPORTS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace clang::tidy::async {

/// The help text of the report options, for --help.
extern const char *const ReportOptionsHelp;

/// Paths are absolute: clang-tidy changes the working directory to each
/// compile command's while it runs.
struct ReportOptions {
  std::string Sarif;
  /// The directory SARIF locations are relative to.
  std::string SarifRoot;
  /// The run's automationDetails.id (GitHub's category); empty for the
  /// default.
  std::string SarifCategory;
  /// The URL rules' help links point into; empty for the default.
  std::string SarifDocsUrl;
  std::string Baseline;
  std::string WriteBaseline;
  /// The user's own --export-fixes, written as clang-tidy would.
  std::string ExportFixes;
  bool Quiet = false;

  bool any() const {
    return !Sarif.empty() || !Baseline.empty() || !WriteBaseline.empty();
  }
};

/// Whether Arg turns clang-tidy's boolean option Name on, in any spelling
/// its command line accepts: "-name", "--name", "--name=true".
bool setsFlag(llvm::StringRef Arg, llvm::StringRef Name);

/// Whether Arg is an option after which clang-tidy analyses no file
/// (--list-checks, --dump-config, --verify-config, --help, --version...).
bool analysesNothing(llvm::StringRef Arg);

/// The source files among clang-tidy's arguments (program name first): the
/// positional arguments before "--", skipping the values of options that
/// take theirs as the next argument ("-p build").
std::vector<std::string> sourceFiles(llvm::ArrayRef<std::string> Args);

/// Takes the report options, and the user's --export-fixes, out of Args
/// (program name first). Args are left alone when there is no report
/// option. Fails on a missing value, a repeated option, or a combination
/// the driver does not support.
llvm::Expected<ReportOptions> takeReportOptions(std::vector<std::string> &Args);

/// Runs clang-tidy on Args through RunClangTidy, then writes the reports.
/// Returns clang-tidy's exit status, or 1 when a report cannot be written.
int runWithReports(
    const ReportOptions &Options, std::vector<std::string> Args,
    llvm::function_ref<int(std::vector<std::string> &)> RunClangTidy);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_REPORTS_H

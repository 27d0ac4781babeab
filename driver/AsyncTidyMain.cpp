//===--- AsyncTidyMain.cpp - async-tidy -----------------------------------===//
//
// async-tidy: clang-tidy with the async-* checks built in.
//
//===----------------------------------------------------------------------===//

#include "ConfigChild.h"
#include "Reports.h"
#include "ResourceDir.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "engine/ConfigErrors.h"
#include "engine/Summaries.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace {

// Listed after clang-tidy's own options by --help.
const llvm::cl::extrahelp ReportsHelp(clang::tidy::async::ReportOptionsHelp);
const llvm::cl::extrahelp MergeHelp(R"(
async-tidy summary stores (not in clang-tidy):
  --merge-summaries=<dir> <dir>...
                           Merge the summary stores of the directories after
                           it into <dir>'s, as written by first passes over
                           shards of a compile database; nothing else runs.
  See docs/where-code-runs.md.
)");

constexpr llvm::StringLiteral MergeSummariesFlag = "merge-summaries";

/// The directory of --merge-summaries=DIR (or -merge-summaries=DIR), when
/// Arg is that flag.
std::optional<llvm::StringRef> mergeInto(llvm::StringRef Arg) {
  if (!Arg.consume_front("-"))
    return std::nullopt;
  Arg.consume_front("-");
  if (!Arg.consume_front(MergeSummariesFlag) || !Arg.consume_front("="))
    return std::nullopt;
  return Arg;
}

/// async-tidy --merge-summaries=INTO FROM...: no clang-tidy run.
int mergeSummaries(llvm::StringRef Into, llvm::ArrayRef<char *> From) {
  if (Into.empty() || From.empty()) {
    llvm::errs() << "async-tidy: error: --merge-summaries=<dir> needs the "
                    "directories to merge after it\n";
    return 1;
  }
  std::vector<std::string> Dirs(From.begin(), From.end());
  std::string Error;
  if (!clang::tidy::async::mergeSummaries(Into, Dirs, Error)) {
    llvm::errs() << "async-tidy: error: " << Error << "\n";
    return 1;
  }
  return 0;
}

bool isVerifyConfig(llvm::StringRef Arg) {
  return clang::tidy::async::setsFlag(Arg, "verify-config");
}

int runClangTidy(std::vector<char *> &Args) {
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()),
                                    const_cast<const char **>(Args.data()));
}

/// With --sarif, --baseline or --write-baseline, runs clang-tidy without
/// them and writes the reports; std::nullopt without any.
std::optional<int> runWithReports(const std::vector<char *> &Args) {
  using namespace clang::tidy::async;
  std::vector<std::string> Strings(Args.begin(), Args.end());
  llvm::Expected<ReportOptions> Options = takeReportOptions(Strings);
  if (!Options) {
    llvm::errs() << "async-tidy: error: " << llvm::toString(Options.takeError())
                 << "\n";
    return 1;
  }
  if (!Options->any())
    return std::nullopt;
  return runWithReports(*Options, Strings, [](std::vector<std::string> &A) {
    std::vector<char *> Pointers;
    Pointers.reserve(A.size());
    for (std::string &S : A)
      Pointers.push_back(S.data());
    return runClangTidy(Pointers);
  });
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc > 1)
    if (std::optional<llvm::StringRef> Into = mergeInto(Argv[1]))
      return mergeSummaries(*Into, llvm::ArrayRef(Argv + 2, Argc - 2));
  std::string Storage;
  // Placed before the compile command's own flags, which therefore win.
  std::vector<char *> Args = clang::tidy::async::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=",
      {"--extra-arg-before=-resource-dir", "-extra-arg-before=-resource-dir"},
      Storage);
  if (std::optional<int> Status = runWithReports(Args))
    return *Status;
  // The child of --verify-config and --dump-config below: clang-tidy's own.
  if (std::getenv(clang::tidy::async::VerifyConfigVariable.str().c_str()))
    return runClangTidy(Args);
  if (llvm::any_of(Args, [](llvm::StringRef A) {
        return clang::tidy::async::setsFlag(A, "dump-config");
      }))
    return clang::tidy::async::dumpConfig(Argv[0], Args,
                                          [&] { return runClangTidy(Args); });
  if (!llvm::any_of(Args, isVerifyConfig))
    return runClangTidy(Args);

  // --verify-config: clang-tidy checks the names, the child the values.
  std::string Errors = clang::tidy::async::valueErrors(Argv[0], Args);
  if (Errors.empty())
    return runClangTidy(Args);
  llvm::errs() << Errors;
  // Names still checked, without the "No config errors detected." line.
  llvm::outs().flush();
  int Saved = dup(STDOUT_FILENO);
  int Null = open("/dev/null", O_WRONLY);
  if (Saved >= 0 && Null >= 0)
    dup2(Null, STDOUT_FILENO);
  runClangTidy(Args);
  llvm::outs().flush();
  if (Saved >= 0) {
    dup2(Saved, STDOUT_FILENO);
    close(Saved);
  }
  if (Null >= 0)
    close(Null);
  return 1;
}

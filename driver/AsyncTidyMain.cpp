//===--- AsyncTidyMain.cpp - async-tidy -----------------------------------===//
//
// async-tidy: clang-tidy with the async-* checks built in.
//
//===----------------------------------------------------------------------===//

#include "Reports.h"
#include "ResourceDir.h"
#include "Version.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "engine/ConfigErrors.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace {

// Listed after clang-tidy's own options by --help.
const llvm::cl::extrahelp ReportsHelp(clang::tidy::async::ReportOptionsHelp);

bool isVerifyConfig(llvm::StringRef Arg) {
  return clang::tidy::async::setsFlag(Arg, "verify-config");
}

/// The configuration errors the checks find in the values, from a child
/// that constructs them as --dump-config does; empty if none or if the
/// child failed (then clang-tidy's own pass reports why).
std::string valueErrors(const char *Argv0, llvm::ArrayRef<char *> Args) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&valueErrors));
  std::vector<llvm::StringRef> ChildArgs;
  for (char *A : Args)
    ChildArgs.emplace_back(isVerifyConfig(A) ? "--dump-config" : A);
  std::vector<std::string> EnvStorage;
  for (char **E = environ; *E; ++E)
    EnvStorage.emplace_back(*E);
  EnvStorage.push_back((clang::tidy::async::VerifyConfigVariable + "=1").str());
  std::vector<llvm::StringRef> Env(EnvStorage.begin(), EnvStorage.end());
  llvm::SmallString<128> ErrorFile;
  if (llvm::sys::fs::createTemporaryFile("async-tidy-config", "txt", ErrorFile))
    return "";
  const llvm::FileRemover RemoveErrorFile(ErrorFile);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(""), llvm::StringRef(ErrorFile)};
  int Status = llvm::sys::ExecuteAndWait(Self, ChildArgs, Env, Redirects);
  std::string Errors;
  if (auto Buffer = llvm::MemoryBuffer::getFile(ErrorFile); Buffer && !Status) {
    llvm::SmallVector<llvm::StringRef> Lines;
    (*Buffer)->getBuffer().split(Lines, '\n');
    for (llvm::StringRef Line : Lines)
      if (Line.ends_with("[clang-tidy-config]"))
        Errors += (Line + "\n").str();
  }
  return Errors;
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
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    clang::tidy::async::printVersionLine(OS, "async-tidy");
  });
  std::string Storage;
  // Placed before the compile command's own flags, which therefore win.
  std::vector<char *> Args = clang::tidy::async::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=",
      {"--extra-arg-before=-resource-dir", "-extra-arg-before=-resource-dir"},
      Storage);
  if (std::optional<int> Status = runWithReports(Args))
    return *Status;
  if (!llvm::any_of(Args, isVerifyConfig))
    return runClangTidy(Args);

  // --verify-config: clang-tidy checks the names, the child the values.
  std::string Errors = valueErrors(Argv[0], Args);
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

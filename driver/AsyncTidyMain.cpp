//===--- AsyncTidyMain.cpp - async-tidy -----------------------------------===//
//
// async-tidy: clang-tidy with the async-* checks built in.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ConfigChild.h"
#include "GccCommand.h"
#include "LockedFile.h"
#include "Reports.h"
#include "ResourceDir.h"
#include "SarifMerge.h"
#include "Version.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "engine/ConfigErrors.h"
#include "engine/Summaries.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using clang::tidy::async::setsFlag;

// Listed after clang-tidy's own options by --help.
const llvm::cl::extrahelp ReportsHelp(clang::tidy::async::ReportOptionsHelp);
const llvm::cl::extrahelp MergeHelp(R"(
async-tidy merges (not in clang-tidy); nothing else runs:
  --merge-summaries=<dir> <dir>...
                           Merge the summary stores of the directories after
                           it into <dir>'s, as written by first passes over
                           shards of a compile database.
                           See docs/where-code-runs.md.
  --merge-sarif=<file> <file>...
                           Write into <file> the SARIF logs after it, as
                           written by runs over parts of a project: one run
                           per category, a file analysed by several keeping
                           the results of the last. See docs/ci.md.
  --merge-baselines=<file> <file>...
                           Write into <file> the baselines after it: every
                           entry, the larger count where two have one.
)");

constexpr llvm::StringLiteral MergeSummariesFlag = "merge-summaries";
constexpr llvm::StringLiteral MergeSarifFlag = "merge-sarif";
constexpr llvm::StringLiteral MergeBaselinesFlag = "merge-baselines";

/// The value of --Flag=VALUE (or -Flag=VALUE), when Arg is that flag.
std::optional<llvm::StringRef> flagValue(llvm::StringRef Arg,
                                         llvm::StringRef Flag) {
  if (!Arg.consume_front("-"))
    return std::nullopt;
  Arg.consume_front("-");
  if (!Arg.consume_front(Flag) || !Arg.consume_front("="))
    return std::nullopt;
  return Arg;
}

int mergeError(const llvm::Twine &Message) {
  llvm::errs() << "async-tidy: error: " << Message << "\n";
  return 1;
}

/// async-tidy --merge-summaries=INTO FROM...: no clang-tidy run.
int mergeSummaries(llvm::StringRef Into, llvm::ArrayRef<char *> From) {
  if (Into.empty() || From.empty())
    return mergeError("--merge-summaries=<dir> needs the directories to "
                      "merge after it");
  std::vector<std::string> Dirs(From.begin(), From.end());
  std::string Error;
  if (!clang::tidy::async::mergeSummaries(Into, Dirs, Error))
    return mergeError(Error);
  return 0;
}

llvm::Expected<std::string> readInput(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  return (*Buffer)->getBuffer().str();
}

/// async-tidy --merge-sarif=OUT IN...: the logs of runs over parts of a
/// project (per translation unit, per CI shard) as one.
int mergeSarif(llvm::StringRef Out, llvm::ArrayRef<char *> In) {
  using namespace clang::tidy::async;
  if (Out.empty() || In.empty())
    return mergeError("--merge-sarif=<file> needs the SARIF files to merge "
                      "after it");
  // The first log is the base; an empty object until it is read.
  llvm::json::Value Merged = llvm::json::Object{};
  bool First = true;
  for (llvm::StringRef Path : In) {
    llvm::Expected<std::string> Text = readInput(Path);
    if (!Text)
      return mergeError(llvm::toString(Text.takeError()));
    llvm::Expected<llvm::json::Value> Log = llvm::json::parse(*Text);
    if (!Log)
      return mergeError(
          Path + ": not a SARIF log: " + llvm::toString(Log.takeError()));
    if (llvm::Error Err = checkSarifLog(*Log, Path))
      return mergeError(llvm::toString(std::move(Err)));
    if (First)
      Merged = std::move(*Log);
    else
      mergeSarifLog(Merged, std::move(*Log), /*Normalise=*/false);
    First = false;
  }
  normaliseSarifLog(Merged);
  if (llvm::Error Err = updateLocked(Out, [&](llvm::StringRef) {
        return llvm::formatv("{0:2}", Merged).str() + "\n";
      }))
    return mergeError(llvm::toString(std::move(Err)));
  return 0;
}

std::string realParent(llvm::StringRef Path) {
  llvm::SmallString<256> Dir(Path);
  // Left relative if the working directory is gone.
  if (llvm::sys::fs::make_absolute(Dir))
    return llvm::sys::path::parent_path(Path).str();
  llvm::sys::path::remove_filename(Dir);
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Dir, Real))
    return Dir.str().str();
  return Real.str().str();
}

/// async-tidy --merge-baselines=OUT IN...
int mergeBaselines(llvm::StringRef Out, llvm::ArrayRef<char *> In) {
  using namespace clang::tidy::async;
  if (Out.empty() || In.empty())
    return mergeError("--merge-baselines=<file> needs the baselines to merge "
                      "after it");
  BaselineEntries All;
  for (llvm::StringRef Path : In) {
    llvm::Expected<std::string> Text = readInput(Path);
    if (!Text)
      return mergeError(llvm::toString(Text.takeError()));
    llvm::Expected<BaselineEntries> Entries =
        parseBaseline(*Text, Path, realParent(Path));
    if (!Entries)
      return mergeError(llvm::toString(Entries.takeError()));
    combineBaselines(All, *Entries);
  }
  const std::string Dir = realParent(Out);
  if (llvm::Error Err = updateLocked(
          Out, [&](llvm::StringRef) { return renderBaseline(All, Dir); }))
    return mergeError(llvm::toString(std::move(Err)));
  return 0;
}

/// Set in the child that checks the check names of a run: it runs
/// clang-tidy's --verify-config alone.
constexpr llvm::StringLiteral NamesOnlyVariable = "ASYNC_TIDY_VERIFY_NAMES";

bool isVerifyConfig(llvm::StringRef Arg) {
  return setsFlag(Arg, "verify-config");
}

/// Runs this program again with Args (program name first) and Variable set,
/// and returns the lines of its stderr that Keep accepts; nothing if the
/// child could not run, or failed and OnlyIfSucceeded. Its stdout is
/// dropped.
std::vector<std::string>
childErrors(const char *Argv0, llvm::ArrayRef<llvm::StringRef> Args,
            llvm::StringRef Variable, bool OnlyIfSucceeded,
            llvm::function_ref<bool(llvm::StringRef)> Keep) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&childErrors));
  std::vector<std::string> EnvStorage;
  for (char **E = environ; *E; ++E)
    EnvStorage.emplace_back(*E);
  EnvStorage.push_back((Variable + "=1").str());
  std::vector<llvm::StringRef> Env(EnvStorage.begin(), EnvStorage.end());
  llvm::SmallString<128> ErrorFile;
  if (llvm::sys::fs::createTemporaryFile("async-tidy-config", "txt", ErrorFile))
    return {};
  const llvm::FileRemover RemoveErrorFile(ErrorFile);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(""), llvm::StringRef(ErrorFile)};
  int Status = llvm::sys::ExecuteAndWait(Self, Args, Env, Redirects);
  std::vector<std::string> Lines;
  auto Buffer = llvm::MemoryBuffer::getFile(ErrorFile);
  if (!Buffer || (OnlyIfSucceeded && Status != 0))
    return Lines;
  llvm::SmallVector<llvm::StringRef> All;
  (*Buffer)->getBuffer().split(All, '\n');
  for (llvm::StringRef Line : All)
    if (Keep(Line))
      Lines.push_back(Line.str());
  return Lines;
}

/// clang-tidy ignores a check name or glob that matches no check except
/// under --verify-config: a child runs that and its warnings about names
/// are repeated, so that a typo does not silently check nothing.
void warnUnknownChecks(const char *Argv0, llvm::ArrayRef<char *> Args) {
  if (llvm::any_of(Args.drop_front(), [](llvm::StringRef A) {
        return clang::tidy::async::analysesNothing(A);
      }))
    return;
  std::vector<llvm::StringRef> ChildArgs(Args.begin(), Args.end());
  // Before "--": what follows is the compile command.
  ChildArgs.insert(ChildArgs.begin() + 1, "--verify-config");
  constexpr llvm::StringLiteral Suffix = " [-verify-config]";
  for (llvm::StringRef Line :
       childErrors(Argv0, ChildArgs, NamesOnlyVariable,
                   /*OnlyIfSucceeded=*/false, [&](llvm::StringRef Line) {
                     return Line.ends_with(Suffix) &&
                            (Line.contains(": warning: unknown check '") ||
                             Line.contains("' doesn't match any known check"));
                   }))
    llvm::errs() << Line.drop_back(Suffix.size())
                 << "; it enables nothing [async-tidy]\n";
}

bool fixes(llvm::ArrayRef<std::string> Args) {
  for (llvm::StringRef Arg : Args) {
    if (Arg == "--")
      break;
    if (setsFlag(Arg, "fix") || setsFlag(Arg, "fix-errors") ||
        setsFlag(Arg, "fix-notes"))
      return true;
  }
  return false;
}

/// clang-tidy replaces a read-only file it fixes (it writes a new file and
/// renames it over the old one): the source files named on the command
/// line are checked first. Returns false, having said why, if one is
/// read-only.
bool sourcesWritable(llvm::ArrayRef<std::string> Args) {
  bool Writable = true;
  for (const std::string &File : clang::tidy::async::sourceFiles(Args)) {
    if (!llvm::sys::fs::exists(File) ||
        llvm::sys::fs::access(File, llvm::sys::fs::AccessMode::Write) ==
            std::error_code())
      continue;
    llvm::errs() << "async-tidy: error: --fix cannot write '" << File
                 << "': the file is read-only for this user; make it "
                    "writable (chmod u+w) or run without --fix\n";
    Writable = false;
  }
  return Writable;
}

/// Writes all of Data to FD, as a child after fork() may: no allocation.
void writeAll(int FD, const char *Data, ssize_t Size) {
  while (Size > 0) {
    ssize_t N = write(FD, Data, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return;
    Data += N;
    Size -= N;
  }
}

/// Whether stdout and stderr are the same file (a terminal, "2>&1").
bool stdoutIsStderr() {
  struct stat Out;
  struct stat Err;
  return fstat(STDOUT_FILENO, &Out) == 0 && fstat(STDERR_FILENO, &Err) == 0 &&
         Out.st_dev == Err.st_dev && Out.st_ino == Err.st_ino;
}

/// Runs Run with stderr going through a child process that copies it to
/// the real stderr and watches for clang-tidy's word that it could not
/// write a fix (which it says, then exits 0). With WithStdout, stdout goes
/// through the same pipe, so that the two keep their order where they share
/// a file. A process rather than a thread: if Run crashes, the child still
/// copies everything it printed.
bool fixWriteFailed(bool WithStdout, llvm::function_ref<void()> Run) {
  constexpr llvm::StringLiteral Marker =
      "clang-tidy failed to apply suggested fixes.";
  int Pipe[2];
  llvm::outs().flush();
  llvm::errs().flush();
  std::fflush(nullptr);
  if (pipe(Pipe) != 0) {
    Run();
    return false;
  }
  pid_t Child = fork();
  if (Child < 0) {
    close(Pipe[0]);
    close(Pipe[1]);
    Run();
    return false;
  }
  if (Child == 0) {
    close(Pipe[1]);
    // The last bytes of the previous read, so that a marker split between
    // two reads is still seen.
    constexpr size_t Chunk = 4096;
    char Buffer[Chunk + Marker.size()];
    size_t Kept = 0;
    bool Seen = false;
    for (;;) {
      ssize_t N = read(Pipe[0], Buffer + Kept, Chunk);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        break;
      writeAll(STDERR_FILENO, Buffer + Kept, N);
      llvm::StringRef Window(Buffer, Kept + N);
      Seen |= Window.contains(Marker);
      Kept = std::min(Window.size(), Marker.size() - 1);
      std::memmove(Buffer, Buffer + Window.size() - Kept, Kept);
    }
    _exit(Seen ? 1 : 0);
  }
  const int SavedErr = dup(STDERR_FILENO);
  const int SavedOut = WithStdout ? dup(STDOUT_FILENO) : -1;
  dup2(Pipe[1], STDERR_FILENO);
  if (WithStdout)
    dup2(Pipe[1], STDOUT_FILENO);
  close(Pipe[1]);
  close(Pipe[0]);
  Run();
  llvm::outs().flush();
  llvm::errs().flush();
  std::fflush(nullptr);
  // The pipe's last writers close: the child sees the end, and exits.
  if (SavedOut >= 0) {
    dup2(SavedOut, STDOUT_FILENO);
    close(SavedOut);
  }
  dup2(SavedErr, STDERR_FILENO);
  close(SavedErr);
  int Status = 0;
  while (waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(Status) && WEXITSTATUS(Status) == 1;
}

int runClangTidy(const char *Argv0, std::vector<char *> &Args) {
  warnUnknownChecks(Argv0, Args);
  auto Run = [&] {
    return clang::tidy::clangTidyMain(static_cast<int>(Args.size()),
                                      const_cast<const char **>(Args.data()));
  };
  std::vector<std::string> Strings(Args.begin(), Args.end());
  if (!fixes(Strings))
    return Run();
  if (!sourcesWritable(Strings))
    return 1;
  // On a terminal, stdout goes through the pipe too: clang-tidy would see
  // no terminal and drop the colors it uses there.
  const bool Merged = stdoutIsStderr();
  static char UseColor[] = "--use-color";
  if (Merged && llvm::sys::Process::StandardOutHasColors() &&
      llvm::none_of(Strings, [](llvm::StringRef A) {
        return A.starts_with("--use-color") || A.starts_with("-use-color");
      }))
    Args.insert(Args.begin() + 1, UseColor);
  int Status = 0;
  if (fixWriteFailed(Merged, [&] { Status = Run(); })) {
    llvm::errs() << "async-tidy: error: clang-tidy could not write some "
                    "fixes (its 'unable to overwrite file' errors name the "
                    "files, which are unchanged)\n";
    return 1;
  }
  return Status;
}

/// With --sarif, --baseline or --write-baseline, runs clang-tidy without
/// them and writes the reports; std::nullopt without any.
std::optional<int> runWithReports(const char *Argv0,
                                  const std::vector<char *> &Args) {
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
  return runWithReports(*Options, Strings, [&](std::vector<std::string> &A) {
    std::vector<char *> Pointers;
    Pointers.reserve(A.size());
    for (std::string &S : A)
      Pointers.push_back(S.data());
    return runClangTidy(Argv0, Pointers);
  });
}

/// A compile command given after "--" (CMake's CMAKE_CXX_CLANG_TIDY) names
/// its compiler first, which clang-tidy drops with the inputs: a GCC
/// command is adapted here, while its compiler is still known. Commands
/// from a compile database are adapted in ClangTidyHooks.cpp.
void adaptCommandLineCommand(std::vector<char *> &Args,
                             std::vector<std::string> &Storage) {
  auto Dashes = llvm::find_if(
      Args, [](const char *A) { return llvm::StringRef(A) == "--"; });
  if (Dashes == Args.end() || Dashes + 1 == Args.end())
    return;
  std::vector<std::string> Command(Dashes + 1, Args.end());
  if (!clang::tidy::async::adaptGccCommand(Command))
    return;
  Storage = std::move(Command);
  Args.erase(Dashes + 1, Args.end());
  for (std::string &A : Storage)
    Args.push_back(A.data());
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    clang::tidy::async::printVersionLine(OS, "async-tidy");
  });
  if (Argc > 1) {
    llvm::ArrayRef<char *> Rest(Argv + 2, Argc - 2);
    if (std::optional<llvm::StringRef> Into =
            flagValue(Argv[1], MergeSummariesFlag))
      return mergeSummaries(*Into, Rest);
    if (std::optional<llvm::StringRef> Out = flagValue(Argv[1], MergeSarifFlag))
      return mergeSarif(*Out, Rest);
    if (std::optional<llvm::StringRef> Out =
            flagValue(Argv[1], MergeBaselinesFlag))
      return mergeBaselines(*Out, Rest);
  }
  std::string Storage;
  // Placed before the compile command's own flags, which therefore win.
  std::vector<char *> Args = clang::tidy::async::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=",
      {"--extra-arg-before=-resource-dir", "-extra-arg-before=-resource-dir"},
      Storage);
  std::vector<std::string> CommandStorage;
  adaptCommandLineCommand(Args, CommandStorage);
  auto ClangTidyAlone = [&] {
    return clang::tidy::clangTidyMain(static_cast<int>(Args.size()),
                                      const_cast<const char **>(Args.data()));
  };
  // The children that check the names of the checks, judge the options'
  // values and print the global options: clang-tidy alone.
  if (std::getenv(NamesOnlyVariable.str().c_str()) ||
      std::getenv(clang::tidy::async::VerifyConfigVariable.str().c_str()))
    return ClangTidyAlone();
  // clang-tidy's own leaves the global keys out.
  if (llvm::any_of(
          Args, [](llvm::StringRef A) { return setsFlag(A, "dump-config"); }))
    return clang::tidy::async::dumpConfig(Argv[0], Args, ClangTidyAlone);
  if (std::optional<int> Status = runWithReports(Argv[0], Args))
    return *Status;
  if (!llvm::any_of(Args, isVerifyConfig))
    return runClangTidy(Argv[0], Args);

  // --verify-config: clang-tidy checks the names, the child the values.
  std::string Errors = clang::tidy::async::valueErrors(Argv[0], Args);
  auto VerifyNames = ClangTidyAlone;
  if (Errors.empty())
    return VerifyNames();
  llvm::errs() << Errors;
  // Names still checked, without the "No config errors detected." line.
  llvm::outs().flush();
  int Saved = dup(STDOUT_FILENO);
  int Null = open("/dev/null", O_WRONLY);
  if (Saved >= 0 && Null >= 0)
    dup2(Null, STDOUT_FILENO);
  VerifyNames();
  llvm::outs().flush();
  if (Saved >= 0) {
    dup2(Saved, STDOUT_FILENO);
    close(Saved);
  }
  if (Null >= 0)
    close(Null);
  return 1;
}

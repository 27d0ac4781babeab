//===--- ConfigChild.cpp - async-tidy -------------------------------------===//

#include "ConfigChild.h"
#include "Reports.h"
#include "engine/ConfigErrors.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <unistd.h>

namespace clang::tidy::async {

namespace {

struct ChildOutput {
  int Status = -1;
  std::string Out;
  std::string Err;
};

/// Runs this program again with Args (each transformed by Replace) and the
/// variable that asks the checks to report on stderr.
std::optional<ChildOutput>
runChild(const char *Argv0, llvm::ArrayRef<char *> Args,
         llvm::function_ref<llvm::StringRef(llvm::StringRef)> Replace) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&valueErrors));
  std::vector<llvm::StringRef> ChildArgs;
  for (char *A : Args)
    ChildArgs.push_back(Replace(A));
  std::vector<std::string> EnvStorage;
  for (char **E = environ; *E; ++E)
    EnvStorage.emplace_back(*E);
  EnvStorage.push_back((VerifyConfigVariable + "=1").str());
  std::vector<llvm::StringRef> Env(EnvStorage.begin(), EnvStorage.end());
  llvm::SmallString<128> OutFile;
  llvm::SmallString<128> ErrFile;
  if (llvm::sys::fs::createTemporaryFile("async-tidy-config", "yaml",
                                         OutFile) ||
      llvm::sys::fs::createTemporaryFile("async-tidy-config", "txt", ErrFile))
    return std::nullopt;
  const llvm::FileRemover RemoveOut(OutFile);
  const llvm::FileRemover RemoveErr(ErrFile);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutFile), llvm::StringRef(ErrFile)};
  ChildOutput Result;
  Result.Status = llvm::sys::ExecuteAndWait(Self, ChildArgs, Env, Redirects);
  auto Out = llvm::MemoryBuffer::getFile(OutFile);
  auto Err = llvm::MemoryBuffer::getFile(ErrFile);
  if (!Out || !Err)
    return std::nullopt;
  Result.Out = (*Out)->getBuffer().str();
  Result.Err = (*Err)->getBuffer().str();
  return Result;
}

llvm::StringRef asDumpConfig(llvm::StringRef Arg) {
  return setsFlag(Arg, "verify-config") ? "--dump-config" : Arg;
}

/// A YAML single-quoted scalar, as clang-tidy writes option values.
std::string quoted(llvm::StringRef Value) {
  std::string Out = "'";
  for (char C : Value) {
    Out += C;
    if (C == '\'')
      Out += '\'';
  }
  return Out + "'";
}

} // namespace

std::string valueErrors(const char *Argv0, llvm::ArrayRef<char *> Args) {
  std::optional<ChildOutput> Child = runChild(Argv0, Args, asDumpConfig);
  std::string Errors;
  if (!Child || Child->Status != 0)
    return Errors;
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Child->Err).split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.ends_with("[clang-tidy-config]"))
      Errors += (Line + "\n").str();
  return Errors;
}

int dumpConfig(const char *Argv0, llvm::ArrayRef<char *> Args,
               llvm::function_ref<int()> RunClangTidy) {
  std::optional<ChildOutput> Child =
      runChild(Argv0, Args, [](llvm::StringRef A) { return A; });
  // clang-tidy explains its own failures.
  if (!Child || Child->Status != 0)
    return RunClangTidy();
  std::map<std::string, std::string> Global;
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Child->Err).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (!Line.consume_front(AnalysisOptionMarker)) {
      if (!Line.empty() && !Line.ends_with("[clang-tidy-config]"))
        llvm::errs() << Line << "\n";
      continue;
    }
    auto [Key, Json] = Line.split(' ');
    llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Json);
    if (!Value) {
      llvm::consumeError(Value.takeError());
      continue;
    }
    if (std::optional<llvm::StringRef> S = Value->getAsString())
      Global[Key.str()] = S->str();
  }
  // Into the CheckOptions block, in order with the checks' own keys.
  llvm::SmallVector<llvm::StringRef> Out;
  llvm::StringRef(Child->Out).split(Out, '\n');
  std::string Text;
  for (size_t I = 0; I < Out.size(); ++I) {
    llvm::StringRef Line = Out[I];
    if (Global.empty() || !Line.starts_with("CheckOptions:")) {
      Text += Line.str() + (I + 1 < Out.size() ? "\n" : "");
      continue;
    }
    std::map<std::string, std::string> Block;
    for (const auto &[Key, Value] : Global)
      Block[Key] = "  " + Key + ": " + quoted(Value);
    for (; I + 1 < Out.size() && Out[I + 1].starts_with("  "); ++I)
      Block[Out[I + 1].trim().split(':').first.str()] = Out[I + 1].str();
    Text += "CheckOptions:\n";
    for (const auto &Entry : Block)
      Text += Entry.second + "\n";
  }
  llvm::outs() << Text;
  return 0;
}

} // namespace clang::tidy::async

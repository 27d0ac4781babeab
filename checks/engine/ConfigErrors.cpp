//===--- ConfigErrors.cpp - async-tidy ------------------------------------===//

#include "ConfigErrors.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <mutex>

namespace clang::tidy::async {

namespace {

bool childAsks() { return std::getenv(VerifyConfigVariable.str().c_str()); }

void report(ClangTidyContext &Tidy, llvm::StringRef Message,
            DiagnosticIDs::Level Level) {
  Tidy.configurationDiag("%0", Level) << Message;
  // Asked for by async-tidy --verify-config's child, which lives for one
  // command: read each time, so that a long-lived process (clangd) never
  // keeps a stale answer.
  if (Level != DiagnosticIDs::Error || !childAsks())
    return;
  static std::mutex Lock;
  static llvm::StringSet<> Printed;
  const std::scoped_lock Guard(Lock);
  // The child constructs the checks once per file: one line per message.
  if (Printed.insert(Message).second)
    llvm::errs() << "error: " << Message << " [clang-tidy-config]\n";
}

} // namespace

void configError(ClangTidyContext &Tidy, const llvm::Twine &Message) {
  report(Tidy, Message.str(), DiagnosticIDs::Error);
}

void configWarning(ClangTidyContext &Tidy, const llvm::Twine &Message) {
  report(Tidy, Message.str(), DiagnosticIDs::Warning);
}

void reportAnalysisOptions(const ClangTidyOptions::OptionMap &Options) {
  if (!childAsks())
    return;
  for (const auto &Entry : Options)
    llvm::errs() << AnalysisOptionMarker << Entry.getKey() << " "
                 << llvm::json::Value(
                        llvm::json::fixUTF8(Entry.getValue().Value))
                 << "\n";
}

} // namespace clang::tidy::async

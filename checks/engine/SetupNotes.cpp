//===--- SetupNotes.cpp - async-tidy --------------------------------------===//

#include "SetupNotes.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/LangStandard.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include <atomic>
#include <memory>
#include <string>

namespace clang::tidy::async {

namespace {

/// Said once per process: the set-up is the run's, not a file's.
std::atomic<bool> AsioNoted{false};

class SetupWatcher : public PPCallbacks {
public:
  SetupWatcher(Preprocessor &PP, const SourceManager &SM,
               ClangTidyContext &Tidy, llvm::StringRef CheckName)
      : PP(PP), SM(SM), Tidy(Tidy), CheckName(CheckName.str()) {}

  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind /*FileType*/,
                   FileID PrevFID) override {
    // Said on entering the main file, whose text is complete: clangd takes
    // no diagnostic once the parse is over.
    if (Reason == EnterFile && !MainEntered && SM.isWrittenInMainFile(Loc)) {
      MainEntered = true;
      noteLanguageVersion();
      return;
    }
    if (Reason != ExitFile || !PP.getLangOpts().CPlusPlus20 || AsioNoted.load())
      return;
    OptionalFileEntryRef Exited = SM.getFileEntryRefForID(PrevFID);
    if (!Exited)
      return;
    llvm::StringRef Name = Exited->getName();
    if (!Name.ends_with("asio/detail/config.hpp"))
      return;
    const bool Boost = Name.ends_with("boost/asio/detail/config.hpp");
    const std::string Prefix = Boost ? "BOOST_ASIO_" : "ASIO_";
    if (PP.isMacroDefined(Prefix + "HAS_CO_AWAIT") ||
        PP.isMacroDefined(Prefix + "DISABLE_CO_AWAIT") ||
        AsioNoted.exchange(true))
      return;
    Tidy.diag(CheckName, includedFromMainFile(PrevFID),
              "%select{Asio|Boost.Asio}0's coroutine support is off: its "
              "configuration enables co_await for GCC and MSVC only, so "
              "coroutines under '#if defined(%1HAS_CO_AWAIT)' are not "
              "analysed; if the code is built with GCC, define "
              "%1HAS_CO_AWAIT=1 and %1HAS_STD_COROUTINE=1 (ExtraArgs in "
              ".clang-tidy), or define %1DISABLE_CO_AWAIT to keep it off "
              "without this remark",
              DiagnosticIDs::Remark)
        << Boost << Prefix;
  }

private:
  void noteLanguageVersion() {
    const LangOptions &LO = PP.getLangOpts();
    if (LO.CPlusPlus20)
      return;
    SourceLocation Keyword = firstCoroutineKeyword();
    if (Keyword.isInvalid())
      return;
    Tidy.diag(CheckName, Keyword,
              "coroutines need C++20 or later, and this file is compiled as "
              "%0: its coroutines are not analysed; compile it with "
              "-std=c++20 or later (GCC's -fcoroutines does not carry over "
              "to clang), or analyse it so with --extra-arg=-std=c++20",
              DiagnosticIDs::Warning)
        << LangStandard::getLangStandardForKind(LO.LangStd).getName();
  }

  /// Where the main file's #include brought FID in.
  SourceLocation includedFromMainFile(FileID FID) const {
    SourceLocation Loc = SM.getIncludeLoc(FID);
    while (Loc.isValid() && !SM.isInMainFile(Loc))
      Loc = SM.getIncludeLoc(SM.getFileID(Loc));
    return Loc.isValid() ? Loc : SM.getLocForStartOfFile(SM.getMainFileID());
  }

  /// The first co_await, co_yield or co_return of the main file, in the
  /// code as written: below C++20 they are plain identifiers, and code
  /// under #if is read too.
  SourceLocation firstCoroutineKeyword() const {
    const FileID Main = SM.getMainFileID();
    llvm::StringRef Buffer = SM.getBufferData(Main);
    Lexer Raw(SM.getLocForStartOfFile(Main), PP.getLangOpts(), Buffer.begin(),
              Buffer.begin(), Buffer.end());
    Token Tok;
    for (bool AtEnd = false; !AtEnd;) {
      // True with the last token, which is still to be looked at.
      AtEnd = Raw.LexFromRawLexer(Tok);
      if (!Tok.is(tok::raw_identifier))
        continue;
      llvm::StringRef Name = Tok.getRawIdentifier();
      if (Name == "co_await" || Name == "co_yield" || Name == "co_return")
        return Tok.getLocation();
    }
    return {};
  }

  Preprocessor &PP;
  const SourceManager &SM;
  ClangTidyContext &Tidy;
  const std::string CheckName;
  bool MainEntered = false;
};

} // namespace

void addSetupNotes(Preprocessor &PP, const SourceManager &SM,
                   ClangTidyContext &Tidy, llvm::StringRef CheckName) {
  PP.addPPCallbacks(std::make_unique<SetupWatcher>(PP, SM, Tidy, CheckName));
}

} // namespace clang::tidy::async

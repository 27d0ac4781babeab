//===--- GccCommand.cpp - async-tidy --------------------------------------===//

#include "GccCommand.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorOr.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace clang::tidy::async {

namespace {

enum class Match : uint8_t { Exact, Prefix, Number };

struct GccOption {
  llvm::StringLiteral Spelling;
  Match How;
};

constexpr GccOption GccOptions[] = {
#define GCC_ONLY(Spelling) {Spelling, Match::Exact},
#define GCC_IMPLIED(Spelling) {Spelling, Match::Exact},
#define GCC_ONLY_PREFIX(Spelling, Example) {Spelling, Match::Prefix},
#define GCC_ONLY_NUMBER(Spelling, Example) {Spelling, Match::Number},
#include "GccOptions.def"
};

/// A program's name without a version suffix: "g++-12" is "g++".
llvm::StringRef withoutVersion(llvm::StringRef Name) {
  size_t Dash = Name.rfind('-');
  if (Dash == llvm::StringRef::npos)
    return Name;
  llvm::StringRef Suffix = Name.drop_front(Dash + 1);
  if (Suffix.empty() || !llvm::all_of(Suffix, [](char C) {
        return llvm::isDigit(C) || C == '.';
      }))
    return Name;
  return Name.take_front(Dash);
}

bool hasGccName(llvm::StringRef Path) {
  llvm::StringRef Name = withoutVersion(llvm::sys::path::filename(Path));
  return Name == "g++" || Name == "gcc" || Name.ends_with("-g++") ||
         Name.ends_with("-gcc");
}

/// c++ and cc are whichever compiler the system chose (Debian's
/// alternatives).
bool hasGenericName(llvm::StringRef Path) {
  llvm::StringRef Name = withoutVersion(llvm::sys::path::filename(Path));
  return Name == "c++" || Name == "cc";
}

/// The standards of C++20 and later: "c++20", "gnu++2b"...
bool isCxx20OrLaterStandard(llvm::StringRef Std) {
  if (!Std.consume_front("c++") && !Std.consume_front("gnu++"))
    return false;
  if (Std == "2a" || Std == "2b" || Std == "2c")
    return true;
  unsigned Year = 0;
  // 98 and 03 are last century's.
  return Std.size() == 2 && !Std.getAsInteger(10, Year) && Year >= 20 &&
         Year < 90;
}

/// Whether Args define or undefine Macro (-DMacro, -DMacro=1, -D Macro...).
bool mentionsMacro(llvm::ArrayRef<std::string> Args, llvm::StringRef Macro) {
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (!Arg.consume_front("-D") && !Arg.consume_front("-U"))
      continue;
    if (Arg.empty() && I + 1 < Args.size())
      Arg = Args[I + 1];
    if (Arg == Macro || Arg.starts_with((Macro + "=").str()))
      return true;
  }
  return false;
}

} // namespace

bool isGccDriver(llvm::StringRef Compiler) {
  if (hasGccName(Compiler))
    return true;
  if (!hasGenericName(Compiler))
    return false;
  std::string Path = Compiler.str();
  if (!Compiler.contains('/')) {
    llvm::ErrorOr<std::string> Found = llvm::sys::findProgramByName(Compiler);
    if (!Found)
      return false;
    Path = *Found;
  }
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return false;
  return hasGccName(Real);
}

bool isGccOnlyOption(llvm::StringRef Arg) {
  for (const GccOption &O : GccOptions) {
    switch (O.How) {
    case Match::Exact:
      if (Arg == O.Spelling)
        return true;
      break;
    case Match::Prefix:
      if (Arg.starts_with(O.Spelling))
        return true;
      break;
    case Match::Number:
      if (llvm::StringRef Rest = Arg;
          Rest.consume_front(O.Spelling) && !Rest.empty() &&
          llvm::all_of(Rest, [](char C) { return llvm::isDigit(C); }))
        return true;
      break;
    }
  }
  return false;
}

bool isCxx20OrLater(llvm::ArrayRef<std::string> Args) {
  bool Later = false;
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg.consume_front("-std=") || Arg.consume_front("--std="))
      Later = isCxx20OrLaterStandard(Arg);
    else if ((Arg == "-std" || Arg == "--std") && I + 1 < Args.size())
      Later = isCxx20OrLaterStandard(Args[++I]);
  }
  return Later;
}

bool adaptGccCommand(std::vector<std::string> &Args) {
  if (Args.empty() || !isGccDriver(Args.front()))
    return false;
  const size_t Before = Args.size();
  Args.erase(
      std::remove_if(Args.begin() + 1, Args.end(),
                     [](const std::string &A) { return isGccOnlyOption(A); }),
      Args.end());
  bool Changed = Args.size() != Before;
  if (!isCxx20OrLater(Args))
    return Changed;
  // GCC's own definitions, as Asio's and Boost.Asio's configuration headers
  // make them for GCC and C++20; they name nothing outside those libraries.
  std::vector<std::string> Defines;
  for (llvm::StringRef Prefix : {"ASIO_", "BOOST_ASIO_"}) {
    for (auto [Has, Disable] :
         {std::pair<llvm::StringRef, llvm::StringRef>{"HAS_CO_AWAIT",
                                                      "DISABLE_CO_AWAIT"},
          {"HAS_STD_COROUTINE", "DISABLE_STD_COROUTINE"}}) {
      std::string Name = (Prefix + Has).str();
      if (!mentionsMacro(Args, Name) &&
          !mentionsMacro(Args, (Prefix + Disable).str()))
        Defines.push_back("-D" + Name + "=1");
    }
  }
  // After the compiler and before the command's own options, which win.
  Args.insert(Args.begin() + 1, Defines.begin(), Defines.end());
  return Changed || !Defines.empty();
}

} // namespace clang::tidy::async

//===--- AsyncClangdMain.cpp - async-tidy ---------------------------------===//
//
// async-clangd: clangd with the async-* checks built in. Stock clangd cannot
// load clang-tidy plugins, so the checks are linked in and registered with
// clang-tidy's module registry, which clangd reads for every file.
//
//===----------------------------------------------------------------------===//

#include "ClangdMain.h"
#include "ResourceDir.h"
#include "Version.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

/// clangd prints its version and exits from its option parsing, with a
/// printer of its own that leaves no room for another line: ours is printed
/// at that exit. The option takes no value.
static bool asksForVersion(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    const llvm::StringRef Arg = Argv[I];
    if (Arg == "--")
      break;
    if (Arg == "--version" || Arg == "-version")
      return true;
  }
  return false;
}

int main(int Argc, char **Argv) {
  if (asksForVersion(Argc, Argv)) {
    // Constructed before the handler is registered, so destroyed after it.
    llvm::outs();
    std::atexit([] {
      clang::tidy::async::printVersionLine(llvm::outs(), "async-clangd");
      llvm::outs().flush();
    });
  }
  std::string Storage;
  std::vector<char *> Args = clang::tidy::async::withResourceDir(
      Argc, Argv, "--resource-dir=", {"--resource-dir", "-resource-dir"},
      Storage);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}

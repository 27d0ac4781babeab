//===--- AsyncTidyMain.cpp - async-tidy -----------------------------------===//
//
// async-tidy: clang-tidy with the async-* checks built in.
//
//===----------------------------------------------------------------------===//

#include "ResourceDir.h"
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, char **Argv) {
  std::string Storage;
  // Placed before the compile command's own flags, which therefore win.
  std::vector<char *> Args = clang::tidy::async::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=",
      {"--extra-arg-before=-resource-dir", "-extra-arg-before=-resource-dir"},
      Storage);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()),
                                    const_cast<const char **>(Args.data()));
}

//===--- AsyncClangdMain.cpp - async-tidy ---------------------------------===//
//
// async-clangd: clangd with the async-* checks built in. Stock clangd cannot
// load clang-tidy plugins, so the checks are linked in and registered with
// clang-tidy's module registry, which clangd reads for every file.
//
//===----------------------------------------------------------------------===//

#include "ClangdMain.h"
#include "ResourceDir.h"

int main(int Argc, char **Argv) {
  std::string Storage;
  std::vector<char *> Args = clang::tidy::async::withResourceDir(
      Argc, Argv, "--resource-dir=", {"--resource-dir", "-resource-dir"},
      Storage);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}

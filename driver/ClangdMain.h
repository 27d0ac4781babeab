//===--- ClangdMain.h - async-tidy ------------------------------*- C++ -*-===//
//
// clangd's entry point, defined in libclangdMain.a, which ships no header of
// it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_CLANGDMAIN_H
#define ASYNC_TIDY_DRIVER_CLANGDMAIN_H

namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

#endif // ASYNC_TIDY_DRIVER_CLANGDMAIN_H

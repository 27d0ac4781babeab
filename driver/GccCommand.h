//===--- GccCommand.h - async-tidy ------------------------------*- C++ -*-===//
//
// Compile commands of GCC's, made fit for clang: most C++ coroutine code is
// built with GCC, and clang stops at the options it does not know
// ("unknown argument: '-fconcepts-diagnostics-depth=3'"). async-tidy and
// async-clangd pass every command through adaptGccCommand.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_GCCCOMMAND_H
#define ASYNC_TIDY_DRIVER_GCCCOMMAND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Whether Compiler, a compile command's first argument, is GCC's driver:
/// g++ or gcc, versioned (g++-12) or for another target
/// (aarch64-linux-gnu-g++), or c++ and cc when they resolve to one of these
/// through symbolic links. The compiler is never run.
bool isGccDriver(llvm::StringRef Compiler);

/// Whether Arg is an option of GCC's that clang rejects, or accepts and
/// ignores (GccOptions.def).
bool isGccOnlyOption(llvm::StringRef Arg);

/// Whether the last -std= of Args is C++20 or later.
bool isCxx20OrLater(llvm::ArrayRef<std::string> Args);

/// When Args (compiler first) is a GCC command: drops its GCC-only options
/// and, when it compiles C++20 or later, defines the macros with which
/// Asio's configuration turns coroutines on under GCC and not under clang
/// (a definition or undefinition of the command's own wins). Other commands
/// are left alone. Returns whether Args changed.
bool adaptGccCommand(std::vector<std::string> &Args);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_GCCCOMMAND_H

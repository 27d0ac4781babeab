//===--- ExportedDiagnostics.h - async-tidy ---------------------*- C++ -*-===//
//
// Reads the diagnostics clang-tidy writes with --export-fixes, the input of
// the driver's SARIF output and baselines.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_EXPORTEDDIAGNOSTICS_H
#define ASYNC_TIDY_DRIVER_EXPORTEDDIAGNOSTICS_H

#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace clang::tidy::async {

/// The diagnostics in an --export-fixes file.
llvm::Expected<std::vector<tooling::Diagnostic>>
readExportedDiagnostics(llvm::StringRef Path);

/// A diagnostic's file as an absolute path without symbolic links, the form
/// the checks give baselines: relative paths are relative to the
/// diagnostic's build directory.
std::string absolutePath(llvm::StringRef FilePath,
                         llvm::StringRef BuildDirectory);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_EXPORTEDDIAGNOSTICS_H

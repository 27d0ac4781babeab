//===--- ExportedDiagnostics.cpp - async-tidy -----------------------------===//

#include "ExportedDiagnostics.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::async {

llvm::Expected<std::vector<tooling::Diagnostic>>
readExportedDiagnostics(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  tooling::TranslationUnitDiagnostics Exported;
  llvm::yaml::Input YAML((*Buffer)->getBuffer());
  YAML >> Exported;
  if (YAML.error())
    return llvm::createStringError(YAML.error(), "cannot parse %s: %s",
                                   Path.str().c_str(),
                                   YAML.error().message().c_str());
  return std::move(Exported.Diagnostics);
}

std::string absolutePath(llvm::StringRef FilePath,
                         llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> Path;
  if (llvm::sys::path::is_absolute(FilePath))
    Path = FilePath;
  else
    llvm::sys::path::append(Path, BuildDirectory, FilePath);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return Real.str().str();
  return Path.str().str();
}

} // namespace clang::tidy::async

//===--- ClangTidyHooks.cpp - async-tidy ----------------------------------===//
//
// clang-tidy has no hook through which a program embedding it could adjust
// compile commands: clangTidyMain loads the compile database and hands it
// to runClangTidy (ClangTidy.h). async-tidy is linked with
// --wrap=<runClangTidy> (driver/CMakeLists.txt), so that call lands here
// and runs clang-tidy on the same database with GCC's commands made fit for
// clang (GccCommand.h), whichever way the database came: -p, found next to
// the sources, or after "--" (CMake's CMAKE_CXX_CLANG_TIDY).
//
//===----------------------------------------------------------------------===//

#include "GccCommand.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Basic/Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <type_traits>

namespace clang::tidy::async {

namespace {

/// A compile database whose GCC commands are adapted as they are read.
class GccAdaptedDatabase : public tooling::CompilationDatabase {
public:
  explicit GccAdaptedDatabase(const tooling::CompilationDatabase &Base)
      : Base(Base) {}

  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    return adapted(Base.getCompileCommands(FilePath));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base.getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return adapted(Base.getAllCompileCommands());
  }

private:
  static std::vector<tooling::CompileCommand>
  adapted(std::vector<tooling::CompileCommand> Commands) {
    for (tooling::CompileCommand &C : Commands)
      adaptGccCommand(C.CommandLine);
    return Commands;
  }

  const tooling::CompilationDatabase &Base;
};

} // namespace

} // namespace clang::tidy::async

using clang::tidy::ClangTidyContext;
using clang::tidy::ClangTidyError;
using clang::tooling::CompilationDatabase;
using llvm::IntrusiveRefCntPtr;
using llvm::vfs::OverlayFileSystem;

// The symbol's name comes from the archive (ASYNC_TIDY_RUN_CLANG_TIDY, found
// by CMake); its signature from ClangTidy.h, checked below. LLVM 22 added
// the last parameter. The linker reaches these by their symbols: they must
// stay external.
// NOLINTBEGIN(misc-use-internal-linkage)
#if CLANG_VERSION_MAJOR >= 22
std::vector<ClangTidyError> realRunClangTidy(
    ClangTidyContext &, const CompilationDatabase &,
    llvm::ArrayRef<std::string>, IntrusiveRefCntPtr<OverlayFileSystem>, bool,
    bool, llvm::StringRef, bool) __asm__("__real_" ASYNC_TIDY_RUN_CLANG_TIDY);
std::vector<ClangTidyError>
wrapRunClangTidy(ClangTidyContext &Context,
                 const CompilationDatabase &Compilations,
                 llvm::ArrayRef<std::string> InputFiles,
                 IntrusiveRefCntPtr<OverlayFileSystem> BaseFS, bool ApplyAnyFix,
                 bool EnableCheckProfile, llvm::StringRef StoreCheckProfile,
                 bool Quiet) __asm__("__wrap_" ASYNC_TIDY_RUN_CLANG_TIDY);

std::vector<ClangTidyError> wrapRunClangTidy(
    ClangTidyContext &Context, const CompilationDatabase &Compilations,
    llvm::ArrayRef<std::string> InputFiles,
    IntrusiveRefCntPtr<OverlayFileSystem> BaseFS, bool ApplyAnyFix,
    bool EnableCheckProfile, llvm::StringRef StoreCheckProfile, bool Quiet) {
  const clang::tidy::async::GccAdaptedDatabase Adapted(Compilations);
  return realRunClangTidy(Context, Adapted, InputFiles, std::move(BaseFS),
                          ApplyAnyFix, EnableCheckProfile, StoreCheckProfile,
                          Quiet);
}
#else
std::vector<ClangTidyError>
realRunClangTidy(ClangTidyContext &, const CompilationDatabase &,
                 llvm::ArrayRef<std::string>,
                 IntrusiveRefCntPtr<OverlayFileSystem>, bool, bool,
                 llvm::StringRef) __asm__("__real_" ASYNC_TIDY_RUN_CLANG_TIDY);
std::vector<ClangTidyError> wrapRunClangTidy(
    ClangTidyContext &Context, const CompilationDatabase &Compilations,
    llvm::ArrayRef<std::string> InputFiles,
    IntrusiveRefCntPtr<OverlayFileSystem> BaseFS, bool ApplyAnyFix,
    bool EnableCheckProfile,
    llvm::StringRef
        StoreCheckProfile) __asm__("__wrap_" ASYNC_TIDY_RUN_CLANG_TIDY);

std::vector<ClangTidyError>
wrapRunClangTidy(ClangTidyContext &Context,
                 const CompilationDatabase &Compilations,
                 llvm::ArrayRef<std::string> InputFiles,
                 IntrusiveRefCntPtr<OverlayFileSystem> BaseFS, bool ApplyAnyFix,
                 bool EnableCheckProfile, llvm::StringRef StoreCheckProfile) {
  const clang::tidy::async::GccAdaptedDatabase Adapted(Compilations);
  return realRunClangTidy(Context, Adapted, InputFiles, std::move(BaseFS),
                          ApplyAnyFix, EnableCheckProfile, StoreCheckProfile);
}
#endif
// NOLINTEND(misc-use-internal-linkage)

static_assert(std::is_same_v<decltype(&realRunClangTidy),
                             decltype(&clang::tidy::runClangTidy)>,
              "runClangTidy's signature changed: update ClangTidyHooks.cpp");

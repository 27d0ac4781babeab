//===--- ClangdHooks.cpp - async-tidy -------------------------------------===//
//
// clangd offers no hook for what async-clangd changes, and ships no headers:
// async-clangd is linked with the linker's --wrap on three of clangd's
// functions (driver/CMakeLists.txt, which finds each in libclangDaemon.a),
// so that their callers land here first:
//
// - isFastTidyCheck: clangd runs only the clang-tidy checks it has timed
//   (FastCheckFilter: Strict, its default) from a list compiled into it.
//   The async-* checks are timed the same way (docs/editors.md) and are
//   fast.
// - CommandMangler::operator(): where clangd adjusts every compile command
//   before its own and the user's CompileFlags edits. GCC's commands are
//   made fit for clang here (GccCommand.h), as async-tidy does.
// - toJSON(PublishDiagnosticsParams): clangd links every clang-tidy
//   diagnostic to clang.llvm.org, where no async-* page exists; ours link
//   to the project's docs.
//
// Only what LLVM's installed headers declare is touched; clangd's own
// objects are passed through opaque.
//
//===----------------------------------------------------------------------===//

#include "DocsUrl.h"
#include "GccCommand.h"
#include "engine/Category.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include <optional>

namespace clang::clangd {
class CommandMangler;
struct PublishDiagnosticsParams;
} // namespace clang::clangd

namespace clang::tidy::async {
namespace {

llvm::cl::OptionCategory AsyncTidyCategory("async-clangd options");

llvm::cl::opt<std::string> DocsUrl(
    "async-tidy-docs-url",
    llvm::cl::desc("URL of async-tidy's docs/ directory, to which the async-* "
                   "diagnostics link"),
    llvm::cl::init(DefaultDocsUrl.str()), llvm::cl::cat(AsyncTidyCategory));

bool isAsyncCheck(llvm::StringRef Name) {
  return llvm::any_of(categories(), [&](const CategoryInfo &I) {
    return checkName(I.Cat) == Name;
  });
}

} // namespace
} // namespace clang::tidy::async

using clang::clangd::CommandMangler;
using clang::clangd::PublishDiagnosticsParams;

// The symbols' names come from CMake, which found them in libclangDaemon.a;
// the signatures are clangd's (TidyProvider.h, CompileCommands.h,
// Protocol.h) in LLVM 19 and 22. The linker reaches these by their symbols:
// they must stay external.
// NOLINTBEGIN(misc-use-internal-linkage)
std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real_" ASYNC_TIDY_IS_FAST_TIDY_CHECK);
std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap_" ASYNC_TIDY_IS_FAST_TIDY_CHECK);
void realMangle(
    const CommandMangler *Mangler, clang::tooling::CompileCommand &Command,
    llvm::StringRef TargetFile) __asm__("__real_" ASYNC_TIDY_MANGLE);
void wrapMangle(
    const CommandMangler *Mangler, clang::tooling::CompileCommand &Command,
    llvm::StringRef TargetFile) __asm__("__wrap_" ASYNC_TIDY_MANGLE);
llvm::json::Value
realPublishToJSON(const PublishDiagnosticsParams &Params) __asm__(
    "__real_" ASYNC_TIDY_PUBLISH_TO_JSON);
llvm::json::Value
wrapPublishToJSON(const PublishDiagnosticsParams &Params) __asm__(
    "__wrap_" ASYNC_TIDY_PUBLISH_TO_JSON);

std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) {
  if (clang::tidy::async::isAsyncCheck(Check))
    return true;
  return realIsFastTidyCheck(Check);
}

void wrapMangle(const CommandMangler *Mangler,
                clang::tooling::CompileCommand &Command,
                llvm::StringRef TargetFile) {
  clang::tidy::async::adaptGccCommand(Command.CommandLine);
  realMangle(Mangler, Command, TargetFile);
}

llvm::json::Value wrapPublishToJSON(const PublishDiagnosticsParams &Params) {
  llvm::json::Value Published = realPublishToJSON(Params);
  llvm::json::Object *Object = Published.getAsObject();
  llvm::json::Array *Diagnostics =
      Object ? Object->getArray("diagnostics") : nullptr;
  if (!Diagnostics)
    return Published;
  for (llvm::json::Value &D : *Diagnostics) {
    llvm::json::Object *Diagnostic = D.getAsObject();
    std::optional<llvm::StringRef> Code =
        Diagnostic ? Diagnostic->getString("code") : std::nullopt;
    if (Code && clang::tidy::async::isAsyncCheck(*Code))
      (*Diagnostic)["codeDescription"] =
          llvm::json::Object{{"href", clang::tidy::async::checkDocsUrl(
                                          *Code, clang::tidy::async::DocsUrl)}};
  }
  return Published;
}
// NOLINTEND(misc-use-internal-linkage)

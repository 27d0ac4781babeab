//===--- Rules.h - async-tidy -----------------------------------*- C++ -*-===//
//
// What the driver's reports say about each rule (check) they name: the
// async-* checks' names and one-line descriptions from the category table,
// their help taken from their pages in docs/checks/ at build time; and a
// generic description for other clang-tidy checks and compiler diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_RULES_H
#define ASYNC_TIDY_DRIVER_RULES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::async {

/// The project's home page.
inline constexpr llvm::StringLiteral ProjectUrl =
    "https://github.com/async-tidy/async-tidy";

struct RuleInfo {
  std::string Id;
  /// The id in PascalCase ("AsyncBlockingSleep"), SARIF's friendly name.
  std::string Name;
  std::string ShortDescription;
  std::string FullDescription;
  std::string HelpText;
  std::string HelpMarkdown;
  std::string HelpUri;
};

/// The async-* checks (one per category of checks/engine/Categories.def),
/// in the order reports list them.
std::vector<std::string> asyncCheckNames();

/// The description of Id: an async-* check's comes from its page, whose
/// relative links are resolved against DocsUrl (the docs/ directory's URL);
/// another check's or a compiler diagnostic's points to LLVM's pages.
RuleInfo ruleInfo(llvm::StringRef Id, llvm::StringRef DocsUrl);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_RULES_H

//===--- DocsUrl.h - async-tidy ---------------------------------*- C++ -*-===//
//
// Where the project's docs are published (CMake's ASYNC_TIDY_DOCS_URL): the
// SARIF rules' help and the editor's diagnostics link each check to its page
// there.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_DOCSURL_H
#define ASYNC_TIDY_DRIVER_DOCSURL_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include <string>

namespace clang::tidy::async {

/// The URL of the docs/ directory, unless an option says otherwise.
inline constexpr llvm::StringLiteral DefaultDocsUrl = ASYNC_TIDY_DOCS_URL;

/// The URL of a check's page under DocsUrl.
inline std::string checkDocsUrl(llvm::StringRef Check,
                                llvm::StringRef DocsUrl) {
  DocsUrl.consume_back("/");
  return (DocsUrl + "/checks/" + Check + ".md").str();
}

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_DRIVER_DOCSURL_H

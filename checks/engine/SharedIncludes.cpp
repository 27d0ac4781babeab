//===--- SharedIncludes.cpp - async-tidy ----------------------------------===//

#include "SharedIncludes.h"

namespace clang::tidy::async {

SharedIncludes::SharedIncludes(utils::IncludeSorter::IncludeStyle Style,
                               Preprocessor *PP)
    // Deduplicated here, per set of fixes applied together.
    : Inserter(Style, /*SelfContainedDiags=*/true) {
  Inserter.registerPreprocessor(PP);
}

std::optional<FixItHint> SharedIncludes::insert(FileID File,
                                                llvm::StringRef Header,
                                                AppliedWith When,
                                                bool SelfContained) {
  if (!SelfContained && When != AppliedWith::Never) {
    std::string Key = (llvm::Twine(File.getHashValue()) + ":" + Header).str();
    if (!Inserted[When == AppliedWith::Note].insert(Key).second)
      return std::nullopt;
  }
  return Inserter.createIncludeInsertion(File, Header);
}

} // namespace clang::tidy::async

//===--- FindingFilter.cpp - async-tidy -----------------------------------===//

#include "FindingFilter.h"
#include <atomic>

namespace clang::tidy::async {

static std::atomic<FindingFilter *> Installed{nullptr};

FindingFilter::~FindingFilter() = default;

void setFindingFilter(FindingFilter *Filter) { Installed = Filter; }

FindingFilter *findingFilter() { return Installed; }

} // namespace clang::tidy::async

//===--- Category.h - async-tidy --------------------------------*- C++ -*-===//
//
// The kinds of blocking call, made from the table in Categories.def.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_CATEGORY_H
#define ASYNC_TIDY_ENGINE_CATEGORY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>

namespace clang::tidy::async {

enum class Category : uint8_t {
#define ASYNC_TIDY_CATEGORY(Id, Name, OptIn, Summary) Id,
#include "Categories.def"
};

inline constexpr Category AllCategories[] = {
#define ASYNC_TIDY_CATEGORY(Id, Name, OptIn, Summary) Category::Id,
#include "Categories.def"
};
inline constexpr unsigned NumCategories = std::size(AllCategories);

/// The prefix of every check's name: async-blocking-<category>.
inline constexpr llvm::StringLiteral CheckPrefix = "async-blocking-";

struct CategoryInfo {
  Category Cat;
  llvm::StringLiteral Name;
  /// The check's option that reports the opt-in entries; empty if none.
  llvm::StringLiteral OptInOption;
  llvm::StringLiteral Summary;
};

/// Every category, in the table's order.
llvm::ArrayRef<CategoryInfo> categories();
const CategoryInfo &categoryInfo(Category C);
llvm::StringRef categoryName(Category C);
std::optional<Category> parseCategory(llvm::StringRef Name);
/// The check reporting a category: "async-blocking-sleep".
std::string checkName(Category C);
/// The category of a check's name, if it is one of ours.
std::optional<Category> categoryOfCheck(llvm::StringRef CheckName);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_CATEGORY_H

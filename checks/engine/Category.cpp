//===--- Category.cpp - async-tidy ----------------------------------------===//

#include "Category.h"
#include "llvm/ADT/Twine.h"

namespace clang::tidy::async {

static constexpr CategoryInfo Table[] = {
#define ASYNC_TIDY_CATEGORY(Id, Name, OptIn, Summary)                          \
  {Category::Id, Name, OptIn, Summary},
#include "Categories.def"
};
static_assert(std::size(Table) == NumCategories);

llvm::ArrayRef<CategoryInfo> categories() { return Table; }

const CategoryInfo &categoryInfo(Category C) {
  return Table[static_cast<unsigned>(C)];
}

llvm::StringRef categoryName(Category C) { return categoryInfo(C).Name; }

std::optional<Category> parseCategory(llvm::StringRef Name) {
  for (const CategoryInfo &I : Table)
    if (I.Name == Name)
      return I.Cat;
  return std::nullopt;
}

std::string checkName(Category C) {
  return (llvm::Twine(CheckPrefix) + categoryName(C)).str();
}

std::optional<Category> categoryOfCheck(llvm::StringRef CheckName) {
  if (!CheckName.consume_front(CheckPrefix))
    return std::nullopt;
  return parseCategory(CheckName);
}

} // namespace clang::tidy::async

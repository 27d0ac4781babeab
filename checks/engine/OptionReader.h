//===--- OptionReader.h - async-tidy ----------------------------*- C++ -*-===//
//
// Reads options from the configuration in force, under one prefix: "" for
// the global keys of the analysis-wide options, "async-blocking-db." for a
// check's own. Values are judged here rather than by clang-tidy's
// OptionsView, whose complaints are warnings that --verify-config cannot
// see; what is wrong is an error naming the key as the user wrote it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_OPTIONREADER_H
#define ASYNC_TIDY_ENGINE_OPTIONREADER_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::async {

class OptionReader {
public:
  OptionReader(ClangTidyContext &Tidy, std::string Prefix);

  /// The key of an option as the configuration spells it.
  std::string key(llvm::StringRef Name) const { return Prefix + Name.str(); }
  /// The value given, if any; --verify-config then knows the key.
  std::optional<llvm::StringRef> get(llvm::StringRef Name) const;
  llvm::StringRef get(llvm::StringRef Name, llvm::StringRef Default) const;
  std::optional<bool> getBool(llvm::StringRef Name) const;
  bool getBool(llvm::StringRef Name, bool Default) const {
    return getBool(Name).value_or(Default);
  }
  /// A depth of the transitive search, from 1 to MaxMaxDepth.
  std::optional<unsigned> getDepth(llvm::StringRef Name) const;
  /// A ';'-separated list of qualified names, as components. With
  /// Wildcards, '*' stands for any one name (and a leading '*' for any
  /// enclosing scopes), as in the catalog; elsewhere it is an error.
  std::vector<std::vector<std::string>>
  getNames(llvm::StringRef Name, bool Wildcards = false,
           llvm::StringRef What = "a qualified function name") const;
  /// Splits a qualified name Item of option Name into its components; an
  /// empty result after reporting the error when it is not one.
  std::vector<std::string> qualifiedName(llvm::StringRef Name,
                                         llvm::StringRef Item,
                                         llvm::StringRef Text, bool Wildcards,
                                         const llvm::Twine &Expected) const;
  /// The items of a ';'-separated list.
  std::vector<llvm::StringRef> getList(llvm::StringRef Name) const;

  void invalidValue(llvm::StringRef Name, llvm::StringRef Value,
                    const llvm::Twine &Expected) const;
  void invalidEntry(llvm::StringRef Name, llvm::StringRef Item,
                    const llvm::Twine &Expected) const;
  void error(const llvm::Twine &Message) const;
  void warning(const llvm::Twine &Message) const;

  ClangTidyContext &tidy() const { return Tidy; }

private:
  ClangTidyContext &Tidy;
  const ClangTidyOptions::OptionMap &Map;
  const std::string Prefix;
};

inline constexpr unsigned DefaultMaxDepth = 8;
inline constexpr unsigned MaxMaxDepth = 64;

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_OPTIONREADER_H

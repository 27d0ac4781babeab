//===--- OptionReader.cpp - async-tidy ------------------------------------===//

#include "OptionReader.h"
#include "Catalog.h"
#include "ConfigErrors.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "llvm/Support/YAMLParser.h"

namespace clang::tidy::async {

OptionReader::OptionReader(ClangTidyContext &Tidy, std::string Prefix)
    : Tidy(Tidy), Map(Tidy.getOptions().CheckOptions),
      Prefix(std::move(Prefix)) {}

std::optional<llvm::StringRef> OptionReader::get(llvm::StringRef Name) const {
  const std::string Key = key(Name);
  // --verify-config knows the options the checks read from this collector.
  if (llvm::StringSet<> *Collector = Tidy.getOptionsCollector())
    Collector->insert(Key);
  auto It = Map.find(Key);
  if (It == Map.end())
    return std::nullopt;
  return llvm::StringRef(It->getValue().Value);
}

llvm::StringRef OptionReader::get(llvm::StringRef Name,
                                  llvm::StringRef Default) const {
  return get(Name).value_or(Default);
}

std::optional<bool> OptionReader::getBool(llvm::StringRef Name) const {
  std::optional<llvm::StringRef> Value = get(Name);
  if (!Value)
    return std::nullopt;
  if (std::optional<bool> Parsed = llvm::yaml::parseBool(Value->trim()))
    return Parsed;
  long long Number = 0;
  if (!Value->trim().getAsInteger(10, Number))
    return Number != 0;
  invalidValue(Name, *Value, "true or false");
  return std::nullopt;
}

std::optional<unsigned> OptionReader::getDepth(llvm::StringRef Name) const {
  std::optional<llvm::StringRef> Value = get(Name);
  if (!Value)
    return std::nullopt;
  unsigned Depth = 0;
  if (Value->trim().getAsInteger(10, Depth) || Depth == 0 ||
      Depth > MaxMaxDepth) {
    invalidValue(Name, *Value, "a depth from 1 to " + llvm::Twine(MaxMaxDepth));
    return std::nullopt;
  }
  return Depth;
}

std::vector<llvm::StringRef> OptionReader::getList(llvm::StringRef Name) const {
  return utils::options::parseStringList(get(Name, ""));
}

std::vector<std::vector<std::string>>
OptionReader::getNames(llvm::StringRef Name, bool Wildcards,
                       llvm::StringRef What) const {
  std::vector<std::vector<std::string>> Names;
  for (llvm::StringRef Item : getList(Name)) {
    std::vector<std::string> Parts =
        qualifiedName(Name, Item, Item, Wildcards, What);
    if (!Parts.empty())
      Names.push_back(std::move(Parts));
  }
  return Names;
}

std::vector<std::string>
OptionReader::qualifiedName(llvm::StringRef Name, llvm::StringRef Item,
                            llvm::StringRef Text, bool Wildcards,
                            const llvm::Twine &Expected) const {
  std::vector<std::string> Parts = Catalog::splitQualifiedName(Text);
  if (Parts.empty()) {
    invalidEntry(Name, Item, Expected);
    return {};
  }
  auto IsWildcard = [](const std::string &P) { return P == "*"; };
  if (!Wildcards && llvm::any_of(Parts, IsWildcard)) {
    error("invalid entry '" + Item + "' in option '" + key(Name) +
          "': '*' is a wildcard only in BlockingFunctions and "
          "AllowedFunctions; name the function");
    return {};
  }
  // '*' alone would be every C function, '*::*' every other one.
  if (llvm::all_of(Parts, IsWildcard)) {
    error("invalid entry '" + Item + "' in option '" + key(Name) +
          "': a name of wildcards only matches every function; name a "
          "namespace or class ('app::*') or the function ('*::query')");
    return {};
  }
  return Parts;
}

void OptionReader::invalidValue(llvm::StringRef Name, llvm::StringRef Value,
                                const llvm::Twine &Expected) const {
  error("invalid configuration value '" + Value + "' for option '" + key(Name) +
        "'; expected " + Expected);
}

void OptionReader::invalidEntry(llvm::StringRef Name, llvm::StringRef Item,
                                const llvm::Twine &Expected) const {
  error("invalid entry '" + Item + "' in option '" + key(Name) +
        "': expected " + Expected);
}

void OptionReader::error(const llvm::Twine &Message) const {
  configError(Tidy, Message);
}

void OptionReader::warning(const llvm::Twine &Message) const {
  configWarning(Tidy, Message);
}

} // namespace clang::tidy::async

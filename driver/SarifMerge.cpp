//===--- SarifMerge.cpp - async-tidy --------------------------------------===//

#include "SarifMerge.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include <map>
#include <set>
#include <tuple>

namespace clang::tidy::async {

namespace json = llvm::json;

namespace {

constexpr llvm::StringLiteral RootId = "%SRCROOT%";
constexpr llvm::StringLiteral FingerprintName = "asyncTidyFindingHash/v1";

std::string str(const json::Object *O, llvm::StringRef Key) {
  if (!O)
    return "";
  std::optional<llvm::StringRef> S = O->getString(Key);
  return S ? S->str() : "";
}

/// Runs are one when their tool, category and root are.
std::string runKey(const json::Object &Run) {
  const json::Object *Tool = Run.getObject("tool");
  const json::Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
  const json::Object *Bases = Run.getObject("originalUriBaseIds");
  const json::Object *Root = Bases ? Bases->getObject(RootId) : nullptr;
  return str(Driver, "name") + '\0' +
         str(Run.getObject("automationDetails"), "id") + '\0' +
         str(Root, "uri");
}

using Units = std::set<std::string>;

/// The units an object names; std::nullopt when it names none (a log not
/// written by this version): such an entry is never replaced.
std::optional<Units> unitsOf(const json::Object &O) {
  const json::Object *Properties = O.getObject("properties");
  const json::Array *List =
      Properties ? Properties->getArray(UnitsProperty) : nullptr;
  if (!List)
    return std::nullopt;
  Units Result;
  for (const json::Value &V : *List)
    if (std::optional<llvm::StringRef> S = V.getAsString())
      Result.insert(S->str());
  return Result;
}

void setUnits(json::Object &O, const Units &U) {
  json::Array List;
  for (const std::string &S : U)
    List.push_back(S);
  json::Object *Properties = O.getObject("properties");
  if (!Properties) {
    O["properties"] = json::Object{};
    Properties = O.getObject("properties");
  }
  (*Properties)[UnitsProperty] = std::move(List);
}

json::Array *array(json::Object &O, llvm::StringRef Key) {
  if (!O.getArray(Key))
    O[Key] = json::Array{};
  return O.getArray(Key);
}

/// Removes Gone from the units of each entry of List; an entry left with
/// none is dropped.
void forgetUnits(json::Array &List,
                 llvm::function_ref<bool(const std::string &)> Gone) {
  json::Array Kept;
  for (json::Value &V : List) {
    json::Object *O = V.getAsObject();
    std::optional<Units> U = O ? unitsOf(*O) : std::nullopt;
    if (!U) {
      Kept.push_back(std::move(V));
      continue;
    }
    Units Left;
    for (const std::string &S : *U)
      if (!Gone(S))
        Left.insert(S);
    if (Left.empty())
      continue;
    setUnits(*O, Left);
    Kept.push_back(std::move(V));
  }
  List = std::move(Kept);
}

struct Place {
  std::string Uri;
  int64_t Line = 0;
  int64_t Column = 0;
};

Place placeOf(const json::Object &Result) {
  Place P;
  const json::Array *Locations = Result.getArray("locations");
  if (!Locations || Locations->empty())
    return P;
  const json::Object *L = (*Locations)[0].getAsObject();
  const json::Object *Physical = L ? L->getObject("physicalLocation") : nullptr;
  if (!Physical)
    return P;
  const json::Object *Artifact = Physical->getObject("artifactLocation");
  P.Uri = str(Artifact, "uriBaseId") + '\0' + str(Artifact, "uri");
  if (const json::Object *Region = Physical->getObject("region")) {
    P.Line = Region->getInteger("startLine").value_or(0);
    P.Column = Region->getInteger("startColumn").value_or(0);
  }
  return P;
}

/// The same finding, reported through two units (a header's).
std::string identity(const json::Object &Result) {
  Place P = placeOf(Result);
  return str(&Result, "ruleId") + '\0' + P.Uri + '\0' + std::to_string(P.Line) +
         '\0' + std::to_string(P.Column) + '\0' +
         str(Result.getObject("message"), "text");
}

void mergeRun(json::Object &Into, json::Object &From) {
  json::Array *Results = array(Into, "results");
  json::Array *Invocations = array(Into, "invocations");
  json::Array *NewResults = array(From, "results");
  json::Array *NewInvocations = array(From, "invocations");
  // The units From analysed: what Into holds for them is replaced.
  Units Replaced;
  for (const json::Array *List : {NewResults, NewInvocations})
    for (const json::Value &V : *List)
      if (const json::Object *O = V.getAsObject())
        if (std::optional<Units> U = unitsOf(*O))
          Replaced.insert(U->begin(), U->end());
  auto IsReplaced = [&](const std::string &U) { return Replaced.count(U); };
  forgetUnits(*Results, IsReplaced);
  forgetUnits(*Invocations, IsReplaced);

  std::map<std::string, size_t> Seen;
  for (size_t I = 0; I < Results->size(); ++I)
    if (const json::Object *O = (*Results)[I].getAsObject())
      Seen.emplace(identity(*O), I);
  for (json::Value &V : *NewResults) {
    json::Object *O = V.getAsObject();
    if (!O)
      continue;
    auto [It, New] = Seen.emplace(identity(*O), Results->size());
    if (New) {
      Results->push_back(std::move(V));
      continue;
    }
    // Found through another unit too: the new copy, naming both.
    json::Object *Old = (*Results)[It->second].getAsObject();
    std::optional<Units> U = unitsOf(*O);
    std::optional<Units> OldUnits = unitsOf(*Old);
    if (U && OldUnits) {
      U->insert(OldUnits->begin(), OldUnits->end());
      setUnits(*O, *U);
    }
    (*Results)[It->second] = std::move(V);
  }
  for (json::Value &V : *NewInvocations)
    Invocations->push_back(std::move(V));

  // Rules: Into's, then those only From has.
  json::Object *Tool = Into.getObject("tool");
  json::Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
  json::Object *FromTool = From.getObject("tool");
  json::Object *FromDriver = FromTool ? FromTool->getObject("driver") : nullptr;
  if (Driver && FromDriver) {
    json::Array *Rules = array(*Driver, "rules");
    std::set<std::string> Ids;
    for (const json::Value &R : *Rules)
      Ids.insert(str(R.getAsObject(), "id"));
    for (json::Value &R : *array(*FromDriver, "rules"))
      if (Ids.insert(str(R.getAsObject(), "id")).second)
        Rules->push_back(std::move(R));
  }
}

/// Sorts List by Key, keeping the order of equal elements.
template <typename KeyFn> void sortBy(json::Array &List, KeyFn Key) {
  using K = decltype(Key(std::declval<const json::Value &>()));
  std::vector<std::pair<K, size_t>> Order;
  Order.reserve(List.size());
  for (size_t I = 0; I < List.size(); ++I)
    Order.emplace_back(Key(List[I]), I);
  llvm::sort(Order);
  json::Array Sorted;
  for (const auto &Entry : Order)
    Sorted.push_back(std::move(List[Entry.second]));
  List = std::move(Sorted);
}

/// Orders a merged run's results by place, whatever the order the
/// processes finished in, and makes its indices and ordinals whole again.
void normalise(json::Object &Run) {
  json::Array &Results = *array(Run, "results");
  sortBy(Results, [](const json::Value &V) {
    const json::Object *O = V.getAsObject();
    Place P = O ? placeOf(*O) : Place();
    return std::make_tuple(P.Uri, P.Line, P.Column,
                           O ? identity(*O) : std::string());
  });

  std::map<std::string, int64_t> RuleIndex;
  if (json::Object *Tool = Run.getObject("tool"))
    if (json::Object *Driver = Tool->getObject("driver"))
      for (const auto &[I, R] : llvm::enumerate(*array(*Driver, "rules")))
        RuleIndex.emplace(str(R.getAsObject(), "id"), I);
  // Identical findings in one file are told apart by their order there.
  std::map<std::string, int> Ordinals;
  for (json::Value &V : Results) {
    json::Object *O = V.getAsObject();
    if (!O)
      continue;
    auto It = RuleIndex.find(str(O, "ruleId"));
    if (It != RuleIndex.end())
      (*O)["ruleIndex"] = It->second;
    json::Object *Fingerprints = O->getObject("partialFingerprints");
    std::string Print = str(Fingerprints, FingerprintName);
    if (Print.empty())
      continue;
    std::string Hash = llvm::StringRef(Print).rsplit(':').first.str();
    (*Fingerprints)[FingerprintName] =
        Hash + ":" + std::to_string(++Ordinals[Hash]);
  }

  sortBy(*array(Run, "invocations"), [](const json::Value &V) {
    const json::Object *O = V.getAsObject();
    std::optional<Units> U = O ? unitsOf(*O) : std::nullopt;
    return U && !U->empty() ? *U->begin() : std::string();
  });
}

/// The path of a unit's URI: relative to the run's root, or absolute.
std::string unitPath(llvm::StringRef RootUri, llvm::StringRef Uri) {
  std::string Whole =
      Uri.starts_with("file://") ? Uri.str() : (RootUri + Uri).str();
  llvm::StringRef Rest = Whole;
  Rest.consume_front("file://");
  std::string Path;
  for (size_t I = 0; I < Rest.size(); ++I) {
    unsigned Byte = 0;
    if (Rest[I] == '%' && I + 2 < Rest.size() &&
        !Rest.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += Rest[I];
    }
  }
  return Path;
}

} // namespace

llvm::Error checkSarifLog(const json::Value &Log, llvm::StringRef Path) {
  const json::Object *Top = Log.getAsObject();
  const json::Array *Runs = Top ? Top->getArray("runs") : nullptr;
  if (!Runs || llvm::any_of(*Runs, [](const json::Value &R) {
        return !R.getAsObject();
      }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: not a SARIF log: expected an object "
                                   "with a \"runs\" array of objects",
                                   Path.str().c_str());
  return llvm::Error::success();
}

void mergeSarifLog(json::Value &Into, json::Value From, bool Normalise) {
  json::Array *Runs = array(*Into.getAsObject(), "runs");
  for (json::Value &V : *array(*From.getAsObject(), "runs")) {
    json::Object &Run = *V.getAsObject();
    auto Same = llvm::find_if(*Runs, [&](const json::Value &R) {
      return runKey(*R.getAsObject()) == runKey(Run);
    });
    if (Same == Runs->end()) {
      Runs->push_back(std::move(V));
      continue;
    }
    mergeRun(*Same->getAsObject(), Run);
    if (Normalise)
      normalise(*Same->getAsObject());
  }
}

void normaliseSarifLog(json::Value &Log) {
  for (json::Value &Run : *array(*Log.getAsObject(), "runs"))
    normalise(*Run.getAsObject());
}

void dropMissingUnits(json::Value &Log) {
  json::Array *Runs = array(*Log.getAsObject(), "runs");
  for (json::Value &V : *Runs) {
    json::Object &Run = *V.getAsObject();
    const json::Object *Bases = Run.getObject("originalUriBaseIds");
    std::string Root = str(Bases ? Bases->getObject(RootId) : nullptr, "uri");
    auto Gone = [&](const std::string &Uri) {
      if (Root.empty() && !llvm::StringRef(Uri).starts_with("file://"))
        return false;
      return !llvm::sys::fs::exists(unitPath(Root, Uri));
    };
    forgetUnits(*array(Run, "results"), Gone);
    forgetUnits(*array(Run, "invocations"), Gone);
  }
}

} // namespace clang::tidy::async

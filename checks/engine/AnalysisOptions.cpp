//===--- AnalysisOptions.cpp - async-tidy ---------------------------------===//

#include "AnalysisOptions.h"
#include "Category.h"
#include "Templates.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

namespace clang::tidy::async {

namespace {

// The search's reach: global keys, which a check may override for itself.
constexpr llvm::StringLiteral TransitiveSearchOption = "TransitiveSearch";
constexpr llvm::StringLiteral MaxDepthOption = "MaxDepth";
constexpr llvm::StringLiteral FollowOverridersOption = "FollowOverriders";
// Facts about the code and the fixes: global keys only.
constexpr llvm::StringLiteral OffloadFunctionsOption = "OffloadFunctions";
constexpr llvm::StringLiteral HopAwaitablesOption = "HopAwaitables";
constexpr llvm::StringLiteral StackfulYieldContextOption =
    "StackfulYieldContext";
constexpr llvm::StringLiteral StackfulFunctionsOption = "StackfulFunctions";
constexpr llvm::StringLiteral StackfulContextTypesOption =
    "StackfulContextTypes";
constexpr llvm::StringLiteral HandlerContextsOption = "HandlerContexts";
constexpr llvm::StringLiteral LoopExecutorsOption = "LoopExecutors";
constexpr llvm::StringLiteral SummaryDirectoryOption = "SummaryDirectory";
constexpr llvm::StringLiteral WriteSummariesOption = "WriteSummaries";
constexpr llvm::StringLiteral FrameworkTypesOption = "FrameworkTypes";
constexpr llvm::StringLiteral OffloadExecutorOption = "OffloadExecutor";
constexpr llvm::StringLiteral OffloadHomeExecutorOption = "OffloadHomeExecutor";
constexpr llvm::StringLiteral OffloadTemplateOption = "OffloadTemplate";
constexpr llvm::StringLiteral IncludeStyleOption = "IncludeStyle";

constexpr llvm::StringLiteral GlobalOnly[] = {
    OffloadFunctionsOption,     HopAwaitablesOption,
    StackfulYieldContextOption, StackfulFunctionsOption,
    SummaryDirectoryOption,     WriteSummariesOption,
    FrameworkTypesOption,       OffloadExecutorOption,
    OffloadHomeExecutorOption,  OffloadTemplateOption,
    IncludeStyleOption,         HandlerContextsOption,
    LoopExecutorsOption,        StackfulContextTypesOption};

/// Check-prefixed keys of analysis-wide options would, in clang-tidy's usual
/// local-or-global reading, act for every check: they are errors instead.
/// Global keys of a check's own options set nothing.
void checkPlacement(const OptionReader &Global) {
  for (const auto &Entry : Global.tidy().getOptions().CheckOptions) {
    llvm::StringRef Key = Entry.getKey();
    auto [Check, Name] = Key.split('.');
    if (!Name.empty() && Check.starts_with(CheckPrefix) &&
        llvm::is_contained(GlobalOnly, Name))
      Global.error("option '" + Key +
                   "' applies to the whole analysis, not to one check; set '" +
                   Name + "' instead");
  }
  llvm::SmallVector<llvm::StringRef, 4> PerCheck = {"BlockingFunctions",
                                                    "AllowedFunctions"};
  for (const CategoryInfo &I : categories())
    if (!I.OptInOption.empty())
      PerCheck.push_back(I.OptInOption);
  const ClangTidyOptions::OptionMap &Map =
      Global.tidy().getOptions().CheckOptions;
  for (llvm::StringRef Name : PerCheck)
    if (Map.contains(Name))
      Global.warning("option '" + Name +
                     "' is read by no check: each async-blocking-* check has "
                     "its own, as in '" +
                     CheckPrefix + "<category>." + Name + "'");
}

void readHops(const OptionReader &R, Catalog &Hops) {
  for (llvm::StringRef Item : R.getList(HopAwaitablesOption)) {
    auto [Name, To] = Item.split(',');
    ApiEntry E;
    To = To.trim();
    if (To == "pool")
      E.Hop = HopTarget::Pool;
    else if (To == "loop")
      E.Hop = HopTarget::Loop;
    constexpr llvm::StringLiteral Expected = "'qualified::name,pool|loop'";
    if (E.Hop == HopTarget::None) {
      R.invalidEntry(HopAwaitablesOption, Item, Expected);
      continue;
    }
    E.Parts = R.qualifiedName(HopAwaitablesOption, Item, Name,
                              /*Wildcards=*/false, Expected);
    if (E.Parts.empty())
      continue;
    E.Name = Name.trim().ltrim(':').str();
    Hops.add(std::move(E));
  }
}

void readFrameworkTypes(
    const OptionReader &R,
    std::vector<std::pair<std::string, const Framework *>> &Out) {
  const Catalog &C = Catalog::builtin();
  for (llvm::StringRef Item : R.getList(FrameworkTypesOption)) {
    auto [Type, Name] = Item.split(',');
    const Framework *Fw = C.framework(Name.trim());
    std::string Names;
    for (const Framework &F : C.frameworks())
      Names += (Names.empty() ? "" : ", ") + F.Name;
    const std::string Expected =
        "'qualified::Type,framework' with a framework of " + Names;
    if (!Fw) {
      R.invalidEntry(FrameworkTypesOption, Item, Expected);
      continue;
    }
    std::vector<std::string> Parts = R.qualifiedName(
        FrameworkTypesOption, Item, Type, /*Wildcards=*/false, Expected);
    if (Parts.empty())
      continue;
    Out.emplace_back(llvm::join(Parts, "::"), Fw);
  }
}

void checkSummaryDirectory(const OptionReader &R, const AnalysisOptions &O) {
  if (O.SummaryDirectory.empty()) {
    if (O.WriteSummaries)
      R.error("option '" + R.key(WriteSummariesOption) + "' needs '" +
              R.key(SummaryDirectoryOption) + "' to say where to write");
    return;
  }
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(O.SummaryDirectory, Status)) {
    // Written by the first pass; before it, a typo would read nothing.
    if (!O.WriteSummaries)
      R.warning("summary directory '" + O.SummaryDirectory + "' of option '" +
                R.key(SummaryDirectoryOption) +
                "' does not exist; write it first with '" +
                R.key(WriteSummariesOption) + ": true'");
    return;
  }
  if (!llvm::sys::fs::is_directory(Status))
    R.invalidValue(SummaryDirectoryOption, O.SummaryDirectory, "a directory");
}

void readOffload(const OptionReader &R, OffloadSettings &O) {
  O.Executor = R.get(OffloadExecutorOption, "").trim().str();
  O.HomeExecutor = R.get(OffloadHomeExecutorOption, "").trim().str();
  O.Template = R.get(OffloadTemplateOption, "").trim().str();
  for (auto [Option, Value] :
       {std::pair(OffloadExecutorOption, &O.Executor),
        std::pair(OffloadHomeExecutorOption, &O.HomeExecutor)}) {
    std::string Expected = checkExpression(*Value);
    if (!Expected.empty()) {
      R.invalidValue(Option, *Value, Expected);
      Value->clear();
    }
  }
  if (O.Template.empty())
    return;
  std::string Expected = llvm::StringRef(O.Template).contains("{call}")
                             ? checkTemplate(O.Template, TemplateKind::Offload)
                             : std::string("a template with a '{call}' slot");
  if (!Expected.empty()) {
    R.invalidValue(OffloadTemplateOption, O.Template, Expected);
    O.Template.clear();
    return;
  }
  // An empty slot would write code that does not compile; a value given
  // but invalid has had its own error.
  for (auto [Slot, Option] : {std::pair("{pool}", OffloadExecutorOption),
                              std::pair("{home}", OffloadHomeExecutorOption)})
    if (llvm::StringRef(O.Template).contains(Slot) &&
        R.get(Option, "").trim().empty()) {
      R.error("option '" + R.key(OffloadTemplateOption) + "' uses " + Slot +
              ", but '" + R.key(Option) + "' is not set");
      O.Template.clear();
    }
}

utils::IncludeSorter::IncludeStyle readIncludeStyle(const OptionReader &R) {
  std::optional<llvm::StringRef> Value = R.get(IncludeStyleOption);
  if (!Value)
    return utils::IncludeSorter::IS_LLVM;
  auto Styles =
      OptionEnumMapping<utils::IncludeSorter::IncludeStyle>::getEnumMapping();
  std::string Names;
  for (const auto &[Style, Name] : Styles) {
    if (Name == Value->trim())
      return Style;
    if (!Names.empty())
      Names += Name == Styles.back().second ? " or " : ", ";
    Names += Name.str();
  }
  R.invalidValue(IncludeStyleOption, *Value, Names);
  return utils::IncludeSorter::IS_LLVM;
}

} // namespace

SearchReach readReach(const OptionReader &R, const SearchReach &Default) {
  SearchReach Reach;
  Reach.TransitiveSearch =
      R.getBool(TransitiveSearchOption, Default.TransitiveSearch);
  Reach.MaxDepth = R.getDepth(MaxDepthOption).value_or(Default.MaxDepth);
  Reach.FollowOverriders =
      R.getBool(FollowOverridersOption, Default.FollowOverriders);
  return Reach;
}

void storeReach(const OptionReader &R, const SearchReach &Reach, bool Always,
                ClangTidyOptions::OptionMap &Opts) {
  auto Put = [&](llvm::StringRef Name, const std::string &Value) {
    if (Always || R.get(Name))
      Opts[R.key(Name)] = ClangTidyOptions::ClangTidyValue(Value);
  };
  Put(TransitiveSearchOption, Reach.TransitiveSearch ? "true" : "false");
  Put(MaxDepthOption, std::to_string(Reach.MaxDepth));
  Put(FollowOverridersOption, Reach.FollowOverriders ? "true" : "false");
}

AnalysisOptions AnalysisOptions::read(ClangTidyContext &Tidy) {
  const OptionReader R(Tidy, "");
  AnalysisOptions O;
  checkPlacement(R);
  O.Reach = readReach(R, SearchReach());
  O.OffloadFunctions = R.getNames(OffloadFunctionsOption);
  readHops(R, O.Hops);
  O.StackfulYieldContext = R.getBool(StackfulYieldContextOption, true);
  for (const std::vector<std::string> &Parts :
       R.getNames(StackfulFunctionsOption))
    O.StackfulFunctions.push_back("::" + llvm::join(Parts, "::"));
  O.StackfulContextTypes =
      R.getNames(StackfulContextTypesOption,
                 /*Wildcards=*/false, "a qualified type name");
  O.HandlerContexts = R.getBool(HandlerContextsOption, true);
  O.LoopExecutors = R.getNames(LoopExecutorsOption, /*Wildcards=*/false,
                               "a qualified type name");
  O.SummaryDirectory = R.get(SummaryDirectoryOption, "").trim().str();
  O.WriteSummaries = R.getBool(WriteSummariesOption, false);
  checkSummaryDirectory(R, O);
  readFrameworkTypes(R, O.FrameworkTypes);
  readOffload(R, O.Offload);
  O.IncludeStyle = readIncludeStyle(R);
  for (llvm::StringRef Name :
       {OffloadFunctionsOption, HopAwaitablesOption, StackfulFunctionsOption,
        FrameworkTypesOption, LoopExecutorsOption, StackfulContextTypesOption})
    O.Given[Name] = R.get(Name, "").str();
  return O;
}

void AnalysisOptions::store(ClangTidyContext &Tidy,
                            ClangTidyOptions::OptionMap &Opts) const {
  storeReach(OptionReader(Tidy, ""), Reach, /*Always=*/true, Opts);
  auto Put = [&](llvm::StringRef Key, llvm::StringRef Value) {
    Opts[Key] = ClangTidyOptions::ClangTidyValue(Value);
  };
  auto Bool = [](bool B) { return B ? "true" : "false"; };
  for (const auto &Entry : Given)
    Put(Entry.getKey(), Entry.getValue());
  Put(StackfulYieldContextOption, Bool(StackfulYieldContext));
  Put(HandlerContextsOption, Bool(HandlerContexts));
  Put(SummaryDirectoryOption, SummaryDirectory);
  Put(WriteSummariesOption, Bool(WriteSummaries));
  Put(OffloadExecutorOption, Offload.Executor);
  Put(OffloadHomeExecutorOption, Offload.HomeExecutor);
  Put(OffloadTemplateOption, Offload.Template);
  for (const auto &[Style, Name] :
       OptionEnumMapping<utils::IncludeSorter::IncludeStyle>::getEnumMapping())
    if (Style == IncludeStyle)
      Put(IncludeStyleOption, Name);
}

} // namespace clang::tidy::async

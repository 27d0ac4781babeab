//===--- BlockingCheckBase.cpp - async-tidy -------------------------------===//

#include "BlockingCheckBase.h"
#include "ConfigErrors.h"
#include "Engine.h"
#include "FindingFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLParser.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral BlockingFunctionsOption =
    "BlockingFunctions";
static constexpr llvm::StringLiteral AllowedFunctionsOption =
    "AllowedFunctions";
static constexpr llvm::StringLiteral TransitiveSearchOption =
    "TransitiveSearch";
static constexpr llvm::StringLiteral MaxDepthOption = "MaxDepth";
static constexpr llvm::StringLiteral OffloadFunctionsOption =
    "OffloadFunctions";
static constexpr llvm::StringLiteral HopAwaitablesOption = "HopAwaitables";
static constexpr llvm::StringLiteral StackfulYieldContextOption =
    "StackfulYieldContext";
static constexpr llvm::StringLiteral StackfulFunctionsOption =
    "StackfulFunctions";
static constexpr llvm::StringLiteral SummaryDirectoryOption =
    "SummaryDirectory";
static constexpr llvm::StringLiteral WriteSummariesOption = "WriteSummaries";
static constexpr llvm::StringLiteral FollowOverridersOption =
    "FollowOverriders";
static constexpr llvm::StringLiteral FrameworkTypesOption = "FrameworkTypes";
static constexpr llvm::StringLiteral OffloadExecutorOption = "OffloadExecutor";
static constexpr llvm::StringLiteral OffloadHomeExecutorOption =
    "OffloadHomeExecutor";
static constexpr llvm::StringLiteral OffloadTemplateOption = "OffloadTemplate";
static constexpr llvm::StringLiteral IncludeStyleOption = "IncludeStyle";
static constexpr llvm::StringLiteral DefaultUserReason = "blocks the thread";
static constexpr unsigned DefaultMaxDepth = 8;
static constexpr unsigned MaxMaxDepth = 64;

/// Splits a ';'-separated option value into trimmed, non-empty items.
static llvm::SmallVector<llvm::StringRef, 4> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 4> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef &Item : Items)
    Item = Item.trim();
  llvm::erase_if(Items, [](llvm::StringRef S) { return S.empty(); });
  return Items;
}

// Settings of the analysis itself are read local-or-global, so that one
// global entry in CheckOptions configures every async-blocking-* check.
BlockingCheckBase::BlockingCheckBase(llvm::StringRef Name,
                                     ClangTidyContext *Context, Category Cat)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()), Tidy(Context),
      BlockingFunctions(Options.get(BlockingFunctionsOption, "").str()),
      AllowedFunctions(Options.get(AllowedFunctionsOption, "").str()),
      TransitiveSearch(readBool(TransitiveSearchOption, true)),
      MaxDepth(readDepth()),
      OffloadFunctions(
          Options.getLocalOrGlobal(OffloadFunctionsOption, "").str()),
      HopAwaitables(Options.getLocalOrGlobal(HopAwaitablesOption, "").str()),
      StackfulYieldContext(readBool(StackfulYieldContextOption, true)),
      StackfulFunctions(
          Options.getLocalOrGlobal(StackfulFunctionsOption, "").str()),
      SummaryDirectory(
          Options.getLocalOrGlobal(SummaryDirectoryOption, "").str()),
      WriteSummaries(readBool(WriteSummariesOption, false)),
      FollowOverriders(readBool(FollowOverridersOption, false)),
      FrameworkTypes(Options.getLocalOrGlobal(FrameworkTypesOption, "").str()),
      Offload{
          Options.getLocalOrGlobal(OffloadExecutorOption, "").trim().str(),
          Options.getLocalOrGlobal(OffloadHomeExecutorOption, "").trim().str(),
          Options.getLocalOrGlobal(OffloadTemplateOption, "").trim().str()},
      IncludeStyle(readIncludeStyle()) {
  Policy.Cat = Cat;
  parseBlockingFunctions(BlockingFunctions);
  Policy.Allowed = parseNames(AllowedFunctionsOption, AllowedFunctions);
  Policy.Offload = parseNames(OffloadFunctionsOption, OffloadFunctions);
  parseHopAwaitables(HopAwaitables);
  for (const std::vector<std::string> &Parts :
       parseNames(StackfulFunctionsOption, StackfulFunctions))
    StackfulNames.push_back("::" + llvm::join(Parts, "::"));
  Policy.SummaryDirectory = SummaryDirectory;
  Policy.WriteSummaries = WriteSummaries;
  checkSummaryDirectory();
  Policy.FollowOverriders = FollowOverriders;
  parseFrameworkTypes(FrameworkTypes);
  for (auto [Option, Value] :
       {std::pair(OffloadExecutorOption, &Offload.Executor),
        std::pair(OffloadHomeExecutorOption, &Offload.HomeExecutor)}) {
    std::string Expected = checkExpression(*Value);
    if (!Expected.empty()) {
      invalidValue(Option, *Value, Expected);
      Value->clear();
    }
  }
  if (!Offload.Template.empty()) {
    std::string Expected = checkOffloadTemplate(Offload.Template);
    if (!Expected.empty()) {
      invalidValue(OffloadTemplateOption, Offload.Template, Expected);
      Offload.Template.clear();
    }
  }
  // An empty slot would write code that does not compile; a value given
  // but invalid has had its own error.
  for (auto [Slot, Option] : {std::pair("{pool}", OffloadExecutorOption),
                              std::pair("{home}", OffloadHomeExecutorOption)}) {
    if (llvm::StringRef(Offload.Template).contains(Slot) &&
        Options.getLocalOrGlobal(Option).value_or("").trim().empty()) {
      configError("option '" + optionKey(OffloadTemplateOption) + "' uses " +
                  Slot + ", but '" + optionKey(Option) + "' is not set");
      Offload.Template.clear();
    }
  }
  Policy.TransitiveSearch = TransitiveSearch;
  Policy.MaxDepth = MaxDepth;
  registerPolicy(Tidy, &Policy);
}

BlockingCheckBase::~BlockingCheckBase() { unregisterPolicy(Tidy, &Policy); }

std::string BlockingCheckBase::optionKey(llvm::StringRef Option) const {
  if (Options.get(Option))
    return (CheckName + "." + Option).str();
  // Given globally or not at all: the global key, so that the same message
  // from every check is printed once.
  return Option.str();
}

void BlockingCheckBase::configError(const llvm::Twine &Message) {
  std::string Text = Message.str();
  configurationDiag("%0", DiagnosticIDs::Error) << Text;
  reportConfigError(Text);
}

void BlockingCheckBase::invalidValue(llvm::StringRef Option,
                                     llvm::StringRef Value,
                                     llvm::StringRef Expected) {
  configError("invalid configuration value '" + Value + "' for option '" +
              optionKey(Option) + "'; expected " + Expected);
}

void BlockingCheckBase::invalidEntry(llvm::StringRef Option,
                                     llvm::StringRef Item,
                                     llvm::StringRef Expected) {
  configError("invalid entry '" + Item + "' in option '" + optionKey(Option) +
              "': expected " + Expected);
}

// The typed options are parsed here rather than by OptionsView, whose
// complaints are warnings that async-tidy --verify-config could not see.
bool BlockingCheckBase::readBool(llvm::StringRef Option, bool Default,
                                 bool Local) {
  std::optional<llvm::StringRef> Value =
      Local ? Options.get(Option) : Options.getLocalOrGlobal(Option);
  if (!Value)
    return Default;
  if (std::optional<bool> Parsed = llvm::yaml::parseBool(*Value))
    return *Parsed;
  long long Number = 0;
  if (!Value->getAsInteger(10, Number))
    return Number != 0;
  invalidValue(Option, *Value, "true or false");
  return Default;
}

unsigned BlockingCheckBase::readDepth() {
  std::optional<llvm::StringRef> Value =
      Options.getLocalOrGlobal(MaxDepthOption);
  if (!Value)
    return DefaultMaxDepth;
  unsigned Depth = 0;
  if (Value->trim().getAsInteger(10, Depth) || Depth == 0 ||
      Depth > MaxMaxDepth) {
    invalidValue(MaxDepthOption, *Value,
                 "a depth from 1 to " + std::to_string(MaxMaxDepth));
    return DefaultMaxDepth;
  }
  return Depth;
}

void BlockingCheckBase::checkSummaryDirectory() {
  if (SummaryDirectory.empty()) {
    if (WriteSummaries)
      configError("option '" + optionKey(WriteSummariesOption) + "' needs '" +
                  optionKey(SummaryDirectoryOption) +
                  "' to say where to write");
    return;
  }
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(SummaryDirectory, Status)) {
    // Written by the first pass; before it, a typo would read nothing.
    if (!WriteSummaries)
      configurationDiag("summary directory '%0' of option '%1' does not "
                        "exist; write it first with '%2: true'")
          << SummaryDirectory << optionKey(SummaryDirectoryOption)
          << optionKey(WriteSummariesOption);
    return;
  }
  if (!llvm::sys::fs::is_directory(Status))
    invalidValue(SummaryDirectoryOption, SummaryDirectory, "a directory");
}

utils::IncludeSorter::IncludeStyle BlockingCheckBase::readIncludeStyle() {
  std::optional<llvm::StringRef> Value =
      Options.getLocalOrGlobal(IncludeStyleOption);
  auto Styles =
      OptionEnumMapping<utils::IncludeSorter::IncludeStyle>::getEnumMapping();
  if (!Value)
    return utils::IncludeSorter::IS_LLVM;
  std::string Names;
  for (const auto &[Style, Name] : Styles) {
    if (Name == Value->trim())
      return Style;
    if (!Names.empty())
      Names += Name == Styles.back().second ? " or " : ", ";
    Names += Name.str();
  }
  invalidValue(IncludeStyleOption, *Value, Names);
  return utils::IncludeSorter::IS_LLVM;
}

void BlockingCheckBase::warnUnknownOptions() {
  // The options this check has, its subclass's included: what it stores.
  ClangTidyOptions::OptionMap Stored;
  storeOptions(Stored);
  llvm::SmallVector<llvm::StringRef, 20> Known;
  const std::string Prefix = CheckName + ".";
  for (const auto &Entry : Stored)
    Known.push_back(llvm::StringRef(Entry.getKey()).drop_front(Prefix.size()));
  // clang-tidy ignores unknown keys on a run (only --verify-config names
  // them): a misspelt option of ours would silently do nothing.
  for (const auto &Entry : Tidy->getOptions().CheckOptions) {
    llvm::StringRef Key = Entry.getKey();
    if (!Key.consume_front(Prefix) || llvm::is_contained(Known, Key))
      continue;
    llvm::StringRef Closest;
    unsigned Best = 3;
    for (llvm::StringRef Name : Known) {
      unsigned Distance = Key.edit_distance(Name, true, Best);
      if (Distance < Best) {
        Best = Distance;
        Closest = Name;
      }
    }
    configurationDiag("unknown option '%0%1'%select{|; did you mean '%0%3'?}2")
        << Prefix << Key << !Closest.empty() << Closest;
  }
}

void BlockingCheckBase::parseBlockingFunctions(llvm::StringRef Value) {
  for (llvm::StringRef Item : splitList(Value)) {
    llvm::SmallVector<llvm::StringRef, 3> Fields;
    Item.split(Fields, ',');
    ApiEntry E;
    E.Parts = Catalog::splitQualifiedName(Fields[0]);
    if (Fields.size() > 3 || E.Parts.empty()) {
      invalidEntry(BlockingFunctionsOption, Item,
                   "'qualified::name[,reason[,replacement]]'");
      continue;
    }
    E.Name = Fields[0].trim().ltrim(':').str();
    E.Cat = Policy.Cat;
    E.Reason = Fields.size() > 1 && !Fields[1].trim().empty()
                   ? Fields[1].trim().str()
                   : DefaultUserReason.str();
    if (Fields.size() > 2)
      E.Replacement = Fields[2].trim().str();
    Policy.Extra.add(std::move(E));
  }
}

std::vector<std::vector<std::string>>
BlockingCheckBase::parseNames(llvm::StringRef Option, llvm::StringRef Value) {
  std::vector<std::vector<std::string>> Names;
  for (llvm::StringRef Item : splitList(Value)) {
    std::vector<std::string> Parts = Catalog::splitQualifiedName(Item);
    if (Parts.empty())
      invalidEntry(Option, Item, "a qualified function name");
    else
      Names.push_back(std::move(Parts));
  }
  return Names;
}

void BlockingCheckBase::parseHopAwaitables(llvm::StringRef Value) {
  for (llvm::StringRef Item : splitList(Value)) {
    auto [Name, To] = Item.split(',');
    ApiEntry E;
    E.Parts = Catalog::splitQualifiedName(Name);
    To = To.trim();
    if (To == "pool")
      E.Hop = HopTarget::Pool;
    else if (To == "loop")
      E.Hop = HopTarget::Loop;
    if (E.Parts.empty() || E.Hop == HopTarget::None) {
      invalidEntry(HopAwaitablesOption, Item, "'qualified::name,pool|loop'");
      continue;
    }
    E.Name = Name.trim().ltrim(':').str();
    Policy.Extra.add(std::move(E));
  }
}

void BlockingCheckBase::parseFrameworkTypes(llvm::StringRef Value) {
  const Catalog &C = Catalog::builtin();
  for (llvm::StringRef Item : splitList(Value)) {
    auto [Type, Name] = Item.split(',');
    std::vector<std::string> Parts = Catalog::splitQualifiedName(Type);
    const Framework *Fw = C.framework(Name.trim());
    if (Parts.empty() || !Fw) {
      std::string Names;
      for (const Framework &F : C.frameworks())
        Names += (Names.empty() ? "" : ", ") + F.Name;
      invalidEntry(FrameworkTypesOption, Item,
                   "'qualified::Type,framework' with a framework of " + Names);
      continue;
    }
    Policy.FrameworkTypes.emplace_back(llvm::join(Parts, "::"), Fw);
  }
}

void BlockingCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, BlockingFunctionsOption, BlockingFunctions);
  Options.store(Opts, AllowedFunctionsOption, AllowedFunctions);
  Options.store(Opts, TransitiveSearchOption, TransitiveSearch);
  Options.store(Opts, MaxDepthOption, MaxDepth);
  Options.store(Opts, OffloadFunctionsOption, OffloadFunctions);
  Options.store(Opts, HopAwaitablesOption, HopAwaitables);
  Options.store(Opts, StackfulYieldContextOption, StackfulYieldContext);
  Options.store(Opts, StackfulFunctionsOption, StackfulFunctions);
  Options.store(Opts, SummaryDirectoryOption, SummaryDirectory);
  Options.store(Opts, WriteSummariesOption, WriteSummaries);
  Options.store(Opts, FollowOverridersOption, FollowOverriders);
  Options.store(Opts, FrameworkTypesOption, FrameworkTypes);
  Options.store(Opts, OffloadExecutorOption, Offload.Executor);
  Options.store(Opts, OffloadHomeExecutorOption, Offload.HomeExecutor);
  Options.store(Opts, OffloadTemplateOption, Offload.Template);
  Options.store(Opts, IncludeStyleOption, IncludeStyle);
}

/// A file's path as baselines name it: real and absolute.
static std::string absolutePath(const SourceManager &SM, FileID ID) {
  OptionalFileEntryRef File = SM.getFileEntryRefForID(ID);
  if (!File)
    return "";
  std::string Real = File->getFileEntry().tryGetRealPathName().str();
  if (!Real.empty())
    return Real;
  llvm::SmallString<256> Path(File->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Path.str().str();
}

void BlockingCheckBase::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP,
    Preprocessor * /*ModuleExpanderPP*/) {
  Sources = &SM;
  Includes = acquireIncludes(PP, IncludeStyle);
}

void BlockingCheckBase::registerMatchers(MatchFinder *Finder) {
  // Here rather than in the constructor: a subclass's options exist now.
  warnUnknownOptions();
  // Every coroutine body, lambdas and template instantiations included; the
  // engine walks down from there instead of matching calls upwards.
  internal::Matcher<FunctionDecl> IsCoroutine = hasBody(coroutineBodyStmt());
  // Stackful coroutines: Asio's yield_context, and functions the user lists.
  if (StackfulYieldContext) {
    auto YieldContext = hasUnqualifiedDesugaredType(recordType(hasDeclaration(
        namedDecl(hasAnyName("::boost::asio::basic_yield_context",
                             "::asio::basic_yield_context")))));
    IsCoroutine = anyOf(IsCoroutine,
                        hasAnyParameter(hasType(qualType(
                            anyOf(YieldContext, references(YieldContext))))));
  }
  if (!StackfulNames.empty()) {
    std::vector<llvm::StringRef> Names(StackfulNames.begin(),
                                       StackfulNames.end());
    IsCoroutine = anyOf(IsCoroutine, hasAnyName(Names));
  }
  // Library code is described by the catalog, not analysed: a library
  // function taking a yield_context would report the user's own callables.
  auto Coroutine = functionDecl(isDefinition(), IsCoroutine,
                                unless(isExpansionInSystemHeader()));
  Finder->addMatcher(Coroutine.bind("coroutine"), this);
  if (FollowOverriders)
    Finder->addMatcher(cxxMethodDecl(isOverride()).bind("overrider"), this);
  // Writing summaries: every function this file defines.
  if (WriteSummaries && !SummaryDirectory.empty())
    Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile(),
                                    unless(isImplicit()))
                           .bind("definition"),
                       this);
}

void BlockingCheckBase::check(const MatchFinder::MatchResult &Result) {
  if (!Shared)
    Shared = acquireEngine(*Result.Context, Tidy);
  if (const auto *D = Result.Nodes.getNodeAs<FunctionDecl>("definition")) {
    Shared->noteDefinition(*D);
    return;
  }
  if (const auto *M = Result.Nodes.getNodeAs<CXXMethodDecl>("overrider")) {
    Shared->noteOverrider(*M);
    return;
  }
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  Coroutines.push_back(Coroutine);
  // Analysing here rather than at the end of the translation unit puts the
  // cost where --enable-check-profile sees it, under the first check that
  // matches the coroutine (the analysis is shared and memoised).
  if (!Shared->analysesAtEnd())
    Shared->analyse(*Coroutine);
}

void BlockingCheckBase::onEndOfTranslationUnit() {
  // Every coroutine first, one may hand another to a thread pool: done in
  // check() already unless the analyses wait for every overrider.
  if (!Coroutines.empty() && Shared->analysesAtEnd())
    for (const FunctionDecl *Coroutine : Coroutines)
      Shared->analyse(*Coroutine);
  for (const FunctionDecl *Coroutine : Coroutines) {
    if (Shared->runsOnPool(*Coroutine))
      continue;
    const CoroutineReport &Report = Shared->analyse(*Coroutine);
    for (const Finding &F : Report.Findings)
      if (F.Api->Cat == Policy.Cat &&
          (!F.Helper ||
           (Policy.TransitiveSearch && F.Depth <= Policy.MaxDepth &&
            (!F.ViaOverrider || Policy.FollowOverriders))))
        report(Report, F);
  }
  // Also when nothing matched: the baseline's entries for it are stale.
  if (FindingFilter *Filter = findingFilter(); Filter && Sources)
    Filter->linted(absolutePath(*Sources, Sources->getMainFileID()), CheckName);
  Sources = nullptr;
  Coroutines.clear();
  FilterOrdinals.clear();
  Includes.reset();
  std::string Error;
  if (Shared && !Shared->finish(Error))
    configurationDiag("cannot write summaries to '%0': %1",
                      DiagnosticIDs::Error)
        << SummaryDirectory << Error;
  Shared.reset();
}

/// How an API is named in diagnostics: by the catalog, except entries that
/// stand for annotated or generated functions, named by the declaration.
static std::string apiName(const ApiEntry &Api, const FunctionDecl &Callee) {
  if (Api.Name.empty() || llvm::StringRef(Api.Name).contains('*'))
    return Callee.getQualifiedNameAsString();
  return Api.Name;
}

static SourceLocation callLocation(const Expr &Call) {
  // Point at the member in 'sock.read_some(...)', at the operator in
  // 'std::cin >> n', at the start otherwise.
  if (llvm::isa<CXXMemberCallExpr, CXXOperatorCallExpr, CXXConstructExpr>(Call))
    return Call.getExprLoc();
  return Call.getBeginLoc();
}

/// How a baseline names a coroutine: lambdas after what contains them, as
/// they have no name of their own.
static std::string baselineName(const FunctionDecl &F) {
  if (!isLambdaCallOperator(&F))
    return F.getQualifiedNameAsString();
  for (const DeclContext *DC = F.getParent()->getParent(); DC;
       DC = DC->getParent()) {
    if (const auto *Outer = llvm::dyn_cast<FunctionDecl>(DC))
      return baselineName(*Outer) + "::lambda";
    if (const auto *Outer = llvm::dyn_cast<NamedDecl>(DC))
      return Outer->getQualifiedNameAsString() + "::lambda";
  }
  return "lambda";
}

/// The call's tokens as written, spaced only where two words would merge:
/// reindenting, rewrapping or commenting the call keeps a baseline valid.
static std::string writtenCall(const Expr &Call, const SourceManager &SM,
                               const LangOptions &LangOpts) {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call.getSourceRange()), SM, LangOpts);
  if (Range.isInvalid())
    Range = SM.getExpansionRange(Call.getSourceRange());
  // The raw lexer wants a NUL after the text.
  std::string Text = Lexer::getSourceText(Range, SM, LangOpts).str();
  Lexer Raw(Range.getBegin(), LangOpts, Text.data(), Text.data(),
            Text.data() + Text.size());
  std::string Result;
  Token Tok;
  for (bool Last = false; !Last;) {
    // True when the token just lexed ends the text.
    Last = Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    llvm::StringRef Spelling(Raw.getBufferLocation() - Tok.getLength(),
                             Tok.getLength());
    if (!Result.empty() && !Spelling.empty() &&
        isAsciiIdentifierContinue(Result.back()) &&
        isAsciiIdentifierContinue(Spelling.front()))
      Result += ' ';
    Result += Spelling;
  }
  return Result;
}

bool BlockingCheckBase::passesFilter(const FunctionDecl &Named,
                                     const Finding &F, SourceLocation Loc) {
  FindingFilter *Filter = findingFilter();
  if (!Filter)
    return true;
  ASTContext &Ctx = Shared->context();
  const SourceManager &SM = Ctx.getSourceManager();
  FindingKey Key;
  Key.File = absolutePath(SM, SM.getFileID(Loc));
  Key.Check = CheckName;
  Key.Function = baselineName(Named);
  Key.Call = writtenCall(*F.Site.Call, SM, Ctx.getLangOpts());
  unsigned &Ordinal =
      FilterOrdinals[Key.File + "\n" + Key.Function + "\n" + Key.Call];
  return Filter->report(Key, Ordinal++, SM.getFileOffset(Loc));
}

void BlockingCheckBase::report(const CoroutineReport &Report,
                               const Finding &F) {
  ASTContext &Ctx = Shared->context();
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getFileLoc(callLocation(*F.Site.Call));
  if (!Shared->claim(Policy.Cat, Loc))
    return;
  const FunctionDecl *Named = Report.Coroutine;
  if (const FunctionDecl *Pattern = Named->getTemplateInstantiationPattern())
    Named = Pattern;
  if (!passesFilter(*Named, F, Loc))
    return;
  const bool IsLambda = isLambdaCallOperator(Named);
  // A helper is named after itself.
  const std::string Callee =
      F.Helper ? displayName(*F.Helper) : apiName(*F.Api, *F.Site.Callee);
  bool Swapped = false;
  {
    DiagnosticBuilder D =
        diag(Loc, "'%0' %1 inside %select{coroutine %3|a coroutine lambda}2, "
                  "stalling every coroutine on its thread%select{|; use '%5' "
                  "instead}4")
        << Callee << F.Api->Reason << IsLambda << Named
        << (!F.Helper && !F.Api->Replacement.empty()) << F.Api->Replacement
        << F.Site.Call->getSourceRange();
    if (std::optional<CallFix> Fix = buildSwapFix(Report, F, *Shared)) {
      addFix(D, *Fix, Loc, SharedIncludes::AppliedWith::Warning);
      Swapped = true;
    }
  }
  // Walk the chain down to the blocking API.
  for (const ChainStep &Step : Shared->chain(F)) {
    if (Step.External) {
      if (Step.Site)
        diag(SM.getFileLoc(callLocation(*Step.Site->Call)),
             "'%0' calls '%1' here", DiagnosticIDs::Note)
            << displayName(*Step.Function) << displayName(*Step.Site->Callee);
      noteExternal(Step.Site ? *Step.Site->Callee : *Step.Function,
                   *Step.External);
      continue;
    }
    SourceLocation At = SM.getFileLoc(callLocation(*Step.Site->Call));
    if (Step.Api)
      diag(At, "'%0' calls '%1' here, which %2", DiagnosticIDs::Note)
          << displayName(*Step.Function)
          << apiName(*Step.Api, *Step.Site->Callee) << Step.Api->Reason;
    else
      diag(At, "'%0' calls '%1' here", DiagnosticIDs::Note)
          << displayName(*Step.Function) << displayName(*Step.Site->Callee);
  }
  noteWhyCoroutine(Report, *Named);
  // clang-tidy applies a note's fix (--fix-notes) only to a warning that
  // has none.
  noteOffload(Report, F, Callee, Loc,
              Swapped ? SharedIncludes::AppliedWith::Never
                      : SharedIncludes::AppliedWith::Note);
}

void BlockingCheckBase::addFix(DiagnosticBuilder &D, const CallFix &Fix,
                               SourceLocation Loc,
                               SharedIncludes::AppliedWith When) {
  // Code clang recovered from (a typo it corrected, say) is not the code as
  // written, and clang's own fix-its may edit the same text: a batch run
  // attaches no fix then. clangd shows each fix before it is applied, and
  // half-written code is its normal state.
  if (!areDiagsSelfContained() &&
      Shared->context().getDiagnostics().hasErrorOccurred())
    return;
  D << Fix.Replacement;
  FileID File = Shared->context().getSourceManager().getFileID(Loc);
  for (const std::string &Header : Fix.Includes)
    if (std::optional<FixItHint> Include =
            Includes
                ? Includes->insert(File, Header, When, areDiagsSelfContained())
                : std::nullopt)
      D << *Include;
}

// clang-tidy applies a note's fix with --fix-notes only when the warning has
// none; clangd offers it as a quick fix either way.
void BlockingCheckBase::noteOffload(const CoroutineReport &Report,
                                    const Finding &F, llvm::StringRef Callee,
                                    SourceLocation Loc,
                                    SharedIncludes::AppliedWith When) {
  OffloadFix O = buildOffloadFix(Report, F, *Shared, Offload);
  if (O.Fix) {
    DiagnosticBuilder D =
        diag(Loc,
             "offload '%0' to a thread pool; the coroutine resumes when it "
             "returns",
             DiagnosticIDs::Note)
        << Callee;
    addFix(D, *O.Fix, Loc, When);
  } else if (!O.MissingOptions.empty()) {
    diag(Loc, "to offload '%0' to a thread pool, set option %1",
         DiagnosticIDs::Note)
        << Callee << O.MissingOptions;
  }
}

void BlockingCheckBase::noteExternal(const FunctionDecl &Callee,
                                     const ExternalFinding &E) {
  std::string Path;
  llvm::raw_string_ostream OS(Path);
  for (size_t I = 1; I < E.Chain.size(); ++I)
    OS << "'" << E.Chain[I] << "', which calls ";
  OS << "'" << E.Api.Name << "'";
  diag(Callee.getLocation(),
       "'%0' is defined in '%1', where it calls %2, which %3 (from the "
       "summaries in '%4')",
       DiagnosticIDs::Note)
      << displayName(Callee) << llvm::sys::path::filename(E.DefinedIn) << Path
      << E.Api.Reason << SummaryDirectory;
}

void BlockingCheckBase::noteWhyCoroutine(const CoroutineReport &Report,
                                         const FunctionDecl &Named) {
  const bool IsLambda = isLambdaCallOperator(&Named);
  if (Report.FirstSuspend.isValid()) {
    diag(Report.FirstSuspend,
         "%select{%1|the lambda}0 is a coroutine because of this '%2'",
         DiagnosticIDs::Note)
        << IsLambda << &Named << Report.SuspendKeyword;
    return;
  }
  // A stackful coroutine: it takes a yield_context, or the user listed it.
  for (const ParmVarDecl *P : Named.parameters()) {
    const CXXRecordDecl *RD =
        P->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (RD && RD->getName() == "basic_yield_context") {
      diag(P->getLocation(),
           "%select{%1|the lambda}0 is a stackful coroutine because it takes "
           "this 'yield_context'",
           DiagnosticIDs::Note)
          << IsLambda << &Named;
      return;
    }
  }
  diag(Named.getLocation(),
       "%0 is a stackful coroutine because option 'StackfulFunctions' lists "
       "it",
       DiagnosticIDs::Note)
      << &Named;
}

} // namespace clang::tidy::async

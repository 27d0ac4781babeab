//===--- BlockingCheckBase.cpp - async-tidy -------------------------------===//

#include "BlockingCheckBase.h"
#include "Engine.h"
#include "SwapFixes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral BlockingFunctionsOption =
    "BlockingFunctions";
static constexpr llvm::StringLiteral AllowedFunctionsOption =
    "AllowedFunctions";
static constexpr llvm::StringLiteral DefaultUserReason = "blocks the thread";

/// Splits a ';'-separated option value into trimmed, non-empty items.
static llvm::SmallVector<llvm::StringRef, 4> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 4> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef &Item : Items)
    Item = Item.trim();
  llvm::erase_if(Items, [](llvm::StringRef S) { return S.empty(); });
  return Items;
}

BlockingCheckBase::BlockingCheckBase(llvm::StringRef Name,
                                     ClangTidyContext *Context, Category Cat)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()), Tidy(Context),
      BlockingFunctions(Options.get(BlockingFunctionsOption, "").str()),
      AllowedFunctions(Options.get(AllowedFunctionsOption, "").str()) {
  Policy.Cat = Cat;
  parseBlockingFunctions(BlockingFunctions);
  parseAllowedFunctions(AllowedFunctions);
  registerPolicy(Tidy, &Policy);
}

BlockingCheckBase::~BlockingCheckBase() { unregisterPolicy(Tidy, &Policy); }

void BlockingCheckBase::parseBlockingFunctions(llvm::StringRef Value) {
  for (llvm::StringRef Item : splitList(Value)) {
    llvm::SmallVector<llvm::StringRef, 3> Fields;
    Item.split(Fields, ',');
    ApiEntry E;
    E.Parts = Catalog::splitQualifiedName(Fields[0]);
    if (Fields.size() > 3 || E.Parts.empty()) {
      configurationDiag("invalid entry '%0' in option '%1.%2': expected "
                        "'qualified::name[,reason[,replacement]]'",
                        DiagnosticIDs::Error)
          << Item << CheckName << BlockingFunctionsOption;
      continue;
    }
    E.Name = Fields[0].trim().str();
    E.Name.erase(0, E.Name.rfind("::", 0) == 0 ? 2 : 0);
    E.Cat = Policy.Cat;
    E.Reason = Fields.size() > 1 && !Fields[1].trim().empty()
                   ? Fields[1].trim().str()
                   : DefaultUserReason.str();
    if (Fields.size() > 2)
      E.Replacement = Fields[2].trim().str();
    Policy.Extra.add(std::move(E));
  }
}

void BlockingCheckBase::parseAllowedFunctions(llvm::StringRef Value) {
  for (llvm::StringRef Item : splitList(Value)) {
    std::vector<std::string> Parts = Catalog::splitQualifiedName(Item);
    if (Parts.empty()) {
      configurationDiag("invalid entry '%0' in option '%1.%2': expected a "
                        "qualified function name",
                        DiagnosticIDs::Error)
          << Item << CheckName << AllowedFunctionsOption;
      continue;
    }
    Policy.Allowed.push_back(std::move(Parts));
  }
}

void BlockingCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, BlockingFunctionsOption, BlockingFunctions);
  Options.store(Opts, AllowedFunctionsOption, AllowedFunctions);
}

void BlockingCheckBase::registerMatchers(MatchFinder *Finder) {
  // Every coroutine body, lambdas and template instantiations included; the
  // engine walks down from there instead of matching calls upwards.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(coroutineBodyStmt()))
                         .bind("coroutine"),
                     this);
}

void BlockingCheckBase::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!Shared)
    Shared = acquireEngine(*Result.Context, Tidy);
  const CoroutineReport &Report = Shared->analyse(*Coroutine);
  for (const Finding &F : Report.Findings)
    if (F.Api->Cat == Policy.Cat)
      report(Report, F);
}

void BlockingCheckBase::onEndOfTranslationUnit() { Shared.reset(); }

static SourceLocation callLocation(const Expr &Call) {
  // Point at the member in 'sock.read_some(...)', at the operator in
  // 'std::cin >> n', at the start otherwise.
  if (llvm::isa<CXXMemberCallExpr, CXXOperatorCallExpr, CXXConstructExpr>(Call))
    return Call.getExprLoc();
  return Call.getBeginLoc();
}

void BlockingCheckBase::report(const CoroutineReport &Report,
                               const Finding &F) {
  ASTContext &Ctx = Shared->context();
  SourceLocation Loc =
      Ctx.getSourceManager().getFileLoc(callLocation(*F.Site.Call));
  if (!Shared->claim(Policy.Cat, Loc))
    return;
  const FunctionDecl *Named = Report.Coroutine;
  if (const FunctionDecl *Pattern = Named->getTemplateInstantiationPattern())
    Named = Pattern;
  const bool IsLambda = isLambdaCallOperator(Named);
  // Entries standing for annotated or generated functions are named by the
  // declaration.
  const std::string Callee =
      F.Api->Name.empty() || llvm::StringRef(F.Api->Name).contains('*')
          ? F.Site.Callee->getQualifiedNameAsString()
          : F.Api->Name;
  {
    DiagnosticBuilder D =
        diag(Loc, "'%0' %1 inside %select{coroutine %3|a coroutine lambda}2, "
                  "stalling every coroutine on its thread%select{|; use '%5' "
                  "instead}4")
        << Callee << F.Api->Reason << IsLambda << Named
        << !F.Api->Replacement.empty() << F.Api->Replacement
        << F.Site.Call->getSourceRange();
    if (std::optional<FixItHint> Fix = buildSwapFix(Report, F, Ctx))
      D << *Fix;
  }
  if (Report.FirstSuspend.isValid())
    diag(Report.FirstSuspend,
         "%select{%1|the lambda}0 is a coroutine because of this '%2'",
         DiagnosticIDs::Note)
        << IsLambda << Named << Report.SuspendKeyword;
}

} // namespace clang::tidy::async

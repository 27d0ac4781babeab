//===--- BlockingCallCheck.cpp - async-tidy -------------------------------===//

#include "BlockingCallCheck.h"
#include "Engine.h"
#include "SwapFixes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     ClangTidyContext *Context, Category Cat)
    : ClangTidyCheck(Name, Context), Cat(Cat) {}

BlockingCallCheck::~BlockingCallCheck() = default;

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  // Every coroutine body, lambdas and template instantiations included; the
  // engine walks down from there instead of matching calls upwards.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(coroutineBodyStmt()))
                         .bind("coroutine"),
                     this);
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!Shared)
    Shared = acquireEngine(*Result.Context);
  const CoroutineReport &Report = Shared->analyse(*Coroutine);
  for (const Finding &F : Report.Findings)
    if (F.Api->Cat == Cat)
      report(Report, F);
}

void BlockingCallCheck::onEndOfTranslationUnit() { Shared.reset(); }

static SourceLocation callLocation(const Expr &Call) {
  // Point at the member for 'sock.read_some(...)', at the start otherwise.
  if (llvm::isa<CXXMemberCallExpr, CXXConstructExpr>(Call))
    return Call.getExprLoc();
  return Call.getBeginLoc();
}

void BlockingCallCheck::report(const CoroutineReport &Report,
                               const Finding &F) {
  ASTContext &Ctx = Shared->context();
  SourceLocation Loc =
      Ctx.getSourceManager().getFileLoc(callLocation(*F.Site.Call));
  if (!Shared->claim(Cat, Loc))
    return;
  const FunctionDecl *Named = Report.Coroutine;
  if (const FunctionDecl *Pattern = Named->getTemplateInstantiationPattern())
    Named = Pattern;
  const bool IsLambda = isLambdaCallOperator(Named);
  {
    DiagnosticBuilder D =
        diag(Loc, "'%0' %1 inside %select{coroutine %3|a coroutine lambda}2, "
                  "stalling every coroutine on its thread")
        << F.Api->Name << F.Api->Reason << IsLambda << Named
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

//===--- SwapFixes.cpp - async-tidy ---------------------------------------===//

#include "SwapFixes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async {

namespace {

/// Whether a qualified name is declared in the translation unit.
bool isDeclared(llvm::StringRef QualifiedName, ASTContext &Ctx) {
  std::vector<std::string> Parts = Catalog::splitQualifiedName(QualifiedName);
  if (Parts.empty())
    return false;
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    DeclContextLookupResult Found = DC->lookup(&Ctx.Idents.get(Parts[I]));
    if (Found.empty())
      return false;
    if (I + 1 == Parts.size())
      return true;
    DC = nullptr;
    for (NamedDecl *ND : Found)
      if (const auto *Inner = llvm::dyn_cast<DeclContext>(ND)) {
        DC = Inner;
        break;
      }
    if (!DC)
      return false;
  }
  return false;
}

/// A std::chrono::duration that converts implicitly and exactly to
/// steady_clock::duration (nanoseconds on Linux).
bool isSteadyDuration(const Expr &Arg) {
  QualType T = Arg.getType().getNonReferenceType().getCanonicalType();
  const auto *Spec = llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || Spec->getQualifiedNameAsString() != "std::chrono::duration")
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 2 || Args[0].getKind() != TemplateArgument::Type ||
      !Args[0].getAsType()->isIntegerType() ||
      Args[1].getKind() != TemplateArgument::Type)
    return false;
  const auto *Ratio =
      llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
          Args[1].getAsType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() != 2)
    return false;
  const TemplateArgument &Num = Ratio->getTemplateArgs()[0];
  const TemplateArgument &Den = Ratio->getTemplateArgs()[1];
  if (Num.getKind() != TemplateArgument::Integral ||
      Den.getKind() != TemplateArgument::Integral)
    return false;
  llvm::APInt N = Num.getAsIntegral().sextOrTrunc(128);
  llvm::APInt D = Den.getAsIntegral().sextOrTrunc(128);
  if (N.isNonPositive() || D.isNonPositive())
    return false;
  llvm::APInt Nanos = N * llvm::APInt(128, 1000000000);
  return Nanos.urem(D) == 0;
}

bool meets(ArgRequirement R, const Expr &Arg) {
  switch (R) {
  case ArgRequirement::Any:
    return true;
  case ArgRequirement::SteadyDuration:
    return isSteadyDuration(Arg);
  }
  return false;
}

} // namespace

std::optional<FixItHint> buildSwapFix(const CoroutineReport &Report,
                                      const Finding &F, ASTContext &Ctx) {
  const SwapRule *Rule = F.Api->swapFor(Report.Fw.Family);
  // The rewrite is an expression of another type: only where the value of
  // the call is unused.
  if (!Rule || !F.Site.IsStatement || !llvm::isa<CallExpr>(F.Site.Call))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceRange Range = F.Site.Call->getSourceRange();
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return std::nullopt;

  llvm::ArrayRef<const Expr *> Args = callArguments(*F.Site.Call);
  if (Rule->Args.size() > Args.size())
    return std::nullopt;
  for (size_t I = 0; I < Rule->Args.size(); ++I)
    if (!meets(Rule->Args[I], *Args[I]))
      return std::nullopt;

  auto Expand = [&](llvm::StringRef Template) -> std::optional<std::string> {
    std::string Out;
    while (!Template.empty()) {
      size_t Open = Template.find('{');
      Out += Template.take_front(Open).str();
      if (Open == llvm::StringRef::npos)
        break;
      size_t Close = Template.find('}', Open);
      if (Close == llvm::StringRef::npos)
        return std::nullopt;
      llvm::StringRef Slot = Template.slice(Open + 1, Close);
      Template = Template.drop_front(Close + 1);
      unsigned Index;
      if (Slot == "ns") {
        Out += Report.Fw.Namespace.str();
      } else if (!Slot.getAsInteger(10, Index) && Index < Args.size()) {
        CharSourceRange ArgRange = Lexer::makeFileCharRange(
            CharSourceRange::getTokenRange(Args[Index]->getSourceRange()), SM,
            LO);
        if (ArgRange.isInvalid())
          return std::nullopt;
        Out += Lexer::getSourceText(ArgRange, SM, LO).str();
      } else {
        return std::nullopt;
      }
    }
    return Out;
  };

  for (const std::string &Need : Rule->Needs) {
    std::optional<std::string> Name = Expand(Need);
    if (!Name || !isDeclared(*Name, Ctx))
      return std::nullopt;
  }
  std::optional<std::string> Code = Expand(Rule->Code);
  if (!Code)
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Range),
                                      *Code);
}

} // namespace clang::tidy::async

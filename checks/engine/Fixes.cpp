//===--- Fixes.cpp - async-tidy -------------------------------------------===//

#include "Fixes.h"
#include "FixSafety.h"
#include "Templates.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringExtras.h"
#include <tuple>

namespace clang::tidy::async {

namespace {

/// The arguments the user wrote: defaulted trailing ones are not.
llvm::ArrayRef<const Expr *> writtenArguments(const Expr &Call) {
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  while (!Args.empty() && llvm::isa<CXXDefaultArgExpr>(Args.back()))
    Args = Args.drop_back();
  return Args;
}

/// Whether an argument is an error_code the call reports errors into.
bool isErrorCode(const Expr &Arg) {
  std::string Name = plainTypeName(Arg.getType());
  return Arg.isLValue() &&
         (Name == "std::error_code" || Name == "boost::system::error_code");
}

/// What fills a template's slots for one call.
struct Slots {
  Slots(const CoroutineReport &Report, const CallSite &Site, const Engine &E,
        const OffloadSettings *Offload = nullptr)
      : Report(Report), Site(Site), E(E), Offload(Offload),
        Args(writtenArguments(*Site.Call)) {
    if (!Args.empty() && isErrorCode(*Args.back())) {
      ErrorCode = Args.back();
      Args = Args.drop_back();
    }
  }
  const CoroutineReport &Report;
  const CallSite &Site;
  const Engine &E;
  const OffloadSettings *Offload;
  /// The arguments as written, without a trailing error_code.
  llvm::ArrayRef<const Expr *> Args;
  const Expr *ErrorCode = nullptr;
  std::string Type;
};

std::optional<std::string> text(CharSourceRange Range, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange File = Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts());
  if (File.isInvalid())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef T =
      Lexer::getSourceText(File, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid)
    return std::nullopt;
  return T.str();
}

std::optional<std::string> tokenText(SourceRange R, const ASTContext &Ctx) {
  return text(CharSourceRange::getTokenRange(R), Ctx);
}

/// The callee as written up to its name: 'sock.' in 'sock.read_some(b)',
/// 'net::' in 'net::read(s, b)'.
std::optional<std::string> calleePrefix(const Expr &Call,
                                        const ASTContext &Ctx) {
  const auto *C = llvm::dyn_cast<CallExpr>(&Call);
  if (!C || llvm::isa<CXXOperatorCallExpr>(C))
    return std::nullopt;
  const Expr *Callee = C->getCallee()->IgnoreImpCasts();
  SourceLocation NameLoc;
  if (const auto *M = llvm::dyn_cast<MemberExpr>(Callee)) {
    if (M->hasExplicitTemplateArgs())
      return std::nullopt;
    NameLoc = M->getMemberLoc();
  } else if (const auto *R = llvm::dyn_cast<DeclRefExpr>(Callee)) {
    if (R->hasExplicitTemplateArgs())
      return std::nullopt;
    NameLoc = R->getLocation();
  } else {
    return std::nullopt;
  }
  return text(CharSourceRange::getCharRange(C->getBeginLoc(), NameLoc), Ctx);
}

/// A named scheduler the coroutine can reach, for '{via:Type|Type}': a
/// parameter, or a field of the class of a member coroutine, spelled with
/// '.' or '->' as its type needs.
std::optional<std::string> scheduler(llvm::StringRef Types,
                                     const FunctionDecl &Coroutine) {
  llvm::SmallVector<llvm::StringRef, 2> Wanted;
  Types.split(Wanted, '|', -1, false);
  auto Access = [&](QualType T) -> std::optional<llvm::StringRef> {
    T = T.getNonReferenceType();
    llvm::StringRef Op = ".";
    if (T->isPointerType()) {
      T = T->getPointeeType();
      Op = "->";
    } else if (const auto *Spec =
                   llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
                       T->getAsCXXRecordDecl())) {
      std::string Name = plainQualifiedName(*Spec);
      if ((Name == "std::shared_ptr" || Name == "std::unique_ptr") &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
        T = Spec->getTemplateArgs()[0].getAsType();
        Op = "->";
      }
    }
    std::string Name = plainTypeName(T);
    if (llvm::is_contained(Wanted, Name))
      return Op;
    return std::nullopt;
  };
  for (const ParmVarDecl *P : Coroutine.parameters())
    if (P->getIdentifier())
      if (std::optional<llvm::StringRef> Op = Access(P->getType()))
        return (P->getName() + *Op).str();
  if (const auto *M = llvm::dyn_cast<CXXMethodDecl>(&Coroutine))
    if (!M->isStatic() && !M->getParent()->isLambda())
      for (const FieldDecl *Field : M->getParent()->fields())
        if (Field->getIdentifier())
          if (std::optional<llvm::StringRef> Op = Access(Field->getType()))
            return (Field->getName() + *Op).str();
  return std::nullopt;
}

/// Whether an expression is a postfix or primary expression as written.
bool isPostfix(const Expr &E) {
  const Expr *W = E.IgnoreImplicit();
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(W))
    return Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript ||
           Op->getOperator() == OO_Arrow;
  return llvm::isa<CallExpr, DeclRefExpr, MemberExpr, ParenExpr,
                   ArraySubscriptExpr, CXXTemporaryObjectExpr,
                   CXXFunctionalCastExpr, CXXNamedCastExpr, IntegerLiteral,
                   StringLiteral, CXXUnresolvedConstructExpr>(W);
}

/// Fills the slots of Template; std::nullopt when one cannot be filled.
std::optional<std::string> expand(llvm::StringRef Template, const Slots &S) {
  const ASTContext &Ctx = S.E.context();
  llvm::ArrayRef<const Expr *> Args = S.Args;
  return expandTemplate(
      Template,
      [&](const Slot &Slot,
          llvm::StringRef Before) -> std::optional<std::string> {
        switch (Slot.Kind) {
        case SlotKind::Ns:
          if (!S.Report.Fw)
            return std::nullopt;
          // The user's own 'asio' next to the coroutine would be found
          // first: name the framework's from the global scope.
          if (shadowedAt(S.Report.Fw->Namespace,
                         *S.Report.Coroutine->getDeclContext(), S.E.context()))
            return "::" + S.Report.Fw->Namespace;
          return S.Report.Fw->Namespace;
        case SlotKind::Arg: {
          if (Slot.Index >= Args.size())
            return std::nullopt;
          std::optional<std::string> Value =
              tokenText(Args[Slot.Index]->getSourceRange(), Ctx);
          // 'co_await' takes a cast-expression: 'co_await (a | b)'.
          if (Value && Before.ends_with("co_await ") &&
              !isPostfix(*Args[Slot.Index]))
            Value = "(" + *Value + ")";
          return Value;
        }
        case SlotKind::Args:
        case SlotKind::ArgsComma: {
          // '{args,}' is followed by more arguments.
          if (Args.empty())
            return std::string();
          std::optional<std::string> Value =
              text(CharSourceRange::getTokenRange(Args.front()->getBeginLoc(),
                                                  Args.back()->getEndLoc()),
                   Ctx);
          if (Value && Slot.Kind == SlotKind::ArgsComma)
            *Value += ", ";
          return Value;
        }
        case SlotKind::Ec:
          if (S.ErrorCode)
            return tokenText(S.ErrorCode->getSourceRange(), Ctx);
          return std::nullopt;
        case SlotKind::Yield:
          if (S.Report.Yield)
            return S.Report.Yield->getName().str();
          return std::nullopt;
        case SlotKind::Prefix:
          return calleePrefix(*S.Site.Call, Ctx);
        case SlotKind::Object: {
          // An object the rewrite can name again: not a temporary.
          const Expr *Object = callObject(*S.Site.Call);
          if (!Object || Object->isImplicitCXXThis() ||
              (!Object->isGLValue() && !Object->getType()->isPointerType()))
            return std::nullopt;
          return tokenText(Object->getSourceRange(), Ctx);
        }
        case SlotKind::Call:
          return tokenText(S.Site.Call->getSourceRange(), Ctx);
        case SlotKind::Type:
          if (!S.Type.empty())
            return S.Type;
          return std::nullopt;
        case SlotKind::Pool:
        case SlotKind::Home: {
          if (!S.Offload)
            return std::nullopt;
          const std::string &Value = Slot.Kind == SlotKind::Pool
                                         ? S.Offload->Executor
                                         : S.Offload->HomeExecutor;
          if (Value.empty())
            return std::nullopt;
          return Value;
        }
        case SlotKind::Via:
          return scheduler(Slot.Types, *S.Report.Coroutine);
        case SlotKind::Name:
          return S.Site.Callee->getName().str();
        }
        return std::nullopt;
      });
}

/// Whether a name a template needs is declared: a qualified name looked up
/// from the translation unit, or '{scope}::name' next to the callee (the
/// async twin of a member function, or of a function in an inline
/// namespace).
bool declared(llvm::StringRef Need, const Slots &S) {
  ASTContext &Ctx = S.E.context();
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  std::string Expanded;
  if (Need.consume_front("{scope}::")) {
    DC = S.Site.Callee->getDeclContext();
    Expanded = Need.str();
  } else if (std::optional<std::string> E = expand(Need, S)) {
    Expanded = *E;
  } else {
    return false;
  }
  return !lookupQualified(Expanded, *DC, Ctx).empty();
}

/// Whether a std::chrono::duration argument converts to one of period
/// Num/Den implicitly and exactly; Den == 0 accepts any duration.
bool isDuration(const Expr &Arg, uint64_t Num, uint64_t Den) {
  QualType T = Arg.getType().getNonReferenceType().getCanonicalType();
  const auto *Spec = llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || plainQualifiedName(*Spec) != "std::chrono::duration")
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 2 || Args[0].getKind() != TemplateArgument::Type ||
      Args[1].getKind() != TemplateArgument::Type)
    return false;
  if (Den == 0)
    return true;
  if (!Args[0].getAsType()->isIntegerType())
    return false;
  const auto *Ratio =
      llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
          Args[1].getAsType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() != 2)
    return false;
  const TemplateArgument &RN = Ratio->getTemplateArgs()[0];
  const TemplateArgument &RD = Ratio->getTemplateArgs()[1];
  if (RN.getKind() != TemplateArgument::Integral ||
      RD.getKind() != TemplateArgument::Integral)
    return false;
  llvm::APInt N = RN.getAsIntegral().sextOrTrunc(128);
  llvm::APInt D = RD.getAsIntegral().sextOrTrunc(128);
  if (N.isNonPositive() || D.isNonPositive())
    return false;
  // N/D seconds is a whole number of Num/Den seconds: N*Den % (D*Num) == 0.
  llvm::APInt Scaled = N * llvm::APInt(128, Den);
  return Scaled.urem(D * llvm::APInt(128, Num)) == 0;
}

/// Whether an integer argument reaches parameter Param unchanged.
bool unchanged(const Expr &Arg, const ParmVarDecl *Param,
               const ASTContext &Ctx) {
  if (!Param || !Param->getType()->isIntegerType())
    return false;
  QualType To = Param->getType();
  const Expr *E = Arg.IgnoreParenImpCasts();
  if (!E->getType()->isIntegerType() || E->isValueDependent())
    return false;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx)) {
    llvm::APSInt V = R.Val.getInt();
    llvm::APSInt Min = llvm::APSInt::getMinValue(Ctx.getIntWidth(To),
                                                 To->isUnsignedIntegerType());
    llvm::APSInt Max = llvm::APSInt::getMaxValue(Ctx.getIntWidth(To),
                                                 To->isUnsignedIntegerType());
    return llvm::APSInt::compareValues(V, Min) >= 0 &&
           llvm::APSInt::compareValues(V, Max) <= 0;
  }
  QualType From = E->getType();
  return From->isUnsignedIntegerType() == To->isUnsignedIntegerType() &&
         Ctx.getIntWidth(From) <= Ctx.getIntWidth(To);
}

bool meets(ArgRequirement R, const Expr &Arg, unsigned Index, const Slots &S) {
  switch (R) {
  case ArgRequirement::Unchanged: {
    const FunctionDecl *Callee = S.Site.Callee;
    return unchanged(
        Arg,
        Index < Callee->getNumParams() ? Callee->getParamDecl(Index) : nullptr,
        S.E.context());
  }
  case ArgRequirement::Any:
    return true;
  case ArgRequirement::Duration:
    return isDuration(Arg, 1, 0);
  case ArgRequirement::SteadyDuration:
    return isDuration(Arg, 1, 1000000000);
  case ArgRequirement::MillisecondsDuration:
    return isDuration(Arg, 1, 1000);
  case ArgRequirement::Awaitable: {
    // As the blocking wait took it: an lvalue task may not be awaitable
    // (folly and async_simple await rvalues only).
    const Expr *E = Arg.IgnoreImplicit();
    const Framework *Fw = S.E.frameworkOfType(plainTypeName(E->getType()));
    return !E->isLValue() && Fw && S.Report.Fw &&
           Fw->Family == S.Report.Fw->Family;
  }
  }
  return false;
}

/// Checks a template's needs; the headers to include when some name is not
/// declared and the template says which headers declare it.
std::optional<std::vector<std::string>>
needsMet(llvm::ArrayRef<std::string> Needs,
         llvm::ArrayRef<std::string> Includes, const Slots &S) {
  // A name the fix writes must mean the same where it is written.
  for (const std::string &Need : Needs)
    if (std::optional<std::string> Written = expand(Need, S))
      if (shadowedAt(*Written, *S.Report.Coroutine->getDeclContext(),
                     S.E.context()))
        return std::nullopt;
  for (const std::string &Need : Needs)
    if (!declared(Need, S)) {
      if (Includes.empty())
        return std::nullopt;
      return std::vector<std::string>(Includes.begin(), Includes.end());
    }
  return std::vector<std::string>();
}

/// Whether a rule would rewrite the call into the very function the
/// coroutine implements (a library's own fallback).
bool rewritesItself(const SwapRule &Rule, const Slots &S) {
  for (const DeclContext *DC = S.Report.Coroutine; DC; DC = DC->getParent())
    if (const auto *F = llvm::dyn_cast<FunctionDecl>(DC))
      for (const std::string &Need : Rule.Needs)
        if (std::optional<std::string> Name = expand(Need, S))
          if (llvm::StringRef(*Name).ltrim(':') ==
              F->getQualifiedNameAsString())
            return true;
  return false;
}

/// The replacement of the call by Code, if the context allows it.
std::optional<CallFix> replaceCall(std::string Code, const Slots &S,
                                   std::vector<std::string> Includes) {
  const bool Awaits = llvm::StringRef(Code).starts_with("co_await");
  if (llvm::StringRef(Code).contains("co_await") &&
      (!S.Site.CanAwait || S.Report.Stackful ||
       (S.Report.Fw && !S.Report.Fw->Awaits)))
    return std::nullopt;
  if (Awaits && S.Site.NeedsParens)
    Code = "(" + Code + ")";
  SourceRange Range = S.Site.Call->getSourceRange();
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return std::nullopt;
  return CallFix{
      FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Range), Code),
      std::move(Includes)};
}

/// The type of a call's value, spelled so that it names the same type at
/// the call; empty when it cannot be spelled there.
std::string spellType(const Expr &Call, const ASTContext &Ctx) {
  QualType T = Call.getType();
  if (T.isNull() || T->isDependentType() || T->isUndeducedType() ||
      T->isVariablyModifiedType())
    return {};
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    if (RD->isLambda() || RD->isLocalClass() || !RD->getIdentifier())
      return {};
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  return TypeName::getFullyQualifiedName(T.getUnqualifiedType(), Ctx, Policy,
                                         /*WithGlobalNsPrefix=*/false);
}

/// 'sock.read_some(b)' to 'co_await sock.async_read_some(b, TOKEN)': the
/// twin next to the callee takes the same arguments and a completion token,
/// and yields the same value; a trailing error_code is kept by redirecting
/// errors into it.
std::optional<CallFix> buildTwinFix(const ApiEntry &Api, const Slots &S) {
  const Framework *Fw = S.Report.Fw;
  if (Api.AsyncTwin.empty() || Fw->Token.empty() ||
      (S.ErrorCode && Fw->RedirectError.empty()))
    return std::nullopt;
  llvm::StringRef Name = S.Site.Callee->getName();
  std::string Twin = Api.twinName(Name);
  if (!Catalog::splitQualifiedName(Twin).empty() &&
      !declared("{scope}::" + Twin, S))
    return std::nullopt;
  for (const std::string &Need : Fw->TokenNeeds)
    if (!declared(Need, S))
      return std::nullopt;
  std::optional<std::string> Code =
      expand(Api.twinTemplate(Name, *Fw, S.ErrorCode != nullptr), S);
  if (!Code)
    return std::nullopt;
  return replaceCall(std::move(*Code), S, {});
}

} // namespace

std::optional<CallFix> buildSwapFix(const CoroutineReport &Report,
                                    const Finding &F, const Engine &E) {
  if (F.Helper || !Report.Fw || !llvm::isa<CallExpr>(F.Site.Call) ||
      !whyNotRewritten(Report, F.Site, E.context()).empty())
    return std::nullopt;
  Slots S(Report, F.Site, E);
  llvm::ArrayRef<const Expr *> Args = writtenArguments(*F.Site.Call);
  // Written once into a template, a rewrite must fit every instantiation:
  // argument types checked on this one may not hold for the others.
  const bool Instantiated = instantiatedFrom(*Report.Coroutine) != nullptr;
  for (const SwapRule *Rule : F.Api->swapsFor(Report.Fw->Family)) {
    // A rewrite of another type may only replace a call whose value is
    // unused.
    if ((Rule->Arity && *Rule->Arity != Args.size()) ||
        (!Rule->SameValue && !F.Site.IsStatement) ||
        Rule->Args.size() > Args.size() ||
        (Instantiated && llvm::any_of(Rule->Args,
                                      [](ArgRequirement R) {
                                        return R != ArgRequirement::Any;
                                      })) ||
        rewritesItself(*Rule, S))
      continue;
    bool Meets = true;
    for (size_t I = 0; I < Rule->Args.size() && Meets; ++I)
      Meets = meets(Rule->Args[I], *Args[I], I, S);
    if (!Meets)
      continue;
    std::optional<std::vector<std::string>> Includes =
        needsMet(Rule->Needs, Rule->Includes, S);
    if (!Includes)
      continue;
    if (std::optional<std::string> Code = expand(Rule->Code, S))
      return replaceCall(std::move(*Code), S, std::move(*Includes));
  }
  return buildTwinFix(*F.Api, S);
}

OffloadFix buildOffloadFix(const CoroutineReport &Report, const Finding &F,
                           const Engine &E, const OffloadSettings &Settings) {
  const auto *Call = llvm::dyn_cast<CallExpr>(F.Site.Call);
  if (!Call || Report.Stackful || !F.Site.CanAwait)
    return {};
  for (const std::string &Why : {whyNotRewritten(Report, F.Site, E.context()),
                                 whyNotOffloaded(Report, F.Site, E.context())})
    if (!Why.empty())
      return {std::nullopt, "", Why};
  Slots S(Report, F.Site, E, &Settings);
  // A call whose value is unused is offloaded as a statement; a value is
  // carried back only when it is a prvalue whose type can be spelled.
  const bool Void = Call->getType()->isVoidType() || F.Site.IsStatement;
  if (!Void) {
    if (instantiatedFrom(*Report.Coroutine))
      return {std::nullopt, "",
              "its type may differ between the template's instantiations, and "
              "the fix would spell this one's"};
    if (!Call->isPRValue())
      return {};
    S.Type = spellType(*Call, E.context());
    if (S.Type.empty())
      return {};
  } else {
    S.Type = "void";
  }
  llvm::StringRef Template = Settings.Template;
  llvm::ArrayRef<std::string> Needs;
  llvm::ArrayRef<std::string> Includes;
  if (Template.empty()) {
    if (!Report.Fw || Report.Fw->Offload.Value.empty())
      return {std::nullopt, "'OffloadTemplate'", ""};
    const OffloadIdiom &Idiom = Report.Fw->Offload;
    Template = Void ? Idiom.Void : Idiom.Value;
    Needs = Idiom.Needs;
    Includes = Idiom.Includes;
    std::string Missing;
    if (Template.contains("{pool}") && Settings.Executor.empty())
      Missing = "'OffloadExecutor'";
    if (Template.contains("{home}") && Settings.HomeExecutor.empty())
      Missing += (Missing.empty() ? "" : " and ") +
                 std::string("'OffloadHomeExecutor'");
    if (!Missing.empty())
      return {std::nullopt, Missing, ""};
  }
  // The pool and the executor to go home to must be the ones the options
  // mean, where the coroutine is written.
  for (auto [Slot, Value, Option] :
       {std::tuple("{pool}", &Settings.Executor, "OffloadExecutor"),
        std::tuple("{home}", &Settings.HomeExecutor, "OffloadHomeExecutor")})
    if (Template.contains(Slot))
      if (std::string Why =
              whyNotNamed(*Value, Option, *Report.Coroutine, E.context());
          !Why.empty())
        return {std::nullopt, "", Why};
  std::optional<std::vector<std::string>> Headers =
      needsMet(Needs, Includes, S);
  if (!Headers)
    return {};
  std::optional<std::string> Code = expand(Template, S);
  if (!Code) {
    // The framework's idiom goes back to a scheduler the coroutine names.
    if (size_t Via = Template.find("{via:"); Via != llvm::StringRef::npos) {
      llvm::SmallVector<llvm::StringRef, 2> Types;
      Template.substr(Via + 5).split('}').first.split(Types, '|');
      return {std::nullopt, "",
              "'" + Report.Coroutine->getNameAsString() +
                  "' names no scheduler to come back to after the pool (a "
                  "parameter or member of type " +
                  llvm::join(Types, " or ") + ")"};
    }
    return {};
  }
  return {replaceCall(std::move(*Code), S, std::move(*Headers)), "", ""};
}

} // namespace clang::tidy::async

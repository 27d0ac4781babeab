//===--- ApiMatcher.cpp - async-tidy --------------------------------------===//

#include "ApiMatcher.h"
#include "CoroutineWalker.h"
#include "Policy.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::async {

static const DeclContext *skipTransparent(const DeclContext *DC) {
  while (DC && (DC->isInlineNamespace() ||
                llvm::isa<LinkageSpecDecl, ExportDecl>(DC)))
    DC = DC->getParent();
  return DC;
}

std::string lastName(const NamedDecl &ND) {
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&ND))
    return Ctor->getParent()->getName().str();
  if (const auto *Dtor = llvm::dyn_cast<CXXDestructorDecl>(&ND))
    return ("~" + Dtor->getParent()->getName()).str();
  if (const IdentifierInfo *II = ND.getIdentifier())
    return II->getName().str();
  if (const auto *FD = llvm::dyn_cast<FunctionDecl>(&ND))
    if (FD->isOverloadedOperator())
      return FD->getDeclName().getAsString();
  return {};
}

bool scopesMatch(const DeclContext *DC,
                 llvm::ArrayRef<std::string> Qualifiers) {
  // A leading '*' stands for one or more enclosing scopes of any name.
  const bool AnyOuter = !Qualifiers.empty() && Qualifiers.front() == "*";
  if (AnyOuter)
    Qualifiers = Qualifiers.drop_front();
  for (const std::string &Q : llvm::reverse(Qualifiers)) {
    DC = skipTransparent(DC);
    const auto *ND = llvm::dyn_cast_if_present<NamedDecl>(DC);
    // An enumeration scopes its enumerators (std::future_status::ready).
    if (!ND || !llvm::isa<NamespaceDecl, RecordDecl, EnumDecl>(ND) ||
        !ND->getIdentifier() || (Q != "*" && ND->getName() != Q))
      return false;
    DC = DC->getParent();
  }
  DC = skipTransparent(DC);
  if (AnyOuter)
    return llvm::isa_and_present<NamespaceDecl, RecordDecl>(DC);
  return DC && DC->isTranslationUnit();
}

bool isNamed(const NamedDecl &ND, llvm::ArrayRef<std::string> Name) {
  return ND.getIdentifier() && ND.getName() == Name.back() &&
         scopesMatch(ND.getDeclContext(), Name.drop_back());
}

namespace {

bool refersTo(const Expr *E, llvm::ArrayRef<std::string> Variable) {
  const auto *Ref = llvm::dyn_cast_if_present<DeclRefExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref && llvm::isa<VarDecl>(Ref->getDecl()) &&
         isNamed(*Ref->getDecl(), Variable);
}

/// Whether E is of class Class, or a pointer or reference to one.
bool hasClassType(const Expr &E, llvm::ArrayRef<std::string> Class) {
  // As written: an ifstream passed where an istream& is taken is still an
  // ifstream.
  for (const Expr *Form : {&E, E.IgnoreParenImpCasts()}) {
    QualType T = Form->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (RD && isNamed(*RD, Class))
      return true;
  }
  return false;
}

} // namespace

bool typeMentions(QualType T, llvm::ArrayRef<std::string> Class,
                  unsigned Depth) {
  if (Depth > 8 || T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  for (const DeclContext *DC = RD; llvm::isa<CXXRecordDecl>(DC);
       DC = DC->getParent())
    if (isNamed(*llvm::cast<CXXRecordDecl>(DC), Class))
      return true;
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          typeMentions(A.getAsType(), Class, Depth + 1))
        return true;
  return false;
}

namespace {

bool hasAnnotation(const FunctionDecl &FD, llvm::StringRef Text) {
  return llvm::any_of(
      FD.getMostRecentDecl()->specific_attrs<AnnotateAttr>(),
      [&](const AnnotateAttr *A) { return A->getAnnotation() == Text; });
}

bool hasEffect(const FunctionDecl &FD, FunctionEffect::Kind K) {
  return llvm::any_of(FD.getFunctionEffects().effects(),
                      [&](const FunctionEffect &E) { return E.kind() == K; });
}

unsigned writtenArgCount(llvm::ArrayRef<const Expr *> Args) {
  unsigned N = 0;
  for (const Expr *A : Args)
    if (!llvm::isa<CXXDefaultArgExpr>(A))
      ++N;
  return N;
}

/// Evaluates an integer or a duration-like value (a class whose only field is
/// its count) to an integer.
std::optional<llvm::APSInt> constantValue(const Expr &Arg,
                                          const ASTContext &Ctx) {
  const Expr *E = Arg.IgnoreImplicit();
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->getType()->isIntegralOrEnumerationType()) {
    if (E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt();
    return std::nullopt;
  }
  if (!E->isPRValue() || !E->EvaluateAsRValue(R, Ctx) || !R.Val.isStruct() ||
      R.Val.getStructNumBases() != 0 || R.Val.getStructNumFields() != 1)
    return std::nullopt;
  const APValue &Field = R.Val.getStructField(0);
  if (!Field.isInt())
    return std::nullopt;
  return Field.getInt();
}

/// The bits an integer expression has set whatever its variables hold: a
/// constant's, and for 'flags | O_NONBLOCK' those of either operand.
std::optional<llvm::APSInt> knownBits(const Expr &Arg, const ASTContext &Ctx) {
  if (std::optional<llvm::APSInt> V = constantValue(Arg, Ctx))
    return V;
  const auto *Or = llvm::dyn_cast<BinaryOperator>(Arg.IgnoreParenImpCasts());
  if (!Or || Or->getOpcode() != BO_Or)
    return std::nullopt;
  std::optional<llvm::APSInt> L = knownBits(*Or->getLHS(), Ctx);
  std::optional<llvm::APSInt> R = knownBits(*Or->getRHS(), Ctx);
  if (!L || !R)
    return L ? L : R;
  if (L->getBitWidth() != R->getBitWidth())
    return llvm::APSInt::get(L->getExtValue() | R->getExtValue());
  return *L | *R;
}

} // namespace

bool declaredNonBlocking(const FunctionDecl &F) {
  return hasEffect(F, FunctionEffect::Kind::NonBlocking) ||
         hasAnnotation(F, "async_tidy::nonblocking");
}

ApiMatcher::ApiMatcher(
    ASTContext &Ctx, const Preprocessor *PP,
    const std::array<const CategoryPolicy *, NumCategories> &Policies)
    : Ctx(Ctx), PP(PP), Builtin(Catalog::builtin()), Policies(Policies) {
  AnnotatedBlocking.Cat = Category::Call;
  AnnotatedBlocking.Reason = "is declared blocking";
}

bool ApiMatcher::matches(const ApiEntry &Api, const FunctionDecl &Callee,
                         const CXXRecordDecl *ObjectClass) const {
  if (Api.RequiresCLinkage && !Callee.isExternC())
    return false;
  llvm::ArrayRef<std::string> Qualifiers =
      llvm::ArrayRef(Api.Parts).drop_back();
  if (scopesMatch(Callee.getDeclContext(), Qualifiers))
    return true;
  // 'fut.wait()' calls std::__basic_future::wait on a std::future: the
  // catalog names the class the user sees.
  const auto *Owner = llvm::dyn_cast<CXXRecordDecl>(Callee.getDeclContext());
  if (!ObjectClass || !Owner || !ObjectClass->hasDefinition() ||
      ObjectClass->getCanonicalDecl() == Owner->getCanonicalDecl() ||
      Qualifiers.empty())
    return false;
  if (scopesMatch(ObjectClass, Qualifiers))
    return true;
  bool Found = false;
  ObjectClass->forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || scopesMatch(Base, Qualifiers);
    return !Found;
  });
  return Found;
}

bool ApiMatcher::allowed(const CategoryPolicy &P,
                         const NamedDecl &Callee) const {
  const std::string Name = lastName(Callee);
  return llvm::any_of(P.Allowed, [&](const std::vector<std::string> &A) {
    return (A.back() == "*" || A.back() == Name) &&
           scopesMatch(Callee.getDeclContext(), llvm::ArrayRef(A).drop_back());
  });
}

const ApiEntry *ApiMatcher::match(const FunctionDecl &Callee,
                                  const CXXRecordDecl *ObjectClass,
                                  const Expr *Site) const {
  if (declaredNonBlocking(Callee))
    return nullptr;
  // Copy and move constructors only transfer what was already opened.
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&Callee))
    if (Ctor->isCopyOrMoveConstructor())
      return nullptr;
  const std::string Name = lastName(Callee);
  auto Accept = [&](const ApiEntry &Api) -> bool {
    const CategoryPolicy *P = Policies[static_cast<unsigned>(Api.Cat)];
    return P && (!Api.OptIn || P->EnableOptIn) &&
           matches(Api, Callee, ObjectClass) && !allowed(*P, Callee) &&
           (!Site || conditionsHold(Api, *Site));
  };
  if (!Name.empty()) {
    // The user's entries first: they may carry a replacement.
    for (const CategoryPolicy *P : Policies)
      if (P)
        for (const ApiEntry *Api : P->Extra.candidates(Name))
          if (Accept(*Api))
            return Api;
    for (const ApiEntry *Api : Builtin.candidates(Name))
      if (Accept(*Api))
        return Api;
  }
  const CategoryPolicy *Call = Policies[static_cast<unsigned>(Category::Call)];
  if (Call && !allowed(*Call, Callee) &&
      (hasEffect(Callee, FunctionEffect::Kind::Blocking) ||
       hasAnnotation(Callee, "async_tidy::blocking")))
    return &AnnotatedBlocking;
  return nullptr;
}

const ApiEntry *ApiMatcher::classifyObject(const VarDecl &Object) {
  auto [It, Inserted] = ClassifiedObjects.try_emplace(&Object, nullptr);
  if (!Inserted)
    return It->second;
  const std::string Name = lastName(Object);
  for (const ApiEntry *Api : Builtin.candidates(Name)) {
    const CategoryPolicy *P = Policies[static_cast<unsigned>(Api->Cat)];
    if (P && !Api->RequiresCLinkage && (!Api->OptIn || P->EnableOptIn) &&
        scopesMatch(Object.getDeclContext(),
                    llvm::ArrayRef(Api->Parts).drop_back()) &&
        !allowed(*P, Object))
      return ClassifiedObjects[&Object] = Api;
  }
  return nullptr;
}

bool ApiMatcher::holds(const ArgCondition &C, const Expr &Call) const {
  // A destruction's expression is what made the object, not a call.
  if (C.K == ArgCondition::Kind::MadeBy) {
    const auto *Made =
        llvm::dyn_cast<CallExpr>(Call.IgnoreImplicit()->IgnoreParens());
    const FunctionDecl *F = Made ? Made->getDirectCallee() : nullptr;
    return F && isNamed(*F, C.Name);
  }
  if (!llvm::isa<CallExpr, CXXConstructExpr>(Call))
    return false;
  llvm::ArrayRef<const Expr *> Args = callArguments(Call);
  switch (C.K) {
  case ArgCondition::Kind::ArgCount:
    return writtenArgCount(Args) == C.Value;
  case ArgCondition::Kind::ObjectIs:
    return refersTo(callObject(Call), C.Name);
  case ArgCondition::Kind::Returns:
    return hasClassType(Call, C.Name);
  case ArgCondition::Kind::ObjectMentions: {
    const Expr *Object = callObject(Call);
    return Object && typeMentions(Object->getType(), C.Name);
  }
  default:
    break;
  }
  if (C.Arg >= Args.size())
    return false;
  const Expr &Arg = *Args[C.Arg];
  switch (C.K) {
  case ArgCondition::Kind::HasType:
    return hasClassType(Arg, C.Name);
  case ArgCondition::Kind::Mentions:
    return typeMentions(Arg.getType(), C.Name);
  case ArgCondition::Kind::IsVar:
    return refersTo(&Arg, C.Name);
  case ArgCondition::Kind::Equals:
  case ArgCondition::Kind::HasBits: {
    std::optional<llvm::APSInt> V = C.K == ArgCondition::Kind::HasBits
                                        ? knownBits(Arg, Ctx)
                                        : constantValue(Arg, Ctx);
    if (!V || V->getSignificantBits() > 64)
      return false;
    const int64_t Value = V->getExtValue();
    int64_t Expected = C.Value;
    if (!C.Constant.empty()) {
      // A flag the headers do not define cannot have been passed.
      std::optional<int64_t> Defined = constant(C.Constant);
      if (!Defined)
        return false;
      Expected = *Defined;
    }
    return C.K == ArgCondition::Kind::Equals ? Value == Expected
                                             : (Value & Expected) == Expected;
  }
  default:
    return false;
  }
}

std::optional<int64_t> ApiMatcher::constant(llvm::StringRef Name) const {
  auto [It, Inserted] = Constants.try_emplace(Name, std::nullopt);
  if (!Inserted)
    return It->second;
  std::optional<int64_t> Value;
  // A macro expanding to a number, or to another name (glibc defines
  // MSG_DONTWAIT as itself, after an enumerator of that name).
  llvm::StringRef Current = Name;
  for (unsigned Hops = 0; PP && Hops < 4 && !Value; ++Hops) {
    const IdentifierTable &Table = PP->getIdentifierTable();
    auto Found = Table.find(Current);
    const IdentifierInfo *II =
        Found != Table.end() ? Found->getValue() : nullptr;
    const MacroInfo *MI = II ? PP->getMacroInfo(II) : nullptr;
    if (!MI || MI->getNumTokens() == 0)
      break;
    // '(0x40)' as well as '0x40'.
    llvm::ArrayRef<Token> Toks = MI->tokens();
    if (Toks.size() == 3 && Toks.front().is(tok::l_paren) &&
        Toks.back().is(tok::r_paren))
      Toks = Toks.slice(1, 1);
    if (Toks.size() != 1)
      break;
    const Token &T = Toks.front();
    if (T.is(tok::numeric_constant) && T.getLiteralData()) {
      llvm::StringRef Text(T.getLiteralData(), T.getLength());
      Text = Text.rtrim("uUlL");
      int64_t V = 0;
      if (!Text.getAsInteger(0, V))
        Value = V;
      break;
    }
    if (!T.is(tok::identifier) || T.getIdentifierInfo()->getName() == Current)
      break;
    Current = T.getIdentifierInfo()->getName();
  }
  // An enumerator or constant: MSG_DONTWAIT, zmq::recv_flags::dontwait.
  if (!Value)
    for (const NamedDecl *ND :
         lookupQualified(Current, *Ctx.getTranslationUnitDecl(), Ctx)) {
      if (const auto *EC = llvm::dyn_cast<EnumConstantDecl>(ND))
        if (EC->getInitVal().getSignificantBits() <= 64) {
          Value = EC->getInitVal().getExtValue();
          break;
        }
      if (const auto *VD = llvm::dyn_cast<VarDecl>(ND))
        if (const Expr *Init = VD->getAnyInitializer())
          if (std::optional<llvm::APSInt> V = constantValue(*Init, Ctx))
            if (V->getSignificantBits() <= 64) {
              Value = V->getExtValue();
              break;
            }
    }
  Constants[Name] = Value;
  return Value;
}

bool ApiMatcher::conditionsHold(const ApiEntry &Api, const Expr &Call) const {
  auto Holds = [&](const ArgCondition &C) { return holds(C, Call); };
  return (Api.When.empty() || llvm::any_of(Api.When, Holds)) &&
         llvm::none_of(Api.Unless, Holds) && (!Api.Flags || Holds(*Api.Flags));
}

const ApiEntry *ApiMatcher::blockingApi(const CallSite &Site) {
  auto [It, Inserted] =
      Classified.try_emplace({Site.Callee, Site.ObjectClass}, nullptr);
  if (Inserted)
    It->second = match(*Site.Callee, Site.ObjectClass);
  const ApiEntry *Api = It->second;
  if (!Api && Site.CalledObject)
    Api = classifyObject(*Site.CalledObject);
  if (!Api || conditionsHold(*Api, *Site.Call))
    return Api;
  // Entries of one name may differ by their conditions ('std::getline' on
  // std::cin, on a file stream): the first that holds for this call.
  return Site.CalledObject ? nullptr
                           : match(*Site.Callee, Site.ObjectClass, Site.Call);
}

} // namespace clang::tidy::async

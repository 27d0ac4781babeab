//===--- ArgumentGuards.cpp - async-tidy ----------------------------------===//

#include "ArgumentGuards.h"
#include "ApiMatcher.h"
#include "CoroutineWalker.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>

namespace clang::tidy::async {

namespace {

/// Whether a class is std::basic_string or std::basic_string_view.
bool isStringClass(const CXXRecordDecl *RD) {
  return RD && RD->getIdentifier() &&
         (RD->getName() == "basic_string" ||
          RD->getName() == "basic_string_view") &&
         RD->isInStdNamespace();
}

bool isOptionalClass(const CXXRecordDecl *RD) {
  return RD && RD->getIdentifier() && RD->getName() == "optional" &&
         RD->isInStdNamespace();
}

const CXXRecordDecl *classOf(const Expr &E) {
  return E.getType().getNonReferenceType()->getAsCXXRecordDecl();
}

/// What the evaluator knows of a value.
struct Value {
  enum Kind : uint8_t { Unknown, Int, Str, Opt } K = Unknown;
  int64_t I = 0;
  std::string S;
  bool Engaged = false;

  static Value integer(int64_t I) {
    Value V;
    V.K = Int;
    V.I = I;
    return V;
  }
  static Value string(std::string S) {
    Value V;
    V.K = Str;
    V.S = std::move(S);
    return V;
  }
  static Value optional(bool Engaged) {
    Value V;
    V.K = Opt;
    V.Engaged = Engaged;
    return V;
  }
  /// As a condition: integers and pointers by their value, an optional by
  /// whether it holds one.
  std::optional<bool> truth() const {
    if (K == Int)
      return I != 0;
    if (K == Opt)
      return Engaged;
    return std::nullopt;
  }
};

/// The characters of a constant std::string_view (or a pointer into a
/// string literal with a length), as the constant evaluator gives them.
std::optional<std::string> constantString(const APValue &V) {
  if (!V.isStruct())
    return std::nullopt;
  std::optional<uint64_t> Length;
  const StringLiteral *Literal = nullptr;
  uint64_t Offset = 0;
  for (unsigned I = 0; I < V.getStructNumFields(); ++I) {
    const APValue &F = V.getStructField(I);
    if (F.isInt())
      Length = F.getInt().getZExtValue();
    else if (F.isLValue() && !F.getLValueBase().isNull())
      if (const auto *Base = F.getLValueBase().dyn_cast<const Expr *>()) {
        Literal = llvm::dyn_cast<StringLiteral>(Base->IgnoreParens());
        Offset = F.getLValueOffset().getQuantity();
      }
  }
  if (!Length || !Literal || Literal->getCharByteWidth() != 1 ||
      Offset + *Length > Literal->getLength())
    return std::nullopt;
  return Literal->getString().substr(Offset, *Length).str();
}

/// Whether E names a parameter or a local variable.
class NamesVariables : public RecursiveASTVisitor<NamesVariables> {
public:
  bool Found = false;
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const auto *V = llvm::dyn_cast<VarDecl>(E->getDecl());
    Found = V && (llvm::isa<ParmVarDecl>(V) || V->hasLocalStorage() ||
                  V->isConstexpr());
    return !Found;
  }
  bool TraverseLambdaExpr(LambdaExpr * /*L*/) { return true; }
};

/// How a local string is built before a point: its initial value, then
/// 'S.append(x)...' chains and 'S += x', in order. Any other use that may
/// change it leaves it unknown.
class StringBuilder : public RecursiveASTVisitor<StringBuilder> {
public:
  StringBuilder(const VarDecl &V, SourceLocation Before,
                const SourceManager &SM)
      : V(V), Before(Before), SM(SM) {}

  /// The pieces appended, in order.
  llvm::SmallVector<const Expr *, 4> Pieces;
  bool Unknown = false;

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (!before(Call->getBeginLoc()))
      return true;
    // The outermost call of a chain collects it; the inner ones are seen
    // as part of it.
    if (Consumed.contains(Call))
      return true;
    llvm::SmallVector<const CXXMemberCallExpr *, 4> Chain;
    const Expr *Object = Call;
    while (const auto *C = llvm::dyn_cast<CXXMemberCallExpr>(Object)) {
      const CXXMethodDecl *M = C->getMethodDecl();
      if (!M || !M->getIdentifier() || M->getName() != "append" ||
          C->getNumArgs() != 1)
        break;
      Chain.push_back(C);
      Object = C->getImplicitObjectArgument()->IgnoreParenImpCasts();
    }
    // Reading it ('S.find(x)' in an earlier guard) changes nothing.
    if (const CXXMethodDecl *M = Call->getMethodDecl();
        Chain.empty() && M && M->isConst() &&
        refersToV(Call->getImplicitObjectArgument()->IgnoreParenImpCasts())) {
      Uses.insert(Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
      return true;
    }
    if (Chain.empty() || !refersToV(Object))
      return true;
    for (const CXXMemberCallExpr *C : llvm::reverse(Chain)) {
      Consumed.insert(C);
      Pieces.push_back(C->getArg(0));
    }
    Uses.insert(Object);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getOperator() == OO_PlusEqual && Call->getNumArgs() == 2 &&
        before(Call->getBeginLoc()) &&
        refersToV(Call->getArg(0)->IgnoreParenImpCasts())) {
      Pieces.push_back(Call->getArg(1));
      Uses.insert(Call->getArg(0)->IgnoreParenImpCasts());
    }
    return true;
  }
  // Given by value or by const reference: read, not changed.
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (!F)
      return true;
    const unsigned Shift =
        llvm::isa<CXXOperatorCallExpr>(Call) && llvm::isa<CXXMethodDecl>(F) ? 1
                                                                            : 0;
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
      if (I - Shift < F->getNumParams())
        readArgument(Call->getArg(I), *F->getParamDecl(I - Shift));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    const CXXConstructorDecl *F = C->getConstructor();
    for (unsigned I = 0; I < C->getNumArgs() && I < F->getNumParams(); ++I)
      readArgument(C->getArg(I), *F->getParamDecl(I));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == &V && before(E->getBeginLoc()))
      Refs.push_back(E);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr * /*L*/) { return true; }

  /// After the traversal: every use before the point is a piece.
  bool complete() const {
    return llvm::all_of(Refs,
                        [&](const DeclRefExpr *E) { return Uses.contains(E); });
  }

private:
  bool before(SourceLocation L) const {
    return L.isValid() && SM.isBeforeInTranslationUnit(L, Before);
  }
  void readArgument(const Expr *Arg, const ParmVarDecl &P) {
    const Expr *A = Arg->IgnoreParenImpCasts();
    if (!refersToV(A))
      return;
    const QualType T = P.getType();
    if (!T->isReferenceType() || T.getNonReferenceType().isConstQualified())
      Uses.insert(A);
  }
  bool refersToV(const Expr *E) const {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
    return Ref && Ref->getDecl() == &V;
  }

  const VarDecl &V;
  SourceLocation Before;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Expr *, 8> Consumed;
  llvm::SmallPtrSet<const Expr *, 8> Uses;
  llvm::SmallVector<const DeclRefExpr *, 8> Refs;
};

class Evaluator {
public:
  Evaluator(ASTContext &Ctx, llvm::ArrayRef<BoundGuard::Binding> Env,
            SourceLocation At, unsigned Depth = 0)
      : Ctx(Ctx), Env(Env), At(At), Depth(Depth) {}

  Value eval(const Expr *E) {
    if (!E || Depth > 8)
      return {};
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cleanups = llvm::dyn_cast<ExprWithCleanups>(E))
      return eval(Cleanups->getSubExpr());
    if (const auto *Literal = llvm::dyn_cast<StringLiteral>(E))
      return Literal->getCharByteWidth() == 1
                 ? Value::string(Literal->getString().str())
                 : Value();
    if (llvm::isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
      return Value::integer(0);
    if (const auto *Cast = llvm::dyn_cast<CastExpr>(E))
      return eval(Cast->getSubExpr());
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
      if (Value V = variable(*Ref); V.K != Value::Unknown)
        return V;
    if (const auto *U = llvm::dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot) {
      std::optional<bool> T = eval(U->getSubExpr()).truth();
      return T ? Value::integer(!*T) : Value();
    }
    if (const auto *B = llvm::dyn_cast<BinaryOperator>(E))
      return binary(B->getOpcode(), B->getLHS(), B->getRHS());
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() == 2) {
      if (Op->getOperator() == OO_EqualEqual)
        return binary(BO_EQ, Op->getArg(0), Op->getArg(1));
      if (Op->getOperator() == OO_ExclaimEqual)
        return binary(BO_NE, Op->getArg(0), Op->getArg(1));
    }
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E))
      return member(*Call);
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E))
      return construct(*Construct);
    if (const auto *Init = llvm::dyn_cast<InitListExpr>(E);
        Init && Init->getNumInits() == 0 && isOptionalClass(classOf(*Init)))
      return Value::optional(false);
    return constant(*E);
  }

private:
  /// What clang's constant evaluator makes of an expression that names no
  /// variable of a function.
  Value constant(const Expr &E) {
    if (E.isValueDependent() || E.isTypeDependent())
      return {};
    NamesVariables Names;
    Names.TraverseStmt(const_cast<Expr *>(&E));
    if (Names.Found)
      return {};
    Expr::EvalResult R;
    if (!E.EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
      return {};
    return fromAPValue(R.Val);
  }
  static Value fromAPValue(const APValue &V) {
    if (V.isInt())
      return Value::integer(V.getInt().getExtValue());
    if (std::optional<std::string> S = constantString(V))
      return Value::string(std::move(*S));
    return {};
  }

  Value variable(const DeclRefExpr &Ref) {
    const ValueDecl *D = Ref.getDecl();
    if (const auto *Enum = llvm::dyn_cast<EnumConstantDecl>(D))
      return Value::integer(Enum->getInitVal().getExtValue());
    if (const auto *P = llvm::dyn_cast<ParmVarDecl>(D)) {
      for (const BoundGuard::Binding &B : Env)
        if (B.Param == P)
          return B.Value ? Evaluator(Ctx, {}, B.Value->getBeginLoc(), Depth + 1)
                               .eval(B.Value)
                         : Value();
      return {};
    }
    const auto *V = llvm::dyn_cast<VarDecl>(D);
    if (!V)
      return {};
    // 'std::nullopt'.
    if (const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
        RD && RD->getIdentifier() && RD->getName() == "nullopt_t")
      return Value::optional(false);
    if (V->isConstexpr() || (V->getType().isConstQualified() && V->getInit() &&
                             !V->getType()->isRecordType())) {
      if (const APValue *A = V->evaluateValue())
        if (Value R = fromAPValue(*A); R.K != Value::Unknown)
          return R;
    }
    if (V->hasLocalStorage() && !llvm::isa<ParmVarDecl>(V) &&
        isStringClass(V->getType()->getAsCXXRecordDecl()))
      return localString(*V);
    return {};
  }

  /// A local string built from pieces before the guard.
  Value localString(const VarDecl &V) {
    const auto *F =
        llvm::dyn_cast_if_present<FunctionDecl>(V.getParentFunctionOrMethod());
    if (!F || !F->getBody() || At.isInvalid())
      return {};
    Value S = V.getInit() ? eval(V.getInit()) : Value::string("");
    if (S.K != Value::Str)
      return {};
    StringBuilder Builder(V, At, Ctx.getSourceManager());
    Builder.TraverseStmt(F->getBody());
    if (!Builder.complete())
      return {};
    for (const Expr *Piece : Builder.Pieces) {
      Value P = Evaluator(Ctx, Env, At, Depth + 1).eval(Piece);
      if (P.K == Value::Str)
        S.S += P.S;
      else if (P.K == Value::Int && P.I > 0 && P.I < 128 &&
               Piece->getType()->isCharType())
        S.S += static_cast<char>(P.I);
      else
        return {};
    }
    return S;
  }

  Value binary(BinaryOperatorKind Op, const Expr *L, const Expr *R) {
    if (Op == BO_LAnd || Op == BO_LOr) {
      std::optional<bool> A = eval(L).truth();
      if (A && *A == (Op == BO_LOr))
        return Value::integer(*A);
      std::optional<bool> B = eval(R).truth();
      if (A && B)
        return Value::integer(*B);
      // 'unknown && false' is false, 'unknown || true' is true.
      if (B && *B == (Op == BO_LOr))
        return Value::integer(*B);
      return {};
    }
    Value A = eval(L);
    Value B = eval(R);
    if (A.K == Value::Str && B.K == Value::Str && (Op == BO_EQ || Op == BO_NE))
      return Value::integer((A.S == B.S) == (Op == BO_EQ));
    if (A.K != Value::Int || B.K != Value::Int)
      return {};
    switch (Op) {
    case BO_EQ:
      return Value::integer(A.I == B.I);
    case BO_NE:
      return Value::integer(A.I != B.I);
    case BO_LT:
      return Value::integer(A.I < B.I);
    case BO_GT:
      return Value::integer(A.I > B.I);
    case BO_LE:
      return Value::integer(A.I <= B.I);
    case BO_GE:
      return Value::integer(A.I >= B.I);
    default:
      return {};
    }
  }

  Value member(const CXXMemberCallExpr &Call) {
    const CXXMethodDecl *M = Call.getMethodDecl();
    if (!M)
      return {};
    Value Object = eval(Call.getImplicitObjectArgument());
    if (Object.K == Value::Opt &&
        (llvm::isa<CXXConversionDecl>(M) ||
         (M->getIdentifier() && M->getName() == "has_value")))
      return Value::integer(Object.Engaged);
    if (Object.K != Value::Str || !M->getIdentifier())
      return {};
    const llvm::StringRef Name = M->getName();
    if (Name == "empty")
      return Value::integer(Object.S.empty());
    if (Name == "size" || Name == "length")
      return Value::integer(static_cast<int64_t>(Object.S.size()));
    // find(what) with the default position: npos is -1 as a size_t.
    const unsigned Written =
        llvm::count_if(Call.arguments(), [](const Expr *A) {
          return !llvm::isa<CXXDefaultArgExpr>(A);
        });
    if (Written != 1)
      return {};
    Value What = eval(Call.getArg(0));
    std::string Needle;
    if (What.K == Value::Str)
      Needle = What.S;
    else if (What.K == Value::Int && Call.getArg(0)->getType()->isCharType())
      Needle = std::string(1, static_cast<char>(What.I));
    else
      return {};
    if (Name == "find") {
      const size_t At = Object.S.find(Needle);
      return Value::integer(At == std::string::npos ? -1
                                                    : static_cast<int64_t>(At));
    }
    if (Name == "starts_with")
      return Value::integer(llvm::StringRef(Object.S).starts_with(Needle));
    if (Name == "ends_with")
      return Value::integer(llvm::StringRef(Object.S).ends_with(Needle));
    if (Name == "contains")
      return Value::integer(llvm::StringRef(Object.S).contains(Needle));
    return {};
  }

  Value construct(const CXXConstructExpr &C) {
    const CXXRecordDecl *RD = C.getConstructor()->getParent();
    llvm::SmallVector<const Expr *, 2> Written;
    for (const Expr *A : C.arguments())
      if (!llvm::isa<CXXDefaultArgExpr>(A))
        Written.push_back(A);
    if (C.getConstructor()->isCopyOrMoveConstructor() && Written.size() == 1)
      return eval(Written[0]);
    if (isStringClass(RD)) {
      if (Written.empty())
        return Value::string("");
      if (Written.size() == 1)
        if (Value V = eval(Written[0]); V.K == Value::Str)
          return V;
      return {};
    }
    if (isOptionalClass(RD)) {
      if (Written.empty())
        return Value::optional(false);
      if (Written.size() != 1)
        return {};
      const CXXRecordDecl *From = classOf(*Written[0]->IgnoreImplicit());
      if (From && From->getIdentifier() && From->getName() == "nullopt_t")
        return Value::optional(false);
      if (isOptionalClass(From))
        return eval(Written[0]);
      // Made from a value: it holds one.
      return Value::optional(true);
    }
    return {};
  }

  ASTContext &Ctx;
  llvm::ArrayRef<BoundGuard::Binding> Env;
  /// Where the guard is: a local string counts what was appended before.
  SourceLocation At;
  unsigned Depth;
};

/// The argument Site gives parameter P of Callee, as written: without
/// std::move/std::forward and copies.
const Expr *argumentFor(const CallSite &Site, const ParmVarDecl &P) {
  llvm::ArrayRef<const Expr *> Args = callArguments(*Site.Call);
  const unsigned Index = P.getFunctionScopeIndex();
  if (Index >= Args.size())
    return nullptr;
  const Expr *A = Args[Index];
  if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(A))
    return Default->getExpr();
  for (;;) {
    A = A->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(A);
        Construct && Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor()) {
      A = Construct->getArg(0);
      continue;
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(A);
        Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
        (isNamed(*Call->getDirectCallee(), {"std", "move"}) ||
         isNamed(*Call->getDirectCallee(), {"std", "forward"}))) {
      A = Call->getArg(0);
      continue;
    }
    return A;
  }
}

} // namespace

bool ArgumentGuards::worthKeeping(const Expr &Cond) {
  if (Cond.isValueDependent())
    return false;
  NamesVariables Names;
  Names.TraverseStmt(const_cast<Expr *>(&Cond));
  return Names.Found;
}

const GuardSet *ArgumentGuards::keep(GuardSet S) {
  if (S.empty())
    return nullptr;
  Storage.push_back(std::move(S));
  return &Storage.back();
}

/// Every parameter of F, bound to itself.
static void bindToItself(const FunctionDecl &F, BoundGuard &BG) {
  for (const ParmVarDecl *P : F.parameters())
    BG.Bindings.push_back({P, nullptr, P});
}

const GuardSet *ArgumentGuards::ofSite(const CallSite &Site,
                                       const FunctionDecl &Function) {
  if (Site.Guards.empty())
    return nullptr;
  GuardSet S;
  for (const Guard &G : Site.Guards) {
    BoundGuard BG{G, {}};
    bindToItself(Function, BG);
    S.push_back(std::move(BG));
  }
  return keep(std::move(S));
}

const GuardSet *ArgumentGuards::atCaller(const GuardSet *Inner,
                                         const CallSite &Site,
                                         const FunctionDecl &Caller,
                                         const FunctionDecl &Callee,
                                         bool &Removed) {
  Removed = false;
  if (!Inner && Site.Guards.empty())
    return nullptr;
  GuardSet S;
  if (const GuardSet *Own = ofSite(Site, Caller))
    S = *Own;
  if (Inner)
    for (const BoundGuard &BG : *Inner) {
      BoundGuard Up{BG.G, {}};
      bool Open = false;
      for (BoundGuard::Binding B : BG.Bindings) {
        if (B.Current) {
          // A parameter of Callee: the caller's argument for it.
          const Expr *A = argumentFor(Site, *B.Current);
          const auto *Ref =
              A ? llvm::dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts())
                : nullptr;
          const auto *Passed =
              Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
          B.Current =
              Passed && Passed->getDeclContext() == &Caller ? Passed : nullptr;
          B.Value = B.Current ? nullptr : A;
          Open |= B.Current != nullptr;
        }
        Up.Bindings.push_back(B);
      }
      // Decided by what is bound (a parameter still open may not be
      // needed: 'a || b' with a true), or kept while a caller may bind more.
      std::optional<bool> T = Evaluator(Callee.getASTContext(), Up.Bindings,
                                        BG.G.Cond->getBeginLoc())
                                  .eval(BG.G.Cond)
                                  .truth();
      if (!T) {
        if (Open)
          S.push_back(std::move(Up));
        continue;
      }
      if (*T != BG.G.WhenTrue) {
        Removed = true;
        return nullptr;
      }
    }
  if (llvm::any_of(
          S, [&](const BoundGuard &BG) { return llvm::count(S, BG) > 1; })) {
    GuardSet Unique;
    for (BoundGuard &BG : S)
      if (!llvm::is_contained(Unique, BG))
        Unique.push_back(std::move(BG));
    S = std::move(Unique);
  }
  return keep(std::move(S));
}

} // namespace clang::tidy::async

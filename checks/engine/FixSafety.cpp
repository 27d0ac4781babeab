//===--- FixSafety.cpp - async-tidy ---------------------------------------===//

#include "FixSafety.h"
#include "ApiMatcher.h"
#include "CoroutineWalker.h"
#include "Engine.h"
#include "Frameworks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include <functional>

namespace clang::tidy::async {

namespace {

/// The class of an expression's type, through references and pointers.
const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool isStdLock(const CXXRecordDecl *RD) {
  return RD &&
         llvm::any_of(
             std::initializer_list<const char *>{"unique_lock", "shared_lock",
                                                 "lock_guard", "scoped_lock"},
             [&](const char *Name) { return isNamed(*RD, {"std", Name}); });
}

/// Qt objects belong to the thread that created them.
bool isQObject(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  if (isNamed(*RD, {"QObject"}))
    return true;
  bool Found = false;
  RD->forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || isNamed(*Base, {"QObject"});
    return !Found;
  });
  return Found;
}

/// Calls that answer which thread runs them.
bool asksForThread(const FunctionDecl &F) {
  return isNamed(F, {"std", "this_thread", "get_id"}) ||
         isNamed(F, {"pthread_self"}) || isNamed(F, {"gettid"}) ||
         isNamed(F, {"QThread", "currentThread"}) ||
         isNamed(F, {"QThread", "currentThreadId"});
}

/// Whether evaluating a call in an argument on another thread is harmless:
/// reading (const members, constexpr functions, accessors that hand out a
/// member: req.body(), buf.data()) and the standard library's own accessors
/// and conversions.
bool harmlessInArgument(const FunctionDecl &F) {
  if (F.isConstexpr())
    return true;
  if (const auto *M = llvm::dyn_cast<CXXMethodDecl>(&F)) {
    if (M->isConst())
      return true;
    QualType R = M->getReturnType();
    if (M->getNumParams() == 0 &&
        (R->isLValueReferenceType() || R->isPointerType()))
      return true;
  }
  return llvm::StringRef(F.getQualifiedNameAsString()).starts_with("std::");
}

/// Why moving Call to another thread would change what it does, from what
/// it contains; empty when nothing.
class Inspector {
public:
  explicit Inspector(const Expr &Call) : Call(Call) {}

  std::string inspect() {
    visit(&Call, /*Top=*/true);
    return Why;
  }

private:
  void visit(const Stmt *S, bool Top) {
    if (!S || !Why.empty())
      return;
    if (llvm::isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(S)) {
      Why = "its arguments suspend the coroutine";
      return;
    }
    if (llvm::isa<PredefinedExpr, SourceLocExpr>(S)) {
      Why = "it names the function or the line it is written in, which would "
            "be the pool's lambda";
      return;
    }
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
      if (const auto *V = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
        if (V->getTLSKind() != VarDecl::TLS_None) {
          Why = "it reads the thread-local '" + V->getNameAsString() +
                "', which is the pool thread's there";
          return;
        }
    if (const auto *C = llvm::dyn_cast<CallExpr>(S)) {
      if (const FunctionDecl *F = C->getDirectCallee()) {
        if (asksForThread(*F)) {
          Why = "it asks which thread runs it ('" +
                F->getQualifiedNameAsString() + "')";
          return;
        }
        if (!Top && !harmlessInArgument(*F)) {
          Why = "its argument calls '" + F->getQualifiedNameAsString() +
                "', which would run on the pool thread";
          return;
        }
      }
      for (const Expr *A : callArguments(*C))
        lockOrObject(A);
      if (const Expr *Object = callObject(*C))
        lockOrObject(Object);
    }
    // A default argument is evaluated where the call is: inside the pool's
    // lambda once offloaded (std::source_location::current()).
    if (const auto *D = llvm::dyn_cast<CXXDefaultArgExpr>(S)) {
      visit(D->getExpr(), /*Top=*/false);
      return;
    }
    // What a lambda does runs when it is called, not here.
    if (llvm::isa<LambdaExpr>(S))
      return;
    for (const Stmt *Child : S->children())
      visit(Child, /*Top=*/false);
  }

  void lockOrObject(const Expr *E) {
    if (!E || !Why.empty())
      return;
    const CXXRecordDecl *RD = classOf(E->IgnoreImplicit()->getType());
    if (isStdLock(RD))
      Why = "it takes a lock the coroutine holds, which a pool thread would "
            "unlock without owning";
    else if (isQObject(RD))
      Why = "it uses a '" + RD->getNameAsString() +
            "', a Qt object bound to the thread that made it";
  }

  const Expr &Call;
  std::string Why;
};

/// Whether the coroutine reads errno after the call: the pool thread's
/// errno would be the one set.
bool readsErrnoAfter(const FunctionDecl &Coroutine, const Expr &Call,
                     const SourceManager &SM) {
  const SourceLocation After = Call.getEndLoc();
  bool Found = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Found)
      return;
    const FunctionDecl *Callee = nullptr;
    if (const auto *C = llvm::dyn_cast<CallExpr>(S))
      Callee = C->getDirectCallee();
    // glibc's errno is (*__errno_location()); others name a variable.
    bool IsErrno =
        (Callee && Callee->getName() == "__errno_location") ||
        (llvm::isa<DeclRefExpr>(S) &&
         llvm::cast<DeclRefExpr>(S)->getDecl()->getName() == "errno");
    if (IsErrno && SM.isBeforeInTranslationUnit(
                       After, SM.getExpansionLoc(S->getBeginLoc()))) {
      Found = true;
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Coroutine.getBody());
  return Found;
}

/// Whether the call's text, as written, holds something a rewrite from the
/// AST would lose: a comment or a preprocessor directive.
std::string textLoss(const Expr &Call, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceRange R = Call.getSourceRange();
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "the call is written through a macro";
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(R), SM, Ctx.getLangOpts());
  if (Range.isInvalid())
    return "the call's text cannot be found";
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid)
    return "the call's text cannot be found";
  // The raw lexer wants a NUL after the text.
  std::string Copy = Text.str();
  Lexer Raw(Range.getBegin(), Ctx.getLangOpts(), Copy.data(), Copy.data(),
            Copy.data() + Copy.size());
  Raw.SetCommentRetentionState(true);
  Token Tok;
  while (!Raw.LexFromRawLexer(Tok) || Tok.isNot(tok::eof)) {
    if (Tok.is(tok::comment))
      return "the call's text holds a comment, which the fix would drop";
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine())
      return "the call's text holds a preprocessor directive, which the fix "
             "would drop";
    if (Tok.is(tok::eof))
      break;
  }
  return {};
}

/// Whether Body declares a local variable named Name.
bool declaresLocal(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return false;
  if (const auto *D = llvm::dyn_cast<DeclStmt>(S))
    for (const Decl *Dec : D->decls())
      if (const auto *V = llvm::dyn_cast<VarDecl>(Dec))
        if (V->getIdentifier() && V->getName() == Name)
          return true;
  // A lambda's body is its own scope.
  if (llvm::isa<LambdaExpr>(S))
    return false;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return declaresLocal(Child, Name);
  });
}

} // namespace

std::string whyNotNamed(llvm::StringRef Expression, llvm::StringRef Option,
                        const FunctionDecl &Coroutine, ASTContext &Ctx) {
  // The qualified name the expression starts with: 'app::pool' of
  // 'app::pool().executor()'.
  llvm::StringRef Rest = Expression.ltrim();
  const bool Global = Rest.consume_front("::");
  size_t End = 0;
  while (End < Rest.size()) {
    size_t Word = End;
    while (End < Rest.size() && (llvm::isAlnum(Rest[End]) || Rest[End] == '_'))
      ++End;
    if (End == Word || !Rest.substr(End).starts_with("::"))
      break;
    End += 2;
  }
  llvm::StringRef Name = Rest.take_front(End).rtrim(':');
  if (Name.empty() || llvm::isDigit(Name.front()))
    return {};
  const std::string Shown = (Global ? "::" : "") + Name.str();
  const std::string Missing = "option " + Option.str() + "'s '" + Shown +
                              "' is not declared where '" +
                              Coroutine.getNameAsString() + "' can see it";
  if (Global)
    return lookupQualified(Name, *Ctx.getTranslationUnitDecl(), Ctx).empty()
               ? Missing
               : std::string();
  // The coroutine's own: a parameter or a local (its enclosing functions'
  // too, for a lambda).
  llvm::StringRef First = Name.split("::").first;
  bool Local = false;
  for (const DeclContext *DC = &Coroutine; DC && !Local; DC = DC->getParent()) {
    const auto *F = llvm::dyn_cast<FunctionDecl>(DC);
    if (!F)
      continue;
    Local = llvm::any_of(F->parameters(),
                         [&](const ParmVarDecl *P) {
                           return P->getIdentifier() && P->getName() == First;
                         }) ||
            declaresLocal(F->getBody(), First);
  }
  // Anything outside it: members, namespaces, the global scope.
  bool Outside = false;
  for (const DeclContext *DC = Coroutine.getDeclContext(); DC && !Outside;
       DC = DC->getParent())
    Outside = !lookupQualified(Name, *DC, Ctx).empty();
  if (Local && Outside)
    return "'" + First.str() +
           "' there is the coroutine's own, not the one "
           "option " +
           Option.str() + " means";
  return Local || Outside ? std::string() : Missing;
}

const FunctionDecl *instantiatedFrom(const FunctionDecl &Coroutine) {
  bool Instantiated = false;
  for (const DeclContext *DC = &Coroutine; DC && !Instantiated;
       DC = DC->getParent()) {
    if (const auto *F = llvm::dyn_cast<FunctionDecl>(DC))
      Instantiated = F->getTemplateInstantiationPattern() != nullptr;
    if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(DC))
      Instantiated = llvm::isa<ClassTemplateSpecializationDecl>(RD) ||
                     RD->getInstantiatedFromMemberClass();
  }
  if (!Instantiated)
    return nullptr;
  const FunctionDecl *Pattern = Coroutine.getTemplateInstantiationPattern();
  return Pattern ? Pattern : &Coroutine;
}

std::string whyNotRewritten(const CoroutineReport &Report, const CallSite &Site,
                            const ASTContext &Ctx) {
  std::string Why = textLoss(*Site.Call, Ctx);
  if (!Why.empty())
    return Why;
  if (const FunctionDecl *Pattern = instantiatedFrom(*Report.Coroutine))
    if (Pattern->getReturnType()->isDependentType())
      return "the coroutine's type, and with it the fix, depends on its "
             "template's arguments";
  return {};
}

std::string whyNotOffloaded(const CoroutineReport &Report, const CallSite &Site,
                            ASTContext &Ctx) {
  std::string Why = Inspector(*Site.Call).inspect();
  if (!Why.empty())
    return Why;
  if (readsErrnoAfter(*Report.Coroutine, *Site.Call, Ctx.getSourceManager()))
    return "the coroutine reads errno after it, and the pool thread's errno "
           "would be the one set";
  return {};
}

} // namespace clang::tidy::async

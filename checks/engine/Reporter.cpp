//===--- Reporter.cpp - async-tidy ----------------------------------------===//

#include "Reporter.h"
#include "Analysis.h"
#include "Engine.h"
#include "FindingFilter.h"
#include "Fixes.h"
#include "WhereCodeRuns.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::async {

/// A file's path as baselines name it: real and absolute.
std::string absolutePath(const SourceManager &SM, FileID ID) {
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

Reporter::Reporter(ClangTidyCheck &Check, Category Cat, Analysis &A, Engine &E)
    : Check(Check), Cat(Cat), A(A), E(E), CheckName(checkName(Cat)) {
  const ClangTidyOptions &Options = A.tidy().getOptions();
  if (Options.HeaderFilterRegex && !Options.HeaderFilterRegex->empty())
    HeaderFilter.emplace(*Options.HeaderFilterRegex);
  if (Options.ExcludeHeaderFilterRegex &&
      !Options.ExcludeHeaderFilterRegex->empty())
    ExcludeHeaderFilter.emplace(*Options.ExcludeHeaderFilterRegex);
}

Reporter::~Reporter() = default;

#if LLVM_VERSION_MAJOR < 20
namespace {
/// LLVM 19's Diagnostic takes its location from the engine that reports it:
/// a private engine reports one to ask the handler.
class NoLintAsker : public DiagnosticConsumer {
public:
  NoLintAsker(NoLintDirectiveHandler &Handler, llvm::StringRef Check)
      : Handler(Handler), Check(Check) {}
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    llvm::SmallVector<tooling::Diagnostic, 1> Errors;
    Silenced = Handler.shouldSuppress(DiagnosticsEngine::Warning, Info, Check,
                                      Errors, /*AllowIO=*/true,
                                      /*EnableNoLintBlocks=*/true);
  }
  bool Silenced = false;

private:
  NoLintDirectiveHandler &Handler;
  llvm::StringRef Check;
};
} // namespace
#endif

bool Reporter::silencedByNoLint(SourceLocation Loc) {
  if (!NoLint)
    NoLint = std::make_unique<NoLintDirectiveHandler>();
  DiagnosticsEngine &Diags = E.context().getDiagnostics();
#if LLVM_VERSION_MAJOR < 20
  NoLintAsker Asker(*NoLint, CheckName);
  DiagnosticsEngine Private(Diags.getDiagnosticIDs(),
                            &Diags.getDiagnosticOptions(), &Asker,
                            /*ShouldOwnClient=*/false);
  Private.setSourceManager(&Diags.getSourceManager());
  Private.Report(
      Loc, Private.getCustomDiagID(DiagnosticsEngine::Warning, "finding"));
  return Asker.Silenced;
#else
  DiagnosticStorage Storage;
  const Diagnostic Diag(&Diags, Loc, /*DiagID=*/0, Storage, "");
  llvm::SmallVector<tooling::Diagnostic, 1> Errors;
  // Unmatched NOLINTBEGIN comments are clang-tidy's to report.
  return NoLint->shouldSuppress(DiagnosticsEngine::Warning, Diag, CheckName,
                                Errors, /*AllowIO=*/true,
                                /*EnableNoLintBlocks=*/true);
#endif
}

std::string Reporter::whyNoFixIn(SourceLocation Loc) {
  const SourceManager &SM = E.context().getSourceManager();
  FileID File = SM.getFileID(Loc);
  if (File == SM.getMainFileID())
    return {};
  if (SM.isInSystemHeader(Loc))
    return "it is in a system header";
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  llvm::StringRef Name = Entry ? Entry->getName() : "";
  if (!HeaderFilter || !HeaderFilter->match(Name) ||
      (ExcludeHeaderFilter && ExcludeHeaderFilter->match(Name)))
    return ("'" + llvm::sys::path::filename(Name) +
            "' is not a file being linted (see HeaderFilterRegex)")
        .str();
  return {};
}

/// How an API is named in diagnostics: by the catalog, except entries that
/// stand for annotated or generated functions, named by the declaration.
static std::string apiName(const ApiEntry &Api, const FunctionDecl &Callee) {
  if (Api.Name.empty() || llvm::StringRef(Api.Name).contains('*'))
    return Callee.getQualifiedNameAsString();
  return Api.Name;
}

/// Where a call site is shown: a destruction at its object.
static SourceLocation siteLocation(const CallSite &Site) {
  if (Site.UsedAt.isValid())
    return Site.UsedAt;
  return Site.Destroyed ? Site.Destroyed->getLocation()
                        : callLocation(*Site.Call);
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

bool Reporter::passesFilter(const FunctionDecl &Named, const Finding &F,
                            SourceLocation Loc) {
  FindingFilter *Filter = findingFilter();
  if (!Filter)
    return true;
  // clang-tidy drops a NOLINT'ed warning after it is emitted; the baseline
  // records findings only after that, so here it must not see them either:
  // such a finding would use up an entry meant for another.
  if (silencedByNoLint(Loc))
    return true;
  ASTContext &Ctx = E.context();
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

/// How a function was given to an executor: posted, dispatched, deferred.
static std::string postedVerb(const HandlerUse &H) {
  llvm::StringRef Op =
      H.Operation->getIdentifier() ? H.Operation->getName() : "";
  if (Op == "dispatch")
    return "dispatched";
  if (Op == "defer")
    return "deferred";
  return "posted";
}

void Reporter::report(const CoroutineReport &Report,
                      llvm::ArrayRef<const Finding *> Targets) {
  const Finding &F = *Targets.front();
  ASTContext &Ctx = E.context();
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getFileLoc(siteLocation(F.Site));
  if (!E.claim(Cat, Loc))
    return;
  const FunctionDecl *Named = Report.Coroutine;
  if (const FunctionDecl *Pattern = Named->getTemplateInstantiationPattern())
    Named = Pattern;
  if (!passesFilter(*Named, F, Loc))
    return;
  const bool IsLambda = isLambdaCallOperator(Named);
  // A helper is named after itself; a virtual call that may run several,
  // after the method it calls.
  std::string Callee = displayName(*F.Site.Callee);
  if (Targets.size() == 1)
    Callee =
        F.Helper ? displayName(*F.Helper) : apiName(*F.Api, *F.Site.Callee);
  // A fix edits only what the user asked to lint, once per call; no
  // rewrite of a declaration moves its destructor.
  std::string NoFixHere;
  if (F.Site.DefaultOf) {
    const std::string Name = "'" + F.Site.DefaultOf->getName().str() + "'";
    NoFixHere =
        llvm::isa<FieldDecl>(F.Site.DefaultOf)
            ? "it is in the default initialiser of member " + Name +
                  ", shared by every use; initialise " + Name + " here instead"
            : "it is in the default argument " + Name +
                  ", shared by every use; pass " + Name + " here instead";
  } else if (F.Site.Destroyed) {
    NoFixHere = "it runs when '" + F.Site.Destroyed->getName().str() +
                "' goes out of scope";
  } else if (F.Site.DestroysTemporary) {
    NoFixHere = "it runs when the temporary is destroyed, at the end of the "
                "statement";
  } else if (Report.Handler) {
    // No co_await there: the rewrites into async twins and offloads await.
    NoFixHere = (Report.Handler->Posted
                     ? "a " + postedVerb(*Report.Handler) + " function"
                     : std::string("a completion handler")) +
                " cannot co_await; post the blocking work to a thread pool";
  } else {
    NoFixHere = whyNoFixIn(Loc);
  }
  const bool OwnsFix = NoFixHere.empty() && E.claimFix(Loc);
  bool Swapped = false;
  {
    // Coroutine, coroutine lambda, or handler.
    unsigned Context = IsLambda ? 1 : 0;
    if (Report.Handler)
      Context = 2;
    DiagnosticBuilder D =
        Check.diag(Loc,
                   "'%0' %1 inside %select{coroutine %3|a coroutine "
                   "lambda|%6}2, stalling %select{every coroutine on its "
                   "thread|everything else its event loop runs}7%select{|; "
                   "use '%5' instead}4")
        << Callee << F.Api->Reason << Context << Named
        << (!F.Helper && !F.Api->Replacement.empty()) << F.Api->Replacement
        << handlerContext(Report) << (Context == 2)
        << F.Site.Call->getSourceRange();
    std::optional<CallFix> Fix;
    if (OwnsFix)
      Fix = buildSwapFix(Report, F, E);
    if (Fix) {
      addFix(D, *Fix, Loc, SharedIncludes::AppliedWith::Warning);
      Swapped = true;
    }
  }
  noteSiteKind(F.Site, Callee);
  if (Targets.size() == 1) {
    noteChain(F);
  } else {
    // Each function the call may run, with its chain; the first few only.
    constexpr size_t MaxShown = 3;
    for (const Finding *T : Targets.take_front(MaxShown)) {
      const bool Own =
          T->Helper->getCanonicalDecl() == F.Site.Callee->getCanonicalDecl();
      Check.diag(T->Helper->getLocation(),
                 "the call to '%0' may run %select{its own definition|the "
                 "overrider '%2'}1",
                 DiagnosticIDs::Note)
          << Callee << !Own << displayName(*T->Helper);
      noteChain(*T);
    }
    if (Targets.size() > MaxShown)
      Check.diag(Loc,
                 "and %0 more %plural{1:overrider blocks|:overriders block}0",
                 DiagnosticIDs::Note)
          << static_cast<unsigned>(Targets.size() - MaxShown);
  }
  if (F.Site.Destroyed && F.Site.DestroyedAt.isValid())
    Check.diag(SM.getFileLoc(F.Site.DestroyedAt),
               "'%0' is destroyed here, at the end of its scope",
               DiagnosticIDs::Note)
        << F.Site.Destroyed->getName();
  noteWhyCoroutine(Report, *Named);
  // clang-tidy applies a note's fix (--fix-notes) only to a warning that
  // has none.
  if (!NoFixHere.empty()) {
    Check.diag(Loc, "no fix is offered for '%0': %1", DiagnosticIDs::Note)
        << Callee << NoFixHere;
    return;
  }
  noteOffload(Report, F, Callee, Loc,
              Swapped ? SharedIncludes::AppliedWith::Never
                      : SharedIncludes::AppliedWith::Note,
              OwnsFix);
}

void Reporter::noteChain(const Finding &F) {
  const SourceManager &SM = E.context().getSourceManager();
  // Walk the chain down to the blocking API.
  for (const ChainStep &Step : E.chain(F)) {
    if (Step.External) {
      if (Step.Site)
        Check.diag(SM.getFileLoc(callLocation(*Step.Site->Call)),
                   "'%0' calls '%1' here", DiagnosticIDs::Note)
            << displayName(*Step.Function) << displayName(*Step.Site->Callee);
      noteExternal(Step.Site ? *Step.Site->Callee : *Step.Function,
                   *Step.External);
      continue;
    }
    SourceLocation At = SM.getFileLoc(siteLocation(*Step.Site));
    const std::string StepCallee = Step.Api
                                       ? apiName(*Step.Api, *Step.Site->Callee)
                                       : displayName(*Step.Site->Callee);
    if (Step.Api)
      Check.diag(At, "'%0' calls '%1' here, which %2", DiagnosticIDs::Note)
          << displayName(*Step.Function) << StepCallee << Step.Api->Reason;
    else
      Check.diag(At, "'%0' calls '%1' here", DiagnosticIDs::Note)
          << displayName(*Step.Function) << StepCallee;
    noteSiteKind(*Step.Site, StepCallee);
  }
}

void Reporter::noteSiteKind(const CallSite &Site, llvm::StringRef Callee) {
  const SourceManager &SM = E.context().getSourceManager();
  if (Site.RunsOnce)
    Check.diag(SM.getFileLoc(callLocation(*Site.Call)),
               "'%0' is in a static or thread_local initialiser, run once; "
               "reported because ReportStaticInitializers is set",
               DiagnosticIDs::Note)
        << Callee;
  if (!Site.DefaultOf)
    return;
  Check.diag(SM.getFileLoc(Site.DefaultAt),
             "'%0' is called by the default %select{argument|initialiser of "
             "member}1 '%2', evaluated where it is omitted",
             DiagnosticIDs::Note)
      << Callee << llvm::isa<FieldDecl>(Site.DefaultOf)
      << Site.DefaultOf->getName();
}

void Reporter::addFix(DiagnosticBuilder &D, const CallFix &Fix,
                      SourceLocation Loc, SharedIncludes::AppliedWith When) {
  // Code clang recovered from (a typo it corrected, say) is not the code as
  // written, and clang's own fix-its may edit the same text: a batch run
  // attaches no fix then. clangd shows each fix before it is applied, and
  // half-written code is its normal state.
  if (!A.tidy().areDiagsSelfContained() &&
      E.context().getDiagnostics().hasErrorOccurred())
    return;
  D << Fix.Replacement;
  FileID File = E.context().getSourceManager().getFileID(Loc);
  for (const std::string &Header : Fix.Includes)
    if (std::optional<FixItHint> Include =
            A.includes()
                ? A.includes()->insert(File, Header, When,
                                       A.tidy().areDiagsSelfContained())
                : std::nullopt)
      D << *Include;
}

// clang-tidy applies a note's fix with --fix-notes only when the warning has
// none; clangd offers it as a quick fix either way.
void Reporter::noteOffload(const CoroutineReport &Report, const Finding &F,
                           llvm::StringRef Callee, SourceLocation Loc,
                           SharedIncludes::AppliedWith When, bool OwnsFix) {
  // The other check's warning at the same call carries the fixes.
  if (!OwnsFix)
    return;
  OffloadFix O = buildOffloadFix(Report, F, E, A.options().Offload);
  // With a swap fix on the warning, why there is no other is noise.
  if (!O.Refused.empty() && When != SharedIncludes::AppliedWith::Never) {
    Check.diag(Loc, "'%0' is not offloaded by a fix: %1", DiagnosticIDs::Note)
        << Callee << O.Refused;
  } else if (O.Fix) {
    DiagnosticBuilder D =
        Check.diag(
            Loc,
            "offload '%0' to a thread pool; the coroutine resumes when it "
            "returns",
            DiagnosticIDs::Note)
        << Callee;
    addFix(D, *O.Fix, Loc, When);
  } else if (!O.MissingOptions.empty()) {
    Check.diag(Loc, "to offload '%0' to a thread pool, set option %1",
               DiagnosticIDs::Note)
        << Callee << O.MissingOptions;
  }
}

void Reporter::noteExternal(const FunctionDecl &Callee,
                            const ExternalFinding &Ext) {
  std::string Path;
  llvm::raw_string_ostream OS(Path);
  for (size_t I = 1; I < Ext.Chain.size(); ++I)
    OS << "'" << Ext.Chain[I] << "', which calls ";
  OS << "'" << Ext.Api.Name << "'";
  Check.diag(Callee.getLocation(),
             "'%0' is defined in '%1', where it calls %2, which %3 (from the "
             "summaries in '%4')",
             DiagnosticIDs::Note)
      << displayName(Callee) << llvm::sys::path::filename(Ext.DefinedIn) << Path
      << Ext.Api.Reason << E.summaryDirectory();
}

/// How a diagnostic names an I/O object or executor: 'sock', 'io',
/// 'io.get_executor()'; empty for what is long or spans lines.
static std::string runnerName(const Expr &Runner, const ASTContext &Ctx) {
  if (const ValueDecl *Named = namedObject(&Runner))
    return "'" + Named->getName().str() + "'";
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Runner.getSourceRange()), SM,
      Ctx.getLangOpts());
  llvm::StringRef Text =
      Range.isValid() ? Lexer::getSourceText(Range, SM, Ctx.getLangOpts()) : "";
  constexpr size_t MaxLength = 40;
  if (Text.empty() || Text.size() > MaxLength || Text.contains('\n'))
    return {};
  return "'" + Text.str() + "'";
}

std::string Reporter::handlerContext(const CoroutineReport &Report) const {
  if (!Report.Handler)
    return {};
  const HandlerUse &H = *Report.Handler;
  const std::string Runner = runnerName(*H.Runner, E.context());
  // A member function bound as the handler is named.
  const std::string Named = H.Lambda ? "" : "'" + displayName(*H.Body) + "', ";
  if (H.Posted)
    return Named + "a function " + postedVerb(H) + " to " +
           (Runner.empty() ? "an event loop" : Runner);
  if (Runner.empty())
    return Named + "a completion handler run by an event loop";
  return Named + "a completion handler run by " + Runner +
         (H.Bound ? "" : "'s executor");
}

/// The class a stackful context parameter names, without '&', '*' or const.
static QualType contextType(const ParmVarDecl &P) {
  QualType T = P.getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getUnqualifiedType();
}

void Reporter::noteWhyCoroutine(const CoroutineReport &Report,
                                const FunctionDecl &Named) {
  const bool IsLambda = isLambdaCallOperator(&Named);
  if (Report.Handler) {
    const FunctionDecl *Op = Report.Handler->Operation;
    if (const FunctionDecl *Pattern = Op->getTemplateInstantiationPattern())
      Op = Pattern;
    Check.diag(callLocation(*Report.Handler->Call),
               "%select{%2 is the completion handler of '%1', which an event "
               "loop runs|'%1' runs %2 on an event loop}0",
               DiagnosticIDs::Note)
        << Report.Handler->Posted << displayName(*Op)
        << (Report.Handler->Lambda
                ? std::string("the lambda")
                : "'" + displayName(*Report.Handler->Body) + "'");
    return;
  }
  if (Report.FirstSuspend.isValid()) {
    Check.diag(Report.FirstSuspend,
               "%select{%1|the lambda}0 is a coroutine because of this '%2'",
               DiagnosticIDs::Note)
        << IsLambda << &Named << Report.SuspendKeyword;
    return;
  }
  // A stackful coroutine: it takes a yield_context or a type standing for
  // one, or the user listed it.
  for (const ParmVarDecl *P : Named.parameters()) {
    const WhereCodeRuns::StackfulContext Why =
        WhereCodeRuns::stackfulContext(*P, E.options());
    if (Why == WhereCodeRuns::StackfulContext::None)
      continue;
    Check.diag(P->getLocation(),
               "%select{%1|the lambda}0 is a stackful coroutine because it "
               "takes this %select{'yield_context'|%3, which holds a "
               "'yield_context'|%3, a type option 'StackfulContextTypes' "
               "lists}2",
               DiagnosticIDs::Note)
        << IsLambda << &Named << static_cast<unsigned>(Why) - 1
        << contextType(*P);
    return;
  }
  // Only when the option does: say nothing rather than blame it.
  if (llvm::is_contained(E.options().StackfulFunctions,
                         "::" + Named.getQualifiedNameAsString()))
    Check.diag(
        Named.getLocation(),
        "%0 is a stackful coroutine because option 'StackfulFunctions' lists "
        "it",
        DiagnosticIDs::Note)
        << &Named;
}

} // namespace clang::tidy::async

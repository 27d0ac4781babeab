//===--- CatalogTool.cpp - async-tidy -------------------------------------===//
//
// async-tidy-catalog: validates catalog files and renders them as Markdown.
//
//   async-tidy-catalog check FILE...   exit 1 with file:line:col on errors
//   async-tidy-catalog markdown FILE   the catalog page (docs/catalog.md)
//   async-tidy-catalog keys            the keys a catalog may use
//   async-tidy-catalog list FILE       every blocking API, one a line:
//                                      its name and category (the tests
//                                      that hold the catalog against
//                                      outside lists read it)
//   async-tidy-catalog docs [--check] FILE PAGE...
//                                      the generated sections of each
//                                      check's page (the APIs it reports,
//                                      its fixes by framework), rewritten
//                                      in place or, with --check, compared;
//                                      and the pages held against the
//                                      category table
//
//===----------------------------------------------------------------------===//

#include "engine/Catalog.h"
#include "engine/Templates.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tidy::async;

namespace {

std::optional<Catalog> load(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    llvm::errs() << Path << ": " << Buffer.getError().message() << "\n";
    return std::nullopt;
  }
  llvm::Expected<Catalog> C = Catalog::parse((*Buffer)->getBuffer(), Path);
  if (!C) {
    llvm::errs() << llvm::toString(C.takeError()) << "\n";
    return std::nullopt;
  }
  return std::move(*C);
}

std::string conditionText(const ArgCondition &C) {
  std::string Name = llvm::join(C.Name, "::");
  std::string Arg = "argument " + std::to_string(C.Arg + 1);
  switch (C.K) {
  case ArgCondition::Kind::ArgCount:
    return "called with " + std::to_string(C.Value) + " arguments";
  case ArgCondition::Kind::Equals:
    return Arg + " is " +
           (C.Constant.empty() ? std::to_string(C.Value)
                               : "`" + C.Constant + "`");
  case ArgCondition::Kind::HasBits:
    return Arg + " has flag " +
           (C.Constant.empty() ? "0x" + llvm::utohexstr(C.Value)
                               : "`" + C.Constant + "`");
  case ArgCondition::Kind::HasType:
    return Arg + " is a `" + Name + "`";
  case ArgCondition::Kind::IsVar:
    return Arg + " is `" + Name + "`";
  case ArgCondition::Kind::ObjectIs:
    return "called on `" + Name + "`";
  case ArgCondition::Kind::Returns:
    return "it returns a `" + Name + "`";
  case ArgCondition::Kind::Mentions:
    return Arg + " involves `" + Name + "`";
  case ArgCondition::Kind::MadeBy:
    return "made by `" + Name + "`";
  case ArgCondition::Kind::ObjectMentions:
    return "called on an object involving `" + Name + "`";
  }
  return {};
}

/// Which descriptor an entry of 'descriptors:' acts on.
std::string descriptorText(const ApiEntry &E) {
  const int D = E.Descriptor.value_or(ApiEntry::DescriptorObject);
  if (D == ApiEntry::DescriptorResult)
    return "its result";
  if (D == ApiEntry::DescriptorObject)
    return "its object";
  return "argument " + std::to_string(D + 1);
}

/// What an entry of 'descriptors:' does to its descriptor.
llvm::StringRef descriptorEffect(HopTarget Does) {
  if (Does == HopTarget::NonBlocking)
    return "makes it non-blocking";
  if (Does == HopTarget::AwaitsReady)
    return "awaits its readiness";
  return "opens a file";
}

std::string conditions(const std::vector<ArgCondition> &Cs) {
  return llvm::join(llvm::map_range(Cs, conditionText), " or ");
}

/// When the catalog says the API is not reported.
std::string quietWhen(const ApiEntry &E) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::ListSeparator Sep("; ");
  if (E.OptIn)
    OS << Sep << "`ReportMutexLocks` is false";
  if (!E.When.empty())
    OS << Sep << "unless " << conditions(E.When);
  if (!E.Unless.empty())
    OS << Sep << conditions(E.Unless);
  return Text;
}

/// Code in a table cell: backquoted, with its pipes escaped.
std::string cell(std::string Code) {
  for (size_t At = Code.find('|'); At != std::string::npos;
       At = Code.find('|', At + 2))
    Code.insert(At, "\\");
  return "`" + Code + "`";
}

void markdown(const Catalog &C, llvm::raw_ostream &OS) {
  OS << "# The blocking-API catalog\n\n"
     << "Generated from `checks/catalog/blocking-apis.yaml` by\n"
     << "`build/bin/async-tidy-catalog markdown checks/catalog/"
        "blocking-apis.yaml`;\n"
     << "do not edit. Each API is matched by its declaration. A bare name is "
        "a C\nfunction; methods are listed under the class the caller "
        "sees.\n";
  for (const CategoryInfo &Info : categories()) {
    const Category Cat = Info.Cat;
    std::vector<const ApiEntry *> Entries;
    for (const ApiEntry &E : C.entries())
      if (E.Cat == Cat && E.Hop == HopTarget::None)
        Entries.push_back(&E);
    if (Entries.empty())
      continue;
    OS << "\n## " << checkName(Cat) << "\n\n"
       << "| API | blocks because it | not reported when | async fix |\n"
       << "|---|---|---|---|\n";
    for (const ApiEntry *E : Entries) {
      OS << "| `" << E->Name << "` | " << E->Reason << " | " << quietWhen(*E)
         << " | ";
      llvm::ListSeparator Sep;
      llvm::StringRef Last;
      for (const SwapRule &S : E->Swaps)
        if (S.Family != Last) {
          OS << Sep << S.Family;
          Last = S.Family;
        }
      OS << " |\n";
    }
  }
  OS << "\n## Frameworks\n\n"
     << "A coroutine belongs to a framework when it returns one of its "
        "types; the\nframework decides the swap fixes (by family) and the "
        "offload fix.\n\n"
     << "| framework | family | coroutine types | offload fix |\n"
     << "|---|---|---|---|\n";
  for (const Framework &F : C.frameworks()) {
    OS << "| " << F.Name << " | " << F.Family << " | ";
    llvm::ListSeparator Sep;
    for (const std::string &T : F.Types)
      OS << Sep << "`" << T << "`";
    OS << " | "
       << (F.Offload.Value.empty() ? "only with `OffloadTemplate`"
                                   : cell(F.Offload.Value))
       << " |\n";
  }
  OS << "\n## Executor hops\n\n"
     << "After `co_await` of one of these as a statement, the rest of the "
        "block runs on\nthe given executor: blocking calls there are not "
        "reported until a hop back\nto the event loop.\n\n"
     << "| awaited call | moves to | when |\n|---|---|---|\n";
  for (const ApiEntry &E : C.entries())
    if (E.Hop == HopTarget::Pool || E.Hop == HopTarget::Loop)
      OS << "| `" << E.Name << "` | "
         << (E.Hop == HopTarget::Pool ? "a thread pool" : "the event loop")
         << " | " << (E.When.empty() ? "always" : conditions(E.When))
         << (E.Unless.empty() ? "" : "; not when " + conditions(E.Unless))
         << " |\n";
  OS << "\n## Offloads\n\n"
     << "Coroutines given to these calls run on a thread pool: their bodies "
        "are not\nreported.\n\n"
     << "| call | when |\n|---|---|\n";
  for (const ApiEntry &E : C.entries())
    if (E.Hop == HopTarget::Offload)
      OS << "| `" << E.Name << "` | "
         << (E.When.empty() ? "always" : conditions(E.When)) << " |\n";
  OS << "\n## Completion handlers and posted functions\n\n"
     << "A lambda given last to one of these (or a member function bound "
        "there with\n`std::bind` or `beast::bind_front_handler`) runs on the "
        "executor of what runs\nit, and is analysed like a coroutine body "
        "when that executor is an event loop\n(below). `async_*` stands for "
        "every name that starts with `async_` whose\ndeclaration takes the "
        "handler as a template parameter.\n\n"
     << "| call | the lambda is | run by |\n|---|---|---|\n";
  for (const ApiEntry &E : C.entries())
    if (E.Hop == HopTarget::Completion || E.Hop == HopTarget::Posted)
      OS << "| `" << E.Name << "` | "
         << (E.Hop == HopTarget::Completion ? "its completion handler"
                                            : "posted to an executor")
         << " | "
         << (E.RunsOn.value_or(ApiEntry::DescriptorObject) ==
                     ApiEntry::DescriptorObject
                 ? std::string("the executor of the object it is called on")
                 : "the executor of argument " +
                       std::to_string(E.RunsOn.value_or(0)))
         << " |\n";
  OS << "\n## Event loops and pools\n\n"
     << "An executor, execution context or I/O object whose type is one of "
        "these, is\nnested in one, or has one among its template arguments "
        "runs what it is given\non an event loop or a thread pool (pools are "
        "tried first); any other is\nunknown, and what it runs is not "
        "analysed unless option `LoopExecutors` names\nit.\n\n"
     << "| class | runs work on |\n|---|---|\n";
  for (const ApiEntry *E : C.executors())
    OS << "| `" << E->Name << "` | "
       << (E->Hop == HopTarget::LoopExecutor ? "an event loop"
                                             : "a thread pool")
       << " |\n";
  OS << "\n## Callables run in place\n\n"
     << "A lambda given to these calls runs before the call returns, on the "
        "caller's\nthread: its body is analysed as if written where the call "
        "is.\n\n"
     << "| call | unless |\n|---|---|\n";
  for (const ApiEntry &E : C.entries())
    if (E.Hop == HopTarget::Inline)
      OS << "| `" << E.Name << "` | "
         << (E.Unless.empty() ? "" : conditions(E.Unless)) << " |\n";
  OS << "\n## Readiness checks\n\n"
     << "Where one of these says its object is ready, waiting on the same "
        "object\nreturns at once and is not reported.\n\n"
     << "| call | ready when |\n|---|---|\n";
  for (const ApiEntry &E : C.entries())
    if (E.Hop == HopTarget::Ready)
      OS << "| `" << E.Name << "` | "
         << (E.ReadyValue.empty()
                 ? "it returns true"
                 : "it returns `" + llvm::join(E.ReadyValue, "::") + "`")
         << " |\n";
  OS << "\n## Descriptors\n\n"
     << "A call on a descriptor the code made non-blocking, or whose "
        "readiness the\ncoroutine awaits, returns at once and is not "
        "reported; a descriptor opened on\na file stays blocking.\n\n"
     << "| call | descriptor | does | when |\n|---|---|---|---|\n";
  for (const ApiEntry &E : C.entries()) {
    if (E.Hop != HopTarget::NonBlocking && E.Hop != HopTarget::AwaitsReady &&
        E.Hop != HopTarget::OpensFile)
      continue;
    std::string When = conditions(E.When);
    if (E.Flags)
      When += (When.empty() ? "" : "; and ") + conditionText(*E.Flags);
    OS << "| `" << E.Name << "` | " << descriptorText(E) << " | "
       << descriptorEffect(E.Hop) << " | " << (When.empty() ? "always" : When)
       << " |\n";
  }
  OS << "\n## Factories\n\n"
     << "What these construct, with the caller's type and arguments, is "
        "reported at the\ncall (`std::make_unique<std::ifstream>(path)` opens "
        "a file):\n\n";
  std::vector<std::string> Factories;
  for (const auto &F : C.factories())
    Factories.push_back(F.getKey().str());
  llvm::sort(Factories);
  for (const std::string &F : Factories)
    OS << "- `" << F << "`\n";
  OS << "\n## Library code\n\n"
     << "Code in these namespaces is the library's, described by the entries "
        "above: the\nsearch does not enter it, and its coroutines are "
        "analysed only in the file\nbeing linted.\n\n";
  for (const std::string &L : C.libraries())
    OS << "- `" << L << "`\n";
}

/// Every blocking API as "NAME CATEGORY", one a line; a family's names
/// ('{asio}::read') once per namespace.
void list(const Catalog &C, llvm::raw_ostream &OS) {
  for (const ApiEntry &E : C.entries())
    if (E.Hop == HopTarget::None)
      OS << E.Name << " " << categoryInfo(E.Cat).Name << "\n";
}

/// The call a check's page shows fixed, given in the page's marker as
/// "example: API as CALL[ giving TYPE RESULT]": the API it calls, the call
/// as written (the callee's prefix, its arguments), and the type and name of
/// its result when its value is used.
struct Example {
  std::string Api;
  std::string Prefix;
  std::string Args;
  std::string Type;
  std::string Result;
  std::string Call;
};

std::optional<Example> parseExample(llvm::StringRef Text) {
  Example E;
  if (!Text.consume_front("example: "))
    return std::nullopt;
  auto [Api, Rest] = Text.split(" as ");
  auto [Call, Giving] = Rest.split(" giving ");
  E.Api = Api.trim().str();
  E.Call = Call.trim().str();
  if (!Giving.empty()) {
    auto [Type, Result] = Giving.trim().rsplit(' ');
    E.Type = Type.trim().str();
    E.Result = Result.trim().str();
  }
  llvm::StringRef Name = llvm::StringRef(E.Api).rsplit("::").second;
  if (Name.empty())
    Name = E.Api;
  size_t At = llvm::StringRef(E.Call).rfind((Name + "(").str());
  if (E.Api.empty() || At == llvm::StringRef::npos ||
      !llvm::StringRef(E.Call).ends_with(")"))
    return std::nullopt;
  E.Prefix = E.Call.substr(0, At);
  E.Args = llvm::StringRef(E.Call)
               .drop_front(At + Name.size() + 1)
               .drop_back()
               .str();
  return E;
}

/// Fills a template's slots with the example's text, as the checks do with
/// the source's.
std::string expandExample(llvm::StringRef Template, const Example &E,
                          const Framework &F, llvm::StringRef Call) {
  llvm::SmallVector<llvm::StringRef, 3> Args;
  llvm::StringRef(E.Args).split(Args, ", ", -1, false);
  auto Fill = [&](const Slot &S,
                  llvm::StringRef) -> std::optional<std::string> {
    switch (S.Kind) {
    case SlotKind::Ns:
      return F.Namespace;
    case SlotKind::Arg:
      if (S.Index < Args.size())
        return Args[S.Index].str();
      return "{" + std::to_string(S.Index) + "}";
    case SlotKind::Args:
      return E.Args;
    case SlotKind::ArgsComma:
      return E.Args.empty() ? "" : E.Args + ", ";
    case SlotKind::Prefix:
      return E.Prefix;
    case SlotKind::Object:
      return llvm::StringRef(E.Prefix).rtrim(".>-").str();
    case SlotKind::Call:
      return Call.str();
    case SlotKind::Type:
      return E.Type.empty() ? "void" : E.Type;
    case SlotKind::Pool:
      return std::string("pool");
    case SlotKind::Home:
      return std::string("home");
    case SlotKind::Yield:
      return std::string("yield");
    case SlotKind::Via:
      return std::string("sched->");
    case SlotKind::Ec:
      return std::string("ec");
    case SlotKind::Name:
      return std::string("name");
    }
    return std::nullopt;
  };
  return expandTemplate(Template, Fill).value_or(Template.str());
}

/// The "Fixes by framework" section of a check's page.
std::string fixSection(const Catalog &C, Category Cat, const Example &Ex) {
  const Example *E = &Ex;
  const std::string &Call = E->Call;
  const ApiEntry *Api = nullptr;
  for (const ApiEntry &A : C.entries())
    if (A.Name == E->Api && A.Hop == HopTarget::None)
      Api = &A;
  auto Statement = [&](llvm::StringRef Code) {
    return E->Type.empty() ? (Code + ";").str()
                           : ("auto " + E->Result + " = " + Code + ";").str();
  };
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "Generated from the catalog by `async-tidy-catalog docs`; the\n"
     << "tests in `test/fixes/` compile each of these against the "
        "framework's\nheaders. `pool` and `home` stand for the options "
        "`OffloadExecutor` and\n`OffloadHomeExecutor`; `sched` for a "
        "scheduler the coroutine can reach.\n\n"
     << "Before, in a coroutine of each framework:\n\n```c++\n"
     << Statement(Call) << "\n```\n\n"
     << "| framework | swap fix (`-fix`) | offload fix (note, `--fix-notes`) "
        "|\n|---|---|---|\n";
  for (const Framework &F : C.frameworks()) {
    std::string Swap;
    if (Api) {
      llvm::SmallVector<const SwapRule *, 2> Rules = Api->swapsFor(F.Family);
      for (const SwapRule *R : Rules)
        if (R->SameValue || E->Type.empty()) {
          Swap = Statement(expandExample(R->Code, *E, F, Call));
          break;
        }
      if (Swap.empty() && !Api->AsyncTwin.empty() && !F.Token.empty())
        Swap = Statement(expandExample(
            Api->twinTemplate(llvm::StringRef(E->Api).rsplit("::").second, F,
                              /*RedirectsErrors=*/false),
            *E, F, Call));
    }
    // Generators cannot co_await; others without an idiom take the user's.
    std::string Offload = F.Awaits ? "with `OffloadTemplate` only" : "—";
    if (F.Awaits && !F.Offload.Value.empty())
      Offload = cell(Statement(expandExample(
          E->Type.empty() ? F.Offload.Void : F.Offload.Value, *E, F, Call)));
    OS << "| " << F.Name << " | " << (Swap.empty() ? "—" : cell(Swap)) << " | "
       << Offload << " |\n";
  }
  // The category's other rewrites: nested loops, other sleeps.
  bool Header = false;
  for (const Framework &F : C.frameworks())
    for (const ApiEntry &A : C.entries()) {
      if (A.Cat != Cat || A.Hop != HopTarget::None || &A == Api)
        continue;
      llvm::SmallVector<const SwapRule *, 2> Rules = A.swapsFor(F.Family);
      if (Rules.empty())
        continue;
      const SwapRule &R = *Rules.front();
      ArgRequirement Req =
          R.Args.empty() ? ArgRequirement::Any : R.Args.front();
      // A sample argument of the kind the rule takes: sleep's seconds are
      // an integer, a timer's a duration.
      std::string Arg = "100ms";
      if (Req == ArgRequirement::Awaitable)
        Arg = "child()";
      else if (Req == ArgRequirement::Any)
        Arg = "n";
      else if (Req == ArgRequirement::Unchanged)
        Arg = "2u";
      std::string Before = A.Name + "(" + Arg + ")";
      Example Other;
      std::string After = expandExample(R.Code, Other, F, Before);
      size_t Slot = After.find("{0}");
      if (Slot != std::string::npos)
        After.replace(Slot, 3, Arg);
      if (!Header) {
        OS << "\nOther calls of this check with a swap fix:\n\n"
           << "| framework | before | swap fix |\n|---|---|---|\n";
        Header = true;
      }
      OS << "| " << F.Name << " | " << cell(Before + ";") << " | "
         << cell(After + ";") << " |\n";
    }
  return Text;
}

/// The APIs a check reports, from the catalog: rows of the entries that
/// share a reason and the conditions under which they are not reported.
std::string reportedSection(const Catalog &C, Category Cat) {
  struct Row {
    std::string Reason;
    std::string Quiet;
    std::vector<std::string> Names;
  };
  std::vector<Row> Rows;
  for (const ApiEntry &E : C.entries()) {
    if (E.Cat != Cat || E.Hop != HopTarget::None)
      continue;
    std::string Quiet = quietWhen(E);
    auto It = llvm::find_if(Rows, [&](const Row &R) {
      return R.Reason == E.Reason && R.Quiet == Quiet;
    });
    if (It == Rows.end())
      Rows.push_back({E.Reason, Quiet, {}});
    It = llvm::find_if(Rows, [&](const Row &R) {
      return R.Reason == E.Reason && R.Quiet == Quiet;
    });
    It->Names.push_back("`" + E.Name + "`");
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "Generated from the [catalog](../catalog.md) by `async-tidy-catalog "
        "docs`:\nevery API this check reports, matched by declaration.\n\n";
  if (Rows.empty()) {
    OS << "The catalog has none: this check reports the functions you name "
          "in `BlockingFunctions` and those declared blocking.\n";
    return Text;
  }
  OS << "| APIs | blocking because it | not reported when |\n|---|---|---|\n";
  for (const Row &R : Rows)
    OS << "| " << llvm::join(R.Names, ", ") << " | " << R.Reason << " | "
       << R.Quiet << " |\n";
  return Text;
}

/// A generated section of a check's page, between its markers: the BEGIN
/// marker may carry the section's parameters after a ';'.
struct Section {
  llvm::StringLiteral Name;
  std::string (*Make)(const Catalog &C, Category Cat,
                      llvm::StringRef Parameters, std::string &Error);
};

std::string makeReported(const Catalog &C, Category Cat,
                         llvm::StringRef /*Parameters*/,
                         std::string & /*Error*/) {
  return reportedSection(C, Cat);
}

std::string makeFixes(const Catalog &C, Category Cat,
                      llvm::StringRef Parameters, std::string &Error) {
  std::optional<Example> E = parseExample(Parameters);
  if (!E) {
    Error = "the marker needs 'example: API as CALL[ giving TYPE RESULT]'";
    return {};
  }
  return fixSection(C, Cat, *E);
}

constexpr Section Sections[] = {
    {"reported APIs", makeReported},
    {"fixes by framework", makeFixes},
};

/// The page with its generated sections made anew; errors in Error.
std::string regenerate(const Catalog &C, Category Cat, llvm::StringRef Old,
                       std::string &Error) {
  std::string New = Old.str();
  for (const Section &S : Sections) {
    const std::string Begin = ("<!-- BEGIN generated " + S.Name).str();
    const std::string End = ("<!-- END generated " + S.Name + " -->").str();
    size_t B = New.find(Begin);
    size_t BeginEnd = B == std::string::npos ? B : New.find("-->", B);
    size_t E = New.find(End);
    if (B == std::string::npos || BeginEnd == std::string::npos ||
        E == std::string::npos || E < BeginEnd) {
      Error =
          "missing the markers of the generated section '" + S.Name.str() + "'";
      return {};
    }
    llvm::StringRef Parameters =
        llvm::StringRef(New).slice(B + Begin.size(), BeginEnd).trim();
    Parameters.consume_front(";");
    std::string Body = S.Make(C, Cat, Parameters.trim(), Error);
    if (!Error.empty())
      return {};
    std::string Rest = New.substr(E);
    New.resize(BeginEnd + 4);
    New += Body;
    New += Rest;
  }
  return New;
}

/// Whether a page says what the category table says of its check: its
/// title, and the table's summary as its first sentence.
bool matchesTable(Category Cat, llvm::StringRef Page, std::string &Error) {
  const std::string Title = "# " + checkName(Cat) + "\n\n";
  llvm::StringRef Summary = categoryInfo(Cat).Summary;
  if (!Page.starts_with(Title)) {
    Error = "does not start with '# " + checkName(Cat) + "'";
    return false;
  }
  // Compared with line breaks as spaces: the page wraps its prose.
  std::string Text = Page.drop_front(Title.size()).str();
  llvm::replace(Text, '\n', ' ');
  if (!llvm::StringRef(Text).starts_with(Summary)) {
    Error = "does not start with the summary of engine/Categories.def: '" +
            Summary.str() + "'";
    return false;
  }
  return true;
}

/// Rewrites or checks each page; false when a page is stale (with Check),
/// disagrees with the category table, or cannot be written.
bool docs(const Catalog &C, llvm::ArrayRef<const char *> Pages, bool Check) {
  bool Ok = true;
  auto Fail = [&](llvm::StringRef Page, const llvm::Twine &Why) {
    llvm::errs() << Page << ": " << Why << "\n";
    Ok = false;
  };
  for (llvm::StringRef Page : Pages) {
    std::optional<Category> Cat = categoryOfCheck(llvm::sys::path::stem(Page));
    auto Buffer = llvm::MemoryBuffer::getFile(Page);
    if (!Cat || !Buffer) {
      Fail(Page, "not a check's page");
      continue;
    }
    llvm::StringRef Old = (*Buffer)->getBuffer();
    std::string Error;
    if (!matchesTable(*Cat, Old, Error)) {
      Fail(Page, Error);
      continue;
    }
    std::string New = regenerate(C, *Cat, Old, Error);
    if (!Error.empty()) {
      Fail(Page, Error);
      continue;
    }
    if (New == Old)
      continue;
    if (Check) {
      Fail(Page, "a generated section is stale; run async-tidy-catalog docs");
      continue;
    }
    std::error_code EC;
    llvm::raw_fd_ostream Out(Page, EC);
    if (EC) {
      Fail(Page, EC.message());
      continue;
    }
    Out << New;
  }
  return Ok;
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::StringRef Mode = Argc > 1 ? Argv[1] : "";
  if (Mode == "docs") {
    llvm::ArrayRef<const char *> Args(Argv + 2, Argc - 2);
    const bool Check = !Args.empty() && llvm::StringRef(Args[0]) == "--check";
    if (Check)
      Args = Args.drop_front();
    std::optional<Catalog> C = Args.size() >= 2 ? load(Args[0]) : std::nullopt;
    return C && docs(*C, Args.drop_front(), Check) ? 0 : 1;
  }
  if (Mode == "keys" && Argc == 2) {
    for (const CatalogKeys &Place : catalogKeys())
      for (llvm::StringRef Key : Place.Keys)
        llvm::outs() << Place.Place << ": " << Key << "\n";
    return 0;
  }
  const bool OneFile = Mode == "markdown" || Mode == "list";
  if ((Mode != "check" && !OneFile) || Argc < 3 || (OneFile && Argc != 3)) {
    llvm::errs() << "usage: async-tidy-catalog check FILE...\n"
                    "       async-tidy-catalog markdown FILE\n"
                    "       async-tidy-catalog list FILE\n"
                    "       async-tidy-catalog keys\n"
                    "       async-tidy-catalog docs [--check] FILE PAGE...\n";
    return 2;
  }
  if (OneFile) {
    std::optional<Catalog> C = load(Argv[2]);
    if (!C)
      return 1;
    if (Mode == "markdown")
      markdown(*C, llvm::outs());
    else
      list(*C, llvm::outs());
    return 0;
  }
  bool Ok = true;
  for (int I = 2; I < Argc; ++I)
    Ok &= load(Argv[I]).has_value();
  return Ok ? 0 : 1;
}

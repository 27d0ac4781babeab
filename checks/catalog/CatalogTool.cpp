//===--- CatalogTool.cpp - async-tidy -------------------------------------===//
//
// async-tidy-catalog: validates catalog files and renders them as Markdown.
//
//   async-tidy-catalog check FILE...   exit 1 with file:line:col on errors
//   async-tidy-catalog markdown FILE   the catalog page (docs/catalog.md)
//   async-tidy-catalog fix-docs [--check] FILE PAGE...
//                                      the "Fixes by framework" section of
//                                      each check's page, rewritten in place
//                                      (or compared, with --check)
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
  }
  return {};
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
}

/// A call each check's page shows fixed, with what fills the template
/// slots: the API it calls, its arguments, the object it is called on, and
/// its type (empty when its value is unused).
struct Example {
  Category Cat;
  llvm::StringLiteral Api;
  llvm::StringLiteral Prefix;
  llvm::StringLiteral Args;
  llvm::StringLiteral Type;
  llvm::StringLiteral Result;
};
constexpr Example Examples[] = {
    {Category::Sleep, "std::this_thread::sleep_for",
     "std::this_thread::", "100ms", "", ""},
    {Category::Socket, "asio::basic_stream_socket::read_some", "sock.", "buf",
     "std::size_t", "n"},
    {Category::FileIo, "std::filesystem::file_size",
     "std::filesystem::", "path", "std::uintmax_t", "size"},
    {Category::Db, "PQexec", "", "conn, sql", "PGresult *", "res"},
    {Category::Http, "curl_easy_perform", "", "curl", "", ""},
    {Category::Wait, "std::future::get", "fut.", "", "int", "v"},
    {Category::Process, "system", "std::", "cmd", "int", "status"},
    {Category::Cpu, "crypt", "", "key, salt", "char *", "hash"},
    {Category::Call, "legacy_fetch", "", "id", "Record", "rec"},
};

/// Fills a template's slots with the example's text, as the checks do with
/// the source's.
std::string expandExample(llvm::StringRef Template, const Example &E,
                          const Framework &F, llvm::StringRef Call) {
  llvm::SmallVector<llvm::StringRef, 3> Args;
  E.Args.split(Args, ", ", -1, false);
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
      return E.Args.str();
    case SlotKind::ArgsComma:
      return E.Args.empty() ? "" : (E.Args + ", ").str();
    case SlotKind::Prefix:
      return E.Prefix.str();
    case SlotKind::Call:
      return Call.str();
    case SlotKind::Type:
      return E.Type.empty() ? "void" : E.Type.str();
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
std::string fixSection(const Catalog &C, Category Cat) {
  const Example *E = nullptr;
  for (const Example &X : Examples)
    if (X.Cat == Cat)
      E = &X;
  std::string Call = (E->Prefix + llvm::StringRef(E->Api).rsplit("::").second +
                      "(" + E->Args + ")")
                         .str();
  if (!llvm::StringRef(E->Api).contains("::"))
    Call = (E->Prefix + E->Api + "(" + E->Args + ")").str();
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
  OS << "Generated from the catalog by `async-tidy-catalog fix-docs`; the\n"
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
      std::string Arg = "100ms";
      if (Req == ArgRequirement::Awaitable)
        Arg = "child()";
      else if (Req == ArgRequirement::Any)
        Arg = "n";
      std::string Before = A.Name + "(" + Arg + ")";
      Example Other{Cat, "", "", "", "", ""};
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

constexpr llvm::StringLiteral BeginMarker =
    "<!-- BEGIN generated fixes by framework -->\n";
constexpr llvm::StringLiteral EndMarker =
    "<!-- END generated fixes by framework -->";

/// Rewrites or checks the generated section of each page; false when a page
/// is stale (with Check) or cannot be updated.
bool fixDocs(const Catalog &C, llvm::ArrayRef<const char *> Pages, bool Check) {
  bool Ok = true;
  for (llvm::StringRef Page : Pages) {
    llvm::StringRef Stem = llvm::sys::path::stem(Page);
    std::optional<Category> Cat = categoryOfCheck(Stem);
    auto Buffer = llvm::MemoryBuffer::getFile(Page);
    if (!Cat || !Buffer) {
      llvm::errs() << Page << ": not a check's page\n";
      Ok = false;
      continue;
    }
    llvm::StringRef Old = (*Buffer)->getBuffer();
    size_t Begin = Old.find(BeginMarker);
    size_t End = Old.find(EndMarker);
    if (Begin == llvm::StringRef::npos || End == llvm::StringRef::npos ||
        End < Begin) {
      llvm::errs() << Page << ": missing the markers of the generated "
                   << "section\n";
      Ok = false;
      continue;
    }
    std::string New = (Old.take_front(Begin + BeginMarker.size()) +
                       fixSection(C, *Cat) + Old.drop_front(End))
                          .str();
    if (New == Old)
      continue;
    if (Check) {
      llvm::errs() << Page << ": the generated section is stale; run "
                   << "async-tidy-catalog fix-docs\n";
      Ok = false;
      continue;
    }
    std::error_code EC;
    llvm::raw_fd_ostream Out(Page, EC);
    if (EC) {
      llvm::errs() << Page << ": " << EC.message() << "\n";
      Ok = false;
      continue;
    }
    Out << New;
  }
  return Ok;
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::StringRef Mode = Argc > 1 ? Argv[1] : "";
  if (Mode == "fix-docs") {
    llvm::ArrayRef<const char *> Args(Argv + 2, Argc - 2);
    const bool Check = !Args.empty() && llvm::StringRef(Args[0]) == "--check";
    if (Check)
      Args = Args.drop_front();
    std::optional<Catalog> C = Args.size() >= 2 ? load(Args[0]) : std::nullopt;
    return C && fixDocs(*C, Args.drop_front(), Check) ? 0 : 1;
  }
  if ((Mode != "check" && Mode != "markdown") || Argc < 3 ||
      (Mode == "markdown" && Argc != 3)) {
    llvm::errs() << "usage: async-tidy-catalog check FILE...\n"
                    "       async-tidy-catalog markdown FILE\n"
                    "       async-tidy-catalog fix-docs [--check] FILE "
                    "PAGE...\n";
    return 2;
  }
  if (Mode == "markdown") {
    std::optional<Catalog> C = load(Argv[2]);
    if (!C)
      return 1;
    markdown(*C, llvm::outs());
    return 0;
  }
  bool Ok = true;
  for (int I = 2; I < Argc; ++I)
    Ok &= load(Argv[I]).has_value();
  return Ok ? 0 : 1;
}

//===--- CatalogTool.cpp - async-tidy -------------------------------------===//
//
// async-tidy-catalog: validates catalog files and renders them as Markdown.
//
//   async-tidy-catalog check FILE...   exit 1 with file:line:col on errors
//   async-tidy-catalog markdown FILE   the catalog page (docs/catalog.md)
//
//===----------------------------------------------------------------------===//

#include "engine/Catalog.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
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
    return Arg + " is " + std::to_string(C.Value);
  case ArgCondition::Kind::HasBits:
    return Arg + " has flag " + "0x" + llvm::utohexstr(C.Value);
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

void markdown(const Catalog &C, llvm::raw_ostream &OS) {
  OS << "# The blocking-API catalog\n\n"
     << "Generated from `checks/catalog/blocking-apis.yaml` by\n"
     << "`build/bin/async-tidy-catalog markdown checks/catalog/"
        "blocking-apis.yaml`;\n"
     << "do not edit. Each API is matched by its declaration. A bare name is "
        "a C\nfunction; methods are listed under the class the caller "
        "sees.\n";
  for (unsigned I = 0; I < NumCategories; ++I) {
    const auto Cat = static_cast<Category>(I);
    std::vector<const ApiEntry *> Entries;
    for (const ApiEntry &E : C.entries())
      if (E.Cat == Cat && E.Hop == HopTarget::None)
        Entries.push_back(&E);
    if (Entries.empty())
      continue;
    OS << "\n## async-blocking-" << categoryName(Cat) << "\n\n"
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
    std::string Idiom = F.Offload.Value;
    for (size_t At = Idiom.find('|'); At != std::string::npos;
         At = Idiom.find('|', At + 2))
      Idiom.insert(At, "\\");
    OS << " | "
       << (Idiom.empty() ? "only with `OffloadTemplate`" : "`" + Idiom + "`")
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

} // namespace

int main(int Argc, char **Argv) {
  llvm::StringRef Mode = Argc > 1 ? Argv[1] : "";
  if ((Mode != "check" && Mode != "markdown") || Argc < 3 ||
      (Mode == "markdown" && Argc != 3)) {
    llvm::errs() << "usage: async-tidy-catalog check FILE...\n"
                    "       async-tidy-catalog markdown FILE\n";
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

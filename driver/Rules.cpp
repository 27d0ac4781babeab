//===--- Rules.cpp - async-tidy -------------------------------------------===//

#include "Rules.h"
#include "DocsUrl.h"
#include "engine/Category.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <cstdint>

namespace clang::tidy::async {

namespace {

struct CheckSummary {
  std::string Name;
  llvm::StringRef Description;
};

/// The async-* checks, by name, from the category table: the first sentence
/// of each one's page (a test compares them) is the table's summary.
const std::vector<CheckSummary> &asyncChecks() {
  static const std::vector<CheckSummary> Checks = [] {
    std::vector<CheckSummary> Result;
    for (const CategoryInfo &I : categories())
      Result.push_back({checkName(I.Cat), I.Summary});
    llvm::sort(Result, [](const CheckSummary &A, const CheckSummary &B) {
      return A.Name < B.Name;
    });
    return Result;
  }();
  return Checks;
}

struct CheckPage {
  llvm::StringLiteral Name;
  /// The page's opening, in Markdown, as EmbedCheckDocs.cmake cut it.
  llvm::StringLiteral Opening;
};

constexpr CheckPage CheckPages[] = {
#include "CheckDocs.inc"
};

llvm::StringRef pageOpening(llvm::StringRef Check) {
  for (const CheckPage &Page : CheckPages)
    if (Page.Name == Check)
      return Page.Opening;
  return "";
}

std::string pascalCase(llvm::StringRef Id) {
  std::string Result;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Result += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Result;
}

/// Resolves a link of a page at PageUrl: "../fixes.md", "#options" and
/// "other.md" become absolute; absolute URLs stay as they are.
std::string resolveLink(llvm::StringRef Link, llvm::StringRef PageUrl) {
  if (Link.contains("://") || Link.starts_with("mailto:"))
    return Link.str();
  if (Link.starts_with("#"))
    return (PageUrl + Link).str();
  // The path after "scheme://host" is what ".." may climb.
  size_t HostEnd = PageUrl.find('/', PageUrl.find("://") + 3);
  llvm::StringRef Origin = PageUrl.take_front(HostEnd);
  llvm::SmallVector<llvm::StringRef> Parts;
  PageUrl.drop_front(Origin.size()).split(Parts, '/', -1, false);
  if (!Parts.empty())
    Parts.pop_back(); // The page itself.
  llvm::SmallVector<llvm::StringRef> LinkParts;
  Link.split(LinkParts, '/', -1, false);
  for (llvm::StringRef Part : LinkParts) {
    if (Part == "..") {
      if (!Parts.empty())
        Parts.pop_back();
    } else if (Part != ".") {
      Parts.push_back(Part);
    }
  }
  return (Origin + "/" + llvm::join(Parts, "/")).str();
}

enum class LinkStyle : uint8_t {
  Markdown, // [label](absolute url)
  Text,     // label (absolute url)
  Label,    // label
};

/// Markdown with each link "[label](url)" resolved against PageUrl and
/// written in Style.
std::string rewriteLinks(llvm::StringRef Markdown, llvm::StringRef PageUrl,
                         LinkStyle Style) {
  std::string Result;
  while (!Markdown.empty()) {
    size_t Open = Markdown.find('[');
    if (Open == llvm::StringRef::npos) {
      Result += Markdown;
      break;
    }
    // A label holds no brackets and no line break ("[[clang::blocking]]"
    // is code, not a link).
    size_t Bracket = Markdown.find_first_of("[]\n", Open + 1);
    size_t Paren = Markdown.find(')', Bracket);
    if (Bracket == llvm::StringRef::npos || Markdown[Bracket] != ']' ||
        !Markdown.substr(Bracket + 1).starts_with("(") ||
        Paren == llvm::StringRef::npos ||
        Markdown.slice(Bracket, Paren).contains('\n')) {
      Result += Markdown.take_front(Open + 1);
      Markdown = Markdown.drop_front(Open + 1);
      continue;
    }
    llvm::StringRef Label = Markdown.slice(Open + 1, Bracket);
    Result += Markdown.take_front(Open);
    if (Style == LinkStyle::Label) {
      Result += Label;
    } else {
      std::string Url =
          resolveLink(Markdown.slice(Bracket + 2, Paren), PageUrl);
      Result += Style == LinkStyle::Markdown
                    ? ("[" + Label + "](" + Url + ")").str()
                    : (Label + " (" + Url + ")").str();
    }
    Markdown = Markdown.drop_front(Paren + 1);
  }
  return Result;
}

/// The first paragraph of Markdown on one line, links reduced to their
/// labels.
std::string firstParagraph(llvm::StringRef Markdown) {
  llvm::SmallVector<llvm::StringRef> Lines;
  Markdown.split("\n\n").first.split(Lines, '\n');
  std::string Joined = llvm::join(
      llvm::map_range(Lines, [](llvm::StringRef L) { return L.trim(); }), " ");
  return rewriteLinks(Joined, "", LinkStyle::Label);
}

RuleInfo asyncRule(const CheckSummary &Check, llvm::StringRef DocsUrl) {
  RuleInfo Rule;
  Rule.Id = Check.Name;
  Rule.Name = pascalCase(Check.Name);
  Rule.ShortDescription = Check.Description.str();
  Rule.HelpUri = checkDocsUrl(Check.Name, DocsUrl);
  llvm::StringRef Opening = pageOpening(Check.Name);
  Rule.FullDescription =
      Opening.empty() ? Rule.ShortDescription : firstParagraph(Opening);
  Rule.HelpMarkdown = rewriteLinks(Opening, Rule.HelpUri, LinkStyle::Markdown) +
                      "\n\n[Full documentation](" + Rule.HelpUri + ")";
  Rule.HelpText = rewriteLinks(Opening, Rule.HelpUri, LinkStyle::Text) +
                  "\n\nFull documentation: " + Rule.HelpUri;
  return Rule;
}

constexpr llvm::StringLiteral ClangTidyChecksUrl =
    "https://clang.llvm.org/extra/clang-tidy/checks/";
constexpr llvm::StringLiteral ClangDiagnosticsUrl =
    "https://clang.llvm.org/docs/DiagnosticsReference.html";

RuleInfo otherRule(llvm::StringRef Id) {
  RuleInfo Rule;
  Rule.Id = Id.str();
  Rule.Name = pascalCase(Id);
  llvm::StringRef Warning = Id;
  if (Warning.consume_front("clang-diagnostic-")) {
    if (Warning == "error") {
      Rule.ShortDescription = "A Clang compiler error.";
      Rule.FullDescription =
          "An error of the Clang compiler: the file could not be compiled "
          "with its compile command, so the analysis of it may be "
          "incomplete.";
      Rule.HelpUri = ClangDiagnosticsUrl.str();
    } else {
      Rule.ShortDescription =
          ("The Clang compiler warning -W" + Warning + ".").str();
      Rule.FullDescription =
          ("The Clang compiler warning -W" + Warning +
           ", enabled by the file's compile command or by the run.")
              .str();
      Rule.HelpUri = (ClangDiagnosticsUrl + "#w" + Warning.lower()).str();
    }
  } else {
    Rule.ShortDescription = ("The clang-tidy check " + Id + ".").str();
    Rule.FullDescription =
        ("The clang-tidy check " + Id +
         ", enabled by the run's configuration; LLVM documents what it finds.")
            .str();
    // Each module has a directory of pages: "bugprone-use-after-move" is
    // bugprone/use-after-move.html; clang-analyzer is the one module with a
    // dash.
    llvm::StringRef Module = Id.starts_with("clang-analyzer-")
                                 ? "clang-analyzer"
                                 : Id.split('-').first;
    llvm::StringRef Page =
        Id.drop_front(std::min(Module.size() + 1, Id.size()));
    Rule.HelpUri = (ClangTidyChecksUrl + Module + "/" + Page + ".html").str();
  }
  Rule.HelpText = Rule.FullDescription + " See " + Rule.HelpUri;
  Rule.HelpMarkdown =
      Rule.FullDescription + " See [its documentation](" + Rule.HelpUri + ").";
  return Rule;
}

} // namespace

std::vector<std::string> asyncCheckNames() {
  std::vector<std::string> Names;
  for (const CheckSummary &Check : asyncChecks())
    Names.push_back(Check.Name);
  return Names;
}

RuleInfo ruleInfo(llvm::StringRef Id, llvm::StringRef DocsUrl) {
  for (const CheckSummary &Check : asyncChecks())
    if (Check.Name == Id)
      return asyncRule(Check, DocsUrl);
  return otherRule(Id);
}

} // namespace clang::tidy::async

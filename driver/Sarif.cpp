//===--- Sarif.cpp - async-tidy -------------------------------------------===//

#include "Sarif.h"
#include "ExportedDiagnostics.h"
#include "Rules.h"
#include "SarifMerge.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral SarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json";
constexpr llvm::StringLiteral RootId = "%SRCROOT%";
/// The partialFingerprints entry async-tidy computes; "/v1" changes when
/// what it hashes does.
constexpr llvm::StringLiteral FingerprintName = "asyncTidyFindingHash/v1";

/// Percent-encodes what may not appear in a URI path.
std::string uriPath(llvm::StringRef Path) {
  std::string Result;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Result += C;
    else
      Result += "%" + llvm::utohexstr(static_cast<unsigned char>(C),
                                      /*LowerCase=*/false, /*Width=*/2);
  }
  return Result;
}

/// Line and column of byte offsets, the column in Unicode code points as
/// the run declares (clang counts bytes; the two agree on ASCII).
class SourceTexts {
public:
  struct Position {
    unsigned Line;
    unsigned Column;
  };

  std::optional<Position> position(llvm::StringRef File, unsigned Offset) {
    const Text *T = text(File);
    if (!T || Offset > T->Buffer->getBufferSize())
      return std::nullopt;
    auto Next = llvm::upper_bound(T->LineStarts, Offset);
    unsigned Start = *(Next - 1);
    llvm::StringRef Before =
        T->Buffer->getBuffer().slice(Start, static_cast<size_t>(Offset));
    unsigned Column = 1;
    for (char C : Before)
      Column += (static_cast<unsigned char>(C) & 0xC0) != 0x80;
    return Position{static_cast<unsigned>(Next - T->LineStarts.begin()),
                    Column};
  }

private:
  struct Text {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts;
  };

  const Text *text(llvm::StringRef File) {
    auto [It, New] = Texts.try_emplace(File);
    if (New) {
      auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/
                                                false);
      if (Buffer) {
        It->second.Buffer = std::move(*Buffer);
        It->second.LineStarts.push_back(0);
        llvm::StringRef Data = It->second.Buffer->getBuffer();
        for (size_t I = 0; I < Data.size(); ++I)
          if (Data[I] == '\n')
            It->second.LineStarts.push_back(static_cast<unsigned>(I + 1));
      }
    }
    return It->second.Buffer ? &It->second : nullptr;
  }

  llvm::StringMap<Text> Texts;
};

/// An Azure Pipelines variable, as the pipeline exports it.
std::string pipelineVariable(const char *Name, const char *Fallback = nullptr) {
  for (const char *N : {Name, Fallback})
    if (const char *Value = N ? std::getenv(N) : nullptr)
      if (!llvm::StringRef(Value).trim().empty())
        return llvm::StringRef(Value).trim().str();
  return "";
}

/// In an Azure pipeline, the automationDetails that GitHub Advanced
/// Security for Azure DevOps files results under: an id and properties
/// naming the organization, project, build definition, phase, branch and
/// build, from the pipeline's variables. std::nullopt elsewhere, or when a
/// variable is missing.
std::optional<llvm::json::Object> azurePipelineDetails() {
  const std::string Build = pipelineVariable("TF_BUILD");
  if (!llvm::StringRef(Build).equals_insensitive("true") && Build != "1")
    return std::nullopt;
  // https://dev.azure.com/ORG/ or https://ORG.visualstudio.com/
  const std::string CollectionUri = pipelineVariable("SYSTEM_COLLECTIONURI");
  llvm::StringRef Collection = CollectionUri;
  Collection.consume_front("https://");
  Collection.consume_front("http://");
  auto [Host, Path] = Collection.split('/');
  std::string Organization = Host.consume_back(".visualstudio.com")
                                 ? Host.str()
                                 : Path.split('/').first.str();
  std::string Project = pipelineVariable("SYSTEM_TEAMPROJECTID");
  std::string Definition =
      pipelineVariable("BUILD_DEFINITIONID", "SYSTEM_DEFINITIONID");
  std::string DefinitionName = pipelineVariable("BUILD_DEFINITIONNAME");
  std::string BuildId = pipelineVariable("BUILD_BUILDID");
  std::string Phase = pipelineVariable("SYSTEM_PHASEID", "SYSTEM_JOBID");
  std::string PhaseName =
      pipelineVariable("SYSTEM_PHASENAME", "SYSTEM_JOBNAME");
  std::string Branch = pipelineVariable("BUILD_SOURCEBRANCH");
  for (const std::string *Part :
       {&Organization, &Project, &Definition, &DefinitionName, &BuildId, &Phase,
        &PhaseName, &Branch})
    if (Part->empty())
      return std::nullopt;
  constexpr llvm::StringLiteral Prefix = "azuredevops/pipeline/build/";
  return llvm::json::Object{
      {"id", (Prefix + Organization + "/" + Project + "/" + Definition + "/" +
              Phase + "/" + Branch + "/" + BuildId)
                 .str()},
      {"properties",
       llvm::json::Object{
           {(Prefix + "buildDefinitionId").str(), Definition},
           {(Prefix + "buildDefinitionName").str(), DefinitionName},
           {(Prefix + "phaseId").str(), Phase},
           {(Prefix + "phaseName").str(), PhaseName}}}};
}

llvm::StringRef levelName(tooling::Diagnostic::Level Level) {
  switch (Level) {
  case tooling::Diagnostic::Error:
    return "error";
  case tooling::Diagnostic::Warning:
    return "warning";
  case tooling::Diagnostic::Remark:
    return "note";
  }
  return "none";
}

class Converter {
public:
  explicit Converter(const SarifRun &Run) : Run(Run) {
    for (const std::string &Check : asyncCheckNames())
      addRule(Check);
  }

  llvm::json::Value log(llvm::ArrayRef<tooling::Diagnostic> Diagnostics) {
    numberFindings(Diagnostics);
    std::set<std::string> UnitSet;
    for (const std::string &File : Run.Units)
      UnitSet.insert(uri(File));
    std::vector<std::string> Units(UnitSet.begin(), UnitSet.end());
    llvm::json::Array Results;
    // Diagnostics of no file (a check's configuration error) are about the
    // run, not the code: SARIF has notifications for them.
    llvm::json::Array Notifications;
    bool Failed = false;
    for (const tooling::Diagnostic &D : Diagnostics) {
      if (!D.Message.FilePath.empty()) {
        Results.push_back(result(D));
        continue;
      }
      Failed |= D.DiagLevel == tooling::Diagnostic::Error;
      Notifications.push_back(llvm::json::Object{
          {"descriptor", llvm::json::Object{{"id", D.DiagnosticName}}},
          {"level", levelName(D.DiagLevel)},
          {"message", llvm::json::Object{{"text", D.Message.Message}}}});
    }
    llvm::json::Object Invocation{{"executionSuccessful", !Failed},
                                  {"exitCode", Run.ExitStatus}};
    if (!Units.empty()) {
      Invocation["properties"] =
          llvm::json::Object{{UnitsProperty, llvm::json::Array(Units)}};
      for (llvm::json::Value &R : Results)
        (*R.getAsObject())["properties"] =
            llvm::json::Object{{UnitsProperty, llvm::json::Array(Units)}};
    }
    if (!Notifications.empty())
      Invocation["toolConfigurationNotifications"] = std::move(Notifications);
    llvm::json::Object Driver{{"name", "async-tidy"},
                              {"fullName",
                               "async-tidy " ASYNC_TIDY_VERSION
                               " (clang-tidy " LLVM_VERSION_STRING ")"},
                              {"version", ASYNC_TIDY_VERSION},
                              {"semanticVersion", ASYNC_TIDY_VERSION},
                              {"informationUri", ProjectUrl},
                              {"rules", std::move(Rules)}};
    std::string Root = uriPath(Run.Root);
    if (!llvm::StringRef(Root).ends_with("/"))
      Root += "/";
    llvm::json::Object SarifRun{
        {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
        {"originalUriBaseIds",
         llvm::json::Object{
             {RootId, llvm::json::Object{{"uri", "file://" + Root}}}}},
        {"columnKind", "unicodeCodePoints"},
        {"automationDetails",
         azurePipelineDetails().value_or(llvm::json::Object{
             {"id", llvm::StringRef(Run.Category).ends_with("/")
                        ? Run.Category
                        : Run.Category + "/"}})},
        {"invocations", llvm::json::Array{std::move(Invocation)}},
        {"results", std::move(Results)}};
    return llvm::json::Object{{"$schema", SarifSchema},
                              {"version", "2.1.0"},
                              {"runs", llvm::json::Array{std::move(SarifRun)}}};
  }

private:
  unsigned addRule(llvm::StringRef Id) {
    RuleInfo Info = ruleInfo(Id, Run.DocsUrl);
    RuleIndex[Id] = Rules.size();
    Rules.push_back(llvm::json::Object{
        {"id", Info.Id},
        {"name", Info.Name},
        {"shortDescription",
         llvm::json::Object{{"text", Info.ShortDescription}}},
        {"fullDescription", llvm::json::Object{{"text", Info.FullDescription}}},
        {"help", llvm::json::Object{{"text", Info.HelpText},
                                    {"markdown", Info.HelpMarkdown}}},
        {"helpUri", Info.HelpUri},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}}});
    return Rules.size() - 1;
  }

  /// Other checks and compiler diagnostics get a rule when they appear.
  unsigned ruleIndex(llvm::StringRef Id) {
    auto It = RuleIndex.find(Id);
    return It != RuleIndex.end() ? It->second : addRule(Id);
  }

  /// What identifies a finding across runs, whatever moved: for an async-*
  /// finding its baseline key (file, check, coroutine, the call's tokens);
  /// for any other its file, rule and message.
  std::string identity(const tooling::Diagnostic &D) {
    std::string File = absolutePath(D.Message.FilePath, D.BuildDirectory);
    std::string Uri = uri(File);
    const FindingKey *Key =
        Run.Keys ? Run.Keys(File, D.Message.FileOffset, D.DiagnosticName)
                 : nullptr;
    // NUL occurs in none of the parts.
    if (Key)
      return llvm::join(llvm::ArrayRef<llvm::StringRef>{Uri, Key->Check,
                                                        Key->Function,
                                                        Key->Call},
                        llvm::StringRef("\0", 1));
    return llvm::join(llvm::ArrayRef<llvm::StringRef>{Uri, D.DiagnosticName,
                                                      D.Message.Message},
                      llvm::StringRef("\0", 1));
  }

  /// Findings with the same identity are told apart by their order in the
  /// file: the second identical 'sleep(1)' in a coroutine is ":2".
  void numberFindings(llvm::ArrayRef<tooling::Diagnostic> Diagnostics) {
    for (const tooling::Diagnostic &D : Diagnostics)
      if (!D.Message.FilePath.empty())
        Offsets[identity(D)].insert(D.Message.FileOffset);
  }

  std::string fingerprint(const tooling::Diagnostic &D) {
    std::string Identity = identity(D);
    const std::set<unsigned> &Same = Offsets[Identity];
    size_t Ordinal =
        std::distance(Same.begin(), Same.find(D.Message.FileOffset)) + 1;
    std::array<uint8_t, 32> Hash = llvm::SHA256::hash(llvm::ArrayRef(
        reinterpret_cast<const uint8_t *>(Identity.data()), Identity.size()));
    return llvm::toHex(llvm::ArrayRef(Hash).take_front(8),
                       /*LowerCase=*/true) +
           ":" + std::to_string(Ordinal);
  }

  /// A file's URI as the log writes it: relative to %SRCROOT% inside it.
  std::string uri(llvm::StringRef File) {
    llvm::StringRef Relative = File;
    if (Relative.consume_front(Run.Root) &&
        (llvm::StringRef(Run.Root).ends_with("/") ||
         Relative.consume_front("/")))
      return uriPath(Relative);
    return "file://" + uriPath(File);
  }

  llvm::json::Object artifact(llvm::StringRef File) {
    std::string Uri = uri(File);
    if (llvm::StringRef(Uri).starts_with("file://"))
      return llvm::json::Object{{"uri", std::move(Uri)}};
    return llvm::json::Object{{"uri", std::move(Uri)}, {"uriBaseId", RootId}};
  }

  llvm::json::Object region(llvm::StringRef File, unsigned Begin,
                            std::optional<unsigned> End) {
    llvm::json::Object Region;
    if (std::optional<SourceTexts::Position> Start =
            Texts.position(File, Begin)) {
      Region["startLine"] = Start->Line;
      Region["startColumn"] = Start->Column;
    }
    if (std::optional<SourceTexts::Position> Stop =
            End ? Texts.position(File, *End) : std::nullopt) {
      Region["endLine"] = Stop->Line;
      Region["endColumn"] = Stop->Column;
    }
    return Region;
  }

  llvm::json::Object location(const tooling::DiagnosticMessage &M,
                              llvm::StringRef BuildDirectory) {
    std::string File = absolutePath(M.FilePath, BuildDirectory);
    // The call's range when the diagnostic underlines one from its start.
    std::optional<unsigned> End;
    for (const tooling::FileByteRange &R : M.Ranges)
      if (R.FileOffset == M.FileOffset &&
          absolutePath(R.FilePath, BuildDirectory) == File)
        End = R.FileOffset + R.Length;
    llvm::json::Object Physical{{"artifactLocation", artifact(File)}};
    llvm::json::Object Region = region(File, M.FileOffset, End);
    if (!Region.empty())
      Physical["region"] = std::move(Region);
    return llvm::json::Object{{"physicalLocation", std::move(Physical)}};
  }

  std::optional<llvm::json::Object> fix(const tooling::DiagnosticMessage &M,
                                        llvm::StringRef BuildDirectory,
                                        llvm::StringRef Description) {
    std::vector<llvm::StringRef> Files;
    for (const auto &Entry : M.Fix)
      if (!Entry.second.empty())
        Files.push_back(Entry.first());
    if (Files.empty())
      return std::nullopt;
    // clang-tidy's export cuts a text that is not UTF-8 at its first
    // invalid byte and ends it with U+FFFD: such a fix would write half
    // the code, so none is given (--fix itself applies it whole).
    for (llvm::StringRef File : Files)
      for (const tooling::Replacement &R : M.Fix.find(File)->second)
        if (R.getReplacementText().ends_with("\xEF\xBF\xBD"))
          return std::nullopt;
    llvm::sort(Files);
    llvm::json::Array Changes;
    for (llvm::StringRef FilePath : Files) {
      std::string File = absolutePath(FilePath, BuildDirectory);
      llvm::json::Array Replacements;
      for (const tooling::Replacement &R : M.Fix.find(FilePath)->second)
        Replacements.push_back(llvm::json::Object{
            {"deletedRegion",
             region(File, R.getOffset(), R.getOffset() + R.getLength())},
            {"insertedContent",
             llvm::json::Object{{"text", R.getReplacementText().str()}}}});
      Changes.push_back(
          llvm::json::Object{{"artifactLocation", artifact(File)},
                             {"replacements", std::move(Replacements)}});
    }
    return llvm::json::Object{
        {"description", llvm::json::Object{{"text", Description.str()}}},
        {"artifactChanges", std::move(Changes)}};
  }

  llvm::json::Object result(const tooling::Diagnostic &D) {
    llvm::json::Object Result{
        {"ruleId", D.DiagnosticName},
        {"ruleIndex", ruleIndex(D.DiagnosticName)},
        {"level", levelName(D.DiagLevel)},
        {"message", llvm::json::Object{{"text", D.Message.Message}}}};
    if (!D.Message.FilePath.empty()) {
      Result["locations"] =
          llvm::json::Array{location(D.Message, D.BuildDirectory)};
      Result["partialFingerprints"] =
          llvm::json::Object{{FingerprintName, fingerprint(D)}};
    }
    llvm::json::Array Related;
    for (const tooling::DiagnosticMessage &Note : D.Notes) {
      llvm::json::Object Entry = Note.FilePath.empty()
                                     ? llvm::json::Object{}
                                     : location(Note, D.BuildDirectory);
      Entry["id"] = Related.size() + 1;
      Entry["message"] = llvm::json::Object{{"text", Note.Message}};
      Related.push_back(std::move(Entry));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    // The warning's own fix, then the alternatives its notes offer.
    llvm::json::Array Fixes;
    if (auto F = fix(D.Message, D.BuildDirectory, "Apply the fix"))
      Fixes.push_back(std::move(*F));
    for (const tooling::DiagnosticMessage &Note : D.Notes)
      if (auto F = fix(Note, D.BuildDirectory, Note.Message))
        Fixes.push_back(std::move(*F));
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    return Result;
  }

  const SarifRun &Run;
  llvm::json::Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  SourceTexts Texts;
  /// The offsets of the findings of each identity.
  std::map<std::string, std::set<unsigned>> Offsets;
};

} // namespace

llvm::json::Value sarifLog(llvm::ArrayRef<tooling::Diagnostic> Diagnostics,
                           const SarifRun &Run) {
  return Converter(Run).log(Diagnostics);
}

} // namespace clang::tidy::async

//===--- Reports.cpp - async-tidy -----------------------------------------===//

#include "Reports.h"
#include "Baseline.h"
#include "ExportedDiagnostics.h"
#include "LockedFile.h"
#include "Sarif.h"
#include "SarifMerge.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace clang::tidy::async {

const char *const ReportOptionsHelp = R"(
async-tidy report options (not in clang-tidy):
  --sarif=<file>           Also write the findings as SARIF 2.1.0, for GitHub
                           code scanning and other CI viewers.
  --sarif-root=<dir>       Write SARIF locations relative to <dir> (default:
                           the current directory).
  --sarif-category=<id>    The SARIF run's category (automationDetails.id),
                           which GitHub code scanning keeps alerts apart by
                           (default: async-tidy).
  --sarif-docs-url=<url>   Link the SARIF rules to the check pages under
                           <url>, where docs/ is published (default: the
                           project's repository).
  --write-baseline=<file>  Record the async-* findings of this run in <file>.
  --baseline=<file>        Report only async-* findings that <file> does not
                           record: the others are not printed, fixed, exported
                           or counted in the exit status.
  See docs/ci.md.
)";

namespace {

/// An argument as clang-tidy's command line reads it: "-name", "--name",
/// "-name=value" or "--name=value".
struct Flag {
  llvm::StringRef Name;
  std::optional<llvm::StringRef> Value;
};

std::optional<Flag> flag(llvm::StringRef Arg) {
  if (!Arg.consume_front("-"))
    return std::nullopt;
  Arg.consume_front("-");
  if (Arg.empty())
    return std::nullopt;
  auto [Name, Value] = Arg.split('=');
  return Flag{Name, Arg.contains('=') ? std::optional(Value) : std::nullopt};
}

bool isSet(const Flag &F) {
  return !F.Value ||
         llvm::is_contained({"true", "TRUE", "True", "1"}, F.Value->str());
}

/// Options after which clang-tidy analyses no file.
bool analysesNothingName(llvm::StringRef Name) {
  return llvm::is_contained({"list-checks", "dump-config", "explain-config",
                             "verify-config", "help", "help-hidden",
                             "help-list", "help-list-hidden", "version",
                             "print-options", "print-all-options"},
                            Name.str());
}

/// clang-tidy's options that may take their value as the next argument.
bool takesValue(llvm::StringRef Name) {
  return llvm::is_contained(
      {"checks", "config", "config-file", "exclude-header-filter",
       "export-fixes", "extra-arg", "extra-arg-before", "format-style",
       "header-filter", "line-filter", "load", "p", "removed-arg",
       "store-check-profile", "vfsoverlay", "warnings-as-errors"},
      Name.str());
}

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str().c_str());
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  // Left relative if the working directory is gone; clang-tidy fails then.
  if (std::error_code EC = llvm::sys::fs::make_absolute(Result))
    return Path.str();
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return Result.str().str();
}

/// The real path of a directory, as the checks name files.
std::string realDirectory(llvm::StringRef Dir) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Dir, Real))
    return Dir.str();
  return Real.str().str();
}

/// The response files expanded, as clang-tidy would, so that the report
/// options in them are seen.
llvm::Expected<std::vector<std::string>>
expandResponseFiles(const std::vector<std::string> &Args) {
  if (llvm::none_of(Args, [](const std::string &A) {
        return llvm::StringRef(A).starts_with("@");
      }))
    return Args;
  llvm::BumpPtrAllocator Alloc;
  llvm::cl::ExpansionContext Expander(Alloc, llvm::cl::TokenizeGNUCommandLine);
  llvm::SmallVector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  if (llvm::Error Err = Expander.expandResponseFiles(Argv))
    return std::move(Err);
  return std::vector<std::string>(Argv.begin(), Argv.end());
}

} // namespace

bool setsFlag(llvm::StringRef Arg, llvm::StringRef Name) {
  std::optional<Flag> F = flag(Arg);
  return F && F->Name == Name && isSet(*F);
}

bool analysesNothing(llvm::StringRef Arg) {
  std::optional<Flag> F = flag(Arg);
  return F && analysesNothingName(F->Name) && isSet(*F);
}

std::vector<std::string> sourceFiles(llvm::ArrayRef<std::string> Args) {
  std::vector<std::string> Files;
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    if (std::optional<Flag> F = flag(Arg)) {
      if (!F->Value && takesValue(F->Name))
        ++I;
      continue;
    }
    Files.push_back(Arg.str());
  }
  return Files;
}

/// The first report option given, to name in errors.
static llvm::StringRef firstReport(const ReportOptions &Options) {
  if (!Options.Sarif.empty())
    return "--sarif";
  if (!Options.Baseline.empty())
    return "--baseline";
  return "--write-baseline";
}

llvm::Expected<ReportOptions>
takeReportOptions(std::vector<std::string> &Args) {
  llvm::Expected<std::vector<std::string>> Expanded = expandResponseFiles(Args);
  if (!Expanded)
    return Expanded.takeError();
  const std::vector<std::string> &All = *Expanded;
  ReportOptions Options;
  std::vector<std::string> Kept;
  std::string Fixing;
  std::string NoAnalysis;
  bool CompilerArgs = false;
  for (size_t I = 0; I < All.size(); ++I) {
    llvm::StringRef Arg = All[I];
    // The program name, and compiler arguments after "--", stay as they are.
    CompilerArgs |= Arg == "--";
    std::optional<Flag> F = I == 0 || CompilerArgs ? std::nullopt : flag(Arg);
    if (!F) {
      Kept.push_back(Arg.str());
      continue;
    }
    std::string *Field = llvm::StringSwitch<std::string *>(F->Name)
                             .Case("sarif", &Options.Sarif)
                             .Case("sarif-root", &Options.SarifRoot)
                             .Case("sarif-category", &Options.SarifCategory)
                             .Case("sarif-docs-url", &Options.SarifDocsUrl)
                             .Case("baseline", &Options.Baseline)
                             .Case("write-baseline", &Options.WriteBaseline)
                             .Case("export-fixes", &Options.ExportFixes)
                             .Default(nullptr);
    if (Field) {
      // Ours are "--name=value" only: with "--sarif a.cpp" the source file
      // would be overwritten. clang-tidy's --export-fixes may take the next
      // argument, as clang-tidy allows.
      std::string Value;
      if (F->Value)
        Value = F->Value->str();
      else if (F->Name == "export-fixes" && I + 1 < All.size())
        Value = All[++I];
      if (Value.empty())
        return error("--" + F->Name + " needs a value: --" + F->Name + "=<" +
                     llvm::StringSwitch<llvm::StringRef>(F->Name)
                         .Case("sarif-root", "dir")
                         .Case("sarif-category", "id")
                         .Case("sarif-docs-url", "url")
                         .Default("file") +
                     ">");
      if (!Field->empty())
        return error("--" + F->Name + " is given twice");
      // clang-tidy writes --export-fixes=- to stdout; ours would mix with
      // the diagnostics there.
      if (Value == "-" && F->Name != "export-fixes")
        return error("--" + F->Name +
                     "=- is not supported: stdout carries the diagnostics; "
                     "give a file");
      // The category and URL are names, not paths.
      const bool IsPath =
          Field != &Options.SarifCategory && Field != &Options.SarifDocsUrl;
      *Field = Value == "-" || !IsPath ? Value : absolute(Value);
      continue;
    }
    if (isSet(*F)) {
      if (F->Name == "quiet")
        Options.Quiet = true;
      else if (llvm::is_contained({"fix", "fix-errors", "fix-notes"},
                                  F->Name.str()))
        Fixing = F->Name.str();
      else if (analysesNothingName(F->Name))
        NoAnalysis = F->Name.str();
    }
    Kept.push_back(Arg.str());
  }
  for (auto [Name, Value] :
       {std::pair("--sarif-root", &Options.SarifRoot),
        std::pair("--sarif-category", &Options.SarifCategory),
        std::pair("--sarif-docs-url", &Options.SarifDocsUrl)})
    if (!Value->empty() && Options.Sarif.empty())
      return error(llvm::Twine(Name) +
                   " applies to --sarif, which is not given");
  if (!Options.SarifDocsUrl.empty() &&
      !llvm::StringRef(Options.SarifDocsUrl).starts_with("https://") &&
      !llvm::StringRef(Options.SarifDocsUrl).starts_with("http://"))
    return error("--sarif-docs-url: '" + Options.SarifDocsUrl +
                 "' is not an http(s) URL");
  if (!Options.any())
    return ReportOptions();

  if (!NoAnalysis.empty())
    return error(firstReport(Options) + " needs an analysis; --" + NoAnalysis +
                 " analyses no file");
  if (!Options.Baseline.empty() && !Options.WriteBaseline.empty())
    return error("--baseline and --write-baseline cannot be combined: write "
                 "the new baseline in a run without --baseline");
  if (!Options.WriteBaseline.empty() && !Fixing.empty())
    return error("--write-baseline cannot be combined with --" + Fixing +
                 ": it records findings, and fixing removes them; record "
                 "first, then fix");
  if (!Options.Sarif.empty()) {
    if (Options.SarifRoot.empty())
      Options.SarifRoot = absolute(".");
    if (!llvm::sys::fs::is_directory(Options.SarifRoot))
      return error("--sarif-root: '" + Options.SarifRoot +
                   "' is not a directory");
    Options.SarifRoot = realDirectory(Options.SarifRoot);
  }
  Args = std::move(Kept);
  return Options;
}

static int fail(const llvm::Twine &Message) {
  llvm::errs() << "async-tidy: error: " << Message << "\n";
  return 1;
}

static llvm::StringRef plural(size_t N, llvm::StringRef Word) {
  return N == 1 ? Word.drop_back() : Word;
}

/// The keys of the async-* findings clang-tidy reported, from those the
/// checks handed to the filter: only what clang-tidy kept (after NOLINT,
/// header and line filters) is recorded.
static std::vector<const FindingKey *>
recordedKeys(const std::vector<tooling::Diagnostic> &Diagnostics,
             const Baseline &Recorder, size_t &Others, size_t &Unknown) {
  std::vector<const FindingKey *> Keys;
  std::set<std::tuple<std::string, unsigned, std::string>> Seen;
  for (const tooling::Diagnostic &D : Diagnostics) {
    if (!llvm::StringRef(D.DiagnosticName).starts_with("async-")) {
      ++Others;
      continue;
    }
    std::string File = absolutePath(D.Message.FilePath, D.BuildDirectory);
    if (!Seen.insert({File, D.Message.FileOffset, D.DiagnosticName}).second)
      continue;
    if (const FindingKey *Key =
            Recorder.reported(File, D.Message.FileOffset, D.DiagnosticName))
      Keys.push_back(Key);
    else
      ++Unknown;
  }
  return Keys;
}

/// What clang-tidy's --export-fixes makes of a string: its YAML writer cuts
/// one that is not UTF-8 at the first invalid byte, and writes U+FFFD there.
static std::string exportedForm(llvm::StringRef Raw) {
  if (llvm::json::isUTF8(Raw))
    return Raw.str();
  // Through the same YAML as the export: a diagnostic naming the file.
  tooling::TranslationUnitDiagnostics Written;
  Written.Diagnostics.emplace_back();
  Written.Diagnostics.back().DiagnosticName = "file";
  Written.Diagnostics.back().DiagLevel = tooling::Diagnostic::Warning;
  Written.Diagnostics.back().Message.FilePath = Raw.str();
  std::string Text;
  {
    llvm::raw_string_ostream OS(Text);
    llvm::yaml::Output Out(OS);
    Out << Written;
  }
  tooling::TranslationUnitDiagnostics Read;
  llvm::yaml::Input In(Text);
  In >> Read;
  if (In.error() || Read.Diagnostics.size() != 1)
    return Raw.str();
  return Read.Diagnostics.front().Message.FilePath;
}

/// Puts back the real names of files that are not UTF-8 (Latin-1 names
/// such as "caf\xe9.cpp"), which the export cut: from the files the checks
/// reported findings in and the source files of the command line, whose
/// names are known whole. A name two files could have been is left as it
/// is, unless the finding there tells them apart.
static void restoreFileNames(std::vector<tooling::Diagnostic> &Diagnostics,
                             const Baseline &Reported,
                             llvm::ArrayRef<std::string> Sources) {
  constexpr llvm::StringLiteral Replacement = "\xEF\xBF\xBD";
  std::map<std::string, std::vector<std::string>> ByExported;
  std::set<std::string> Known;
  for (const std::vector<std::string> &Files :
       {Reported.reportedFiles(),
        std::vector<std::string>(Sources.begin(), Sources.end())})
    for (const std::string &File : Files)
      if (!llvm::json::isUTF8(File) && Known.insert(File).second)
        ByExported[exportedForm(File)].push_back(File);
  if (ByExported.empty())
    return;
  auto Restore = [&](std::string &Path, llvm::StringRef BuildDirectory,
                     const tooling::Diagnostic *Finding) {
    if (!llvm::StringRef(Path).contains(Replacement))
      return;
    auto It = ByExported.find(absolutePath(Path, BuildDirectory));
    if (It == ByExported.end())
      return;
    if (It->second.size() == 1) {
      Path = It->second.front();
      return;
    }
    if (!Finding)
      return;
    for (const std::string &File : It->second)
      if (Reported.reported(File, Finding->Message.FileOffset,
                            Finding->DiagnosticName)) {
        Path = File;
        return;
      }
  };
  for (tooling::Diagnostic &D : Diagnostics) {
    auto Message = [&](tooling::DiagnosticMessage &M,
                       const tooling::Diagnostic *Finding) {
      Restore(M.FilePath, D.BuildDirectory, Finding);
      for (tooling::FileByteRange &R : M.Ranges)
        Restore(R.FilePath, D.BuildDirectory, nullptr);
      llvm::StringMap<tooling::Replacements> Fix;
      for (auto &Entry : M.Fix) {
        std::string File = Entry.first().str();
        Restore(File, D.BuildDirectory, nullptr);
        tooling::Replacements &Into = Fix[File];
        for (const tooling::Replacement &R : Entry.second)
          llvm::consumeError(Into.add(tooling::Replacement(
              File, R.getOffset(), R.getLength(), R.getReplacementText())));
      }
      M.Fix = std::move(Fix);
    };
    Message(D.Message, &D);
    for (tooling::DiagnosticMessage &Note : D.Notes)
      Message(Note, nullptr);
  }
}

int runWithReports(
    const ReportOptions &Options, std::vector<std::string> Args,
    llvm::function_ref<int(std::vector<std::string> &)> RunClangTidy) {
  const std::string &BaselineFile =
      Options.Baseline.empty() ? Options.WriteBaseline : Options.Baseline;
  // Without a baseline file, an empty baseline still records the key of
  // each finding, which the SARIF fingerprints are made of.
  std::unique_ptr<Baseline> Filter = std::make_unique<Baseline>(
      BaselineFile.empty()
          ? Options.SarifRoot
          : realDirectory(llvm::sys::path::parent_path(BaselineFile)));
  if (!Options.Baseline.empty())
    if (llvm::Error Err = Filter->load(Options.Baseline))
      return fail(llvm::toString(std::move(Err)));

  llvm::SmallString<128> Exported;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "async-tidy-fixes", "yaml", Exported))
    return fail("cannot create a temporary file: " + EC.message());
  const llvm::FileRemover RemoveExported(Exported);
  // Placed first, so that it comes before "--".
  Args.insert(Args.begin() + 1, ("--export-fixes=" + Exported).str());
  setFindingFilter(Filter.get());
  int Status = RunClangTidy(Args);
  setFindingFilter(nullptr);

  // clang-tidy writes the file only when it reports something.
  uint64_t Size = 0;
  const bool Reported = !llvm::sys::fs::file_size(Exported, Size) && Size;
  std::vector<tooling::Diagnostic> Diagnostics;
  if (Reported) {
    auto Read = readExportedDiagnostics(Exported);
    if (!Read)
      return fail(llvm::toString(Read.takeError()));
    Diagnostics = std::move(*Read);
  }
  std::vector<std::string> Sources;
  for (const std::string &File : sourceFiles(Args))
    Sources.push_back(absolutePath(absolute(File), ""));
  restoreFileNames(Diagnostics, *Filter, Sources);
  // Writing the user's file only when clang-tidy would have: a stale one
  // stays stale, as with clang-tidy, but never feeds the reports.
  if (Options.ExportFixes == "-" && Reported) {
    if (auto Buffer = llvm::MemoryBuffer::getFile(Exported))
      llvm::outs() << (*Buffer)->getBuffer();
  } else if (!Options.ExportFixes.empty() && Reported) {
    if (std::error_code EC =
            llvm::sys::fs::copy_file(Exported, Options.ExportFixes)) {
      llvm::errs() << "async-tidy: error: cannot write " << Options.ExportFixes
                   << ": " << EC.message() << "\n";
      Status = 1;
    }
  }

  // clang-tidy fails without reporting anything only when it could not
  // analyse (a bad configuration, no input file): then an empty report
  // would be a lie.
  if (Status != 0 && !Reported) {
    if (!Options.Sarif.empty() || !Options.WriteBaseline.empty())
      llvm::errs() << "async-tidy: error: clang-tidy failed before "
                      "reporting anything; no SARIF or baseline written\n";
    return Status;
  }

  if (!Options.Sarif.empty()) {
    SarifRun Run;
    Run.Root = Options.SarifRoot;
    Run.ExitStatus = Status;
    if (!Options.SarifCategory.empty())
      Run.Category = Options.SarifCategory;
    if (!Options.SarifDocsUrl.empty())
      Run.DocsUrl = Options.SarifDocsUrl;
    Run.Keys = [&](llvm::StringRef File, unsigned Offset,
                   llvm::StringRef Check) {
      return Filter->reported(File, Offset, Check);
    };
    Run.Units = Sources;
    const llvm::json::Value Log = sarifLog(Diagnostics, Run);
    std::string Warning;
    // Other processes may write the same file: what they wrote is merged
    // with this run's (SarifMerge.h), under the file's lock.
    if (llvm::Error Err = updateLocked(Options.Sarif, [&](llvm::StringRef Old) {
          Warning.clear();
          llvm::json::Value Merged = Log;
          if (!Old.trim().empty()) {
            llvm::Expected<llvm::json::Value> Read = llvm::json::parse(Old);
            llvm::Error Bad =
                Read ? checkSarifLog(*Read, Options.Sarif) : Read.takeError();
            if (Bad) {
              Warning = llvm::toString(std::move(Bad));
            } else {
              Merged = std::move(*Read);
              mergeSarifLog(Merged, Log);
              dropMissingUnits(Merged);
            }
          }
          return llvm::formatv("{0:2}", Merged).str() + "\n";
        }))
      Status = fail(llvm::toString(std::move(Err)));
    else if (!Warning.empty())
      llvm::errs() << "async-tidy: warning: " << Options.Sarif
                   << " was not a SARIF log (" << Warning << "); replaced\n";
  }

  if (!Options.WriteBaseline.empty()) {
    size_t Others = 0;
    size_t Unknown = 0;
    std::vector<const FindingKey *> Keys =
        recordedKeys(Diagnostics, *Filter, Others, Unknown);
    llvm::Expected<size_t> Kept =
        Filter->write(Options.WriteBaseline, Keys, Sources);
    if (!Kept)
      return fail(llvm::toString(Kept.takeError()));
    if (!Options.Quiet) {
      llvm::errs() << "async-tidy: recorded " << Keys.size() << " "
                   << plural(Keys.size(), "findings") << " in "
                   << Options.WriteBaseline;
      if (*Kept)
        llvm::errs() << ", beside " << *Kept << " " << plural(*Kept, "entries")
                     << " of other runs";
      llvm::errs() << "\n";
      if (Others)
        llvm::errs() << "async-tidy: " << Others << " "
                     << plural(Others, "diagnostics")
                     << " of other checks or the compiler not recorded: "
                        "baselines cover the async-* checks\n";
    }
    // The checks described every finding they made: a gap is a bug.
    if (Unknown)
      return fail(llvm::Twine(Unknown) + " async-* " +
                  plural(Unknown, "findings") +
                  " could not be matched to the checks' descriptions");
  }

  if (!Options.Baseline.empty() && !Options.Quiet) {
    unsigned N = Filter->suppressed();
    llvm::errs() << "async-tidy: " << N << " " << plural(N, "findings")
                 << " suppressed by the baseline " << Options.Baseline << "\n";
    std::vector<Baseline::StaleEntry> Stale = Filter->stale();
    for (const Baseline::StaleEntry &E : Stale) {
      llvm::errs() << "async-tidy: baseline entry matched ";
      if (E.Found == 0)
        llvm::errs() << "nothing";
      else
        llvm::errs() << "only " << E.Found << " of its " << E.Accepts
                     << " findings";
      llvm::errs() << ": " << E.Key.File << ", " << E.Key.Check << ", '"
                   << E.Key.Function << "', '" << E.Key.Call << "'\n";
    }
    if (!Stale.empty())
      llvm::errs() << "async-tidy: the code was fixed or changed; write the "
                      "baseline again to drop "
                   << (Stale.size() == 1 ? "this entry" : "these entries")
                   << "\n";
  }
  return Status;
}

} // namespace clang::tidy::async

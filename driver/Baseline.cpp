//===--- Baseline.cpp - async-tidy ----------------------------------------===//

#include "Baseline.h"
#include "LockedFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::async {

static constexpr int BaselineVersion = 1;

std::string Baseline::relativeFile(llvm::StringRef File) const {
  llvm::StringRef Rest = File;
  if (Rest.consume_front(Dir) && Rest.consume_front("/"))
    return Rest.str();
  return File.str();
}

FindingKey Baseline::asWritten(const FindingKey &Key) const {
  FindingKey Result = Key;
  Result.File = relativeFile(Key.File);
  return Result;
}

// NUL cannot occur in any of the parts.
std::string Baseline::entryKey(const FindingKey &Key) const {
  std::string Result = relativeFile(Key.File);
  for (const std::string *Part : {&Key.Check, &Key.Function, &Key.Call})
    Result.append(1, '\0').append(*Part);
  return Result;
}

/// A string's bytes, each that is not printable ASCII, and '%', as %XX:
/// how a part that is not UTF-8 is kept exactly.
static std::string percentEncoded(llvm::StringRef Text) {
  std::string Result;
  for (char C : Text) {
    auto Byte = static_cast<unsigned char>(C);
    if (Byte < 0x20 || Byte >= 0x7F || C == '%')
      Result += "%" + llvm::utohexstr(Byte, /*LowerCase=*/false, /*Width=*/2);
    else
      Result += C;
  }
  return Result;
}

static std::optional<std::string> percentDecoded(llvm::StringRef Text) {
  std::string Result;
  while (!Text.empty()) {
    if (Text.front() != '%') {
      Result += Text.front();
      Text = Text.drop_front();
      continue;
    }
    unsigned Byte = 0;
    if (Text.size() < 3 || Text.substr(1, 2).getAsInteger(16, Byte))
      return std::nullopt;
    Result += static_cast<char>(Byte);
    Text = Text.drop_front(3);
  }
  return Result;
}

static llvm::Error malformed(llvm::StringRef Path, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "%s: not an async-tidy baseline: %s",
                                 Path.str().c_str(), What.str().c_str());
}

/// Path relative to Dir when inside it, as baselines write files.
static std::string relativeTo(llvm::StringRef Dir, llvm::StringRef File) {
  llvm::StringRef Rest = File;
  if (Rest.consume_front(Dir) && Rest.consume_front("/"))
    return Rest.str();
  return File.str();
}

llvm::Expected<BaselineEntries>
parseBaseline(llvm::StringRef Text, llvm::StringRef Path, llvm::StringRef Dir) {
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse(Text);
  if (!Root)
    return malformed(Path, llvm::toString(Root.takeError()));
  const llvm::json::Object *Top = Root->getAsObject();
  if (!Top)
    return malformed(Path, "expected an object");
  if (Top->getInteger("version") != BaselineVersion)
    return malformed(Path,
                     "expected \"version\": " + llvm::Twine(BaselineVersion));
  const llvm::json::Array *Findings = Top->getArray("findings");
  if (!Findings)
    return malformed(Path, "expected a \"findings\" array");
  BaselineEntries Entries;
  for (const auto &[Index, Item] : llvm::enumerate(*Findings)) {
    const llvm::json::Object *Entry = Item.getAsObject();
    FindingKey Key;
    std::optional<int64_t> Count = 1;
    bool Valid = Entry != nullptr;
    if (Valid) {
      for (auto [Name, Field] :
           {std::pair("file", &Key.File), std::pair("check", &Key.Check),
            std::pair("function", &Key.Function), std::pair("call", &Key.Call)})
        if (std::optional<llvm::StringRef> Value = Entry->getString(Name))
          *Field = Value->str();
        else
          Valid = false;
      // The exact bytes of a part that is not UTF-8.
      for (auto [Name, Field] : {std::pair("file-bytes", &Key.File),
                                 std::pair("function-bytes", &Key.Function),
                                 std::pair("call-bytes", &Key.Call)}) {
        if (!Entry->get(Name))
          continue;
        std::optional<llvm::StringRef> Value = Entry->getString(Name);
        std::optional<std::string> Bytes =
            Value ? percentDecoded(*Value) : std::nullopt;
        if (!Bytes)
          return malformed(Path, "finding " + llvm::Twine(Index + 1) + ": \"" +
                                     Name +
                                     "\" must be a percent-encoded string");
        *Field = std::move(*Bytes);
      }
      if (Entry->get("count"))
        Count = Entry->getInteger("count");
    }
    if (!Valid || Key.File.empty() || Key.Check.empty() || !Count || *Count < 1)
      return malformed(Path, "finding " + llvm::Twine(Index + 1) +
                                 " needs the strings \"file\", \"check\", "
                                 "\"function\" and \"call\", and a "
                                 "\"count\" of 1 or more");
    // Stored relative to the baseline's directory: made whole, so that
    // entries from anywhere compare alike.
    if (!llvm::sys::path::is_absolute(Key.File))
      Key.File = (Dir + "/" + Key.File).str();
    Entries[std::move(Key)] += static_cast<unsigned>(*Count);
  }
  return Entries;
}

std::string renderBaseline(const BaselineEntries &Entries,
                           llvm::StringRef Dir) {
  // Sorted (FindingKey's order, relative paths): a stable file that diffs
  // well.
  std::map<FindingKey, unsigned> Sorted;
  for (const auto &[Key, Count] : Entries) {
    FindingKey Written = Key;
    Written.File = relativeTo(Dir, Key.File);
    Sorted[std::move(Written)] = Count;
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("version", BaselineVersion);
    J.attributeArray("findings", [&] {
      for (const auto &Item : Sorted)
        J.object([&] {
          const FindingKey &Key = Item.first;
          // JSON holds UTF-8 only: a part that is not (a Latin-1 file name
          // or string literal) is shown with U+FFFD, and its exact bytes
          // are kept beside it, so that it matches again.
          auto Part = [&](llvm::StringRef Name, const std::string &Value) {
            if (llvm::json::isUTF8(Value)) {
              J.attribute(Name, Value);
              return;
            }
            J.attribute(Name, llvm::json::fixUTF8(Value));
            J.attribute((Name + "-bytes").str(), percentEncoded(Value));
          };
          Part("file", Key.File);
          J.attribute("check", Key.Check);
          Part("function", Key.Function);
          Part("call", Key.Call);
          J.attribute("count", Item.second);
        });
    });
  });
  OS << "\n";
  return Text;
}

void combineBaselines(BaselineEntries &Into, const BaselineEntries &From) {
  for (const auto &[Key, Count] : From) {
    unsigned &Kept = Into[Key];
    Kept = std::max(Kept, Count);
  }
}

llvm::Error Baseline::load(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  llvm::Expected<BaselineEntries> Read =
      parseBaseline((*Buffer)->getBuffer(), Path, Dir);
  if (!Read)
    return Read.takeError();
  for (const auto &[Key, Count] : *Read) {
    Record &R = Entries.try_emplace(entryKey(Key), Record{Key}).first->second;
    R.Accepts += Count;
  }
  return llvm::Error::success();
}

bool Baseline::report(const FindingKey &Key, unsigned Ordinal,
                      unsigned Offset) {
  const std::scoped_lock Guard(Lock);
  if (!Entries.empty()) {
    auto It = Entries.find(entryKey(Key));
    if (It != Entries.end() && Ordinal < It->second.Accepts) {
      Suppressed.insert({Key.File, Offset, Key.Check});
      It->second.Matched = std::max(It->second.Matched, Ordinal + 1);
      return false;
    }
  }
  Reported[{Key.File, Offset, Key.Check}] = Key;
  return true;
}

void Baseline::linted(llvm::StringRef MainFile, llvm::StringRef Check) {
  const std::scoped_lock Guard(Lock);
  Linted.emplace(relativeFile(MainFile), Check.str());
}

std::vector<Baseline::StaleEntry> Baseline::stale() const {
  const std::scoped_lock Guard(Lock);
  std::vector<StaleEntry> Result;
  for (const auto &Item : Entries) {
    const Record &R = Item.getValue();
    FindingKey Key = asWritten(R.Key);
    if (R.Matched < R.Accepts && Linted.count({Key.File, Key.Check}))
      Result.push_back({std::move(Key), R.Accepts, R.Matched});
  }
  llvm::sort(Result, [](const StaleEntry &A, const StaleEntry &B) {
    return A.Key < B.Key;
  });
  return Result;
}

unsigned Baseline::suppressed() const {
  const std::scoped_lock Guard(Lock);
  return Suppressed.size();
}

const FindingKey *Baseline::reported(llvm::StringRef File, unsigned Offset,
                                     llvm::StringRef Check) const {
  const std::scoped_lock Guard(Lock);
  auto It = Reported.find({File.str(), Offset, Check.str()});
  return It == Reported.end() ? nullptr : &It->second;
}

std::vector<std::string> Baseline::reportedFiles() const {
  const std::scoped_lock Guard(Lock);
  std::vector<std::string> Files;
  for (const auto &Item : Reported)
    if (Files.empty() || Files.back() != std::get<0>(Item.first))
      Files.push_back(std::get<0>(Item.first));
  return Files;
}

llvm::Expected<size_t>
Baseline::write(llvm::StringRef Path, llvm::ArrayRef<const FindingKey *> Keys,
                llvm::ArrayRef<std::string> MainFiles) const {
  BaselineEntries Found;
  for (const FindingKey *Key : Keys)
    ++Found[*Key];
  const std::set<std::string> Analysed(MainFiles.begin(), MainFiles.end());
  size_t Kept = 0;
  std::string Warning;
  llvm::Error Err = updateLocked(Path, [&](llvm::StringRef Old) {
    BaselineEntries All;
    Kept = 0;
    Warning.clear();
    if (!Old.trim().empty()) {
      llvm::Expected<BaselineEntries> Read = parseBaseline(Old, Path, Dir);
      if (Read) {
        // What this run analysed it records anew; another file's entries
        // stay while the file does (another process's, or an earlier
        // run's).
        for (auto &[Key, Count] : *Read)
          if (!Analysed.count(Key.File) && llvm::sys::fs::exists(Key.File))
            All.emplace(Key, Count);
      } else {
        Warning = llvm::toString(Read.takeError());
      }
    }
    Kept = llvm::count_if(
        All, [&](const auto &Entry) { return !Found.count(Entry.first); });
    combineBaselines(All, Found);
    return renderBaseline(All, Dir);
  });
  if (Err)
    return std::move(Err);
  if (!Warning.empty())
    llvm::errs() << "async-tidy: warning: " << Warning << "; replaced\n";
  return Kept;
}

} // namespace clang::tidy::async

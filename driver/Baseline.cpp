//===--- Baseline.cpp - async-tidy ----------------------------------------===//

#include "Baseline.h"
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

llvm::Error Baseline::load(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  llvm::Expected<llvm::json::Value> Root =
      llvm::json::parse((*Buffer)->getBuffer());
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
          return malformed(Path, "finding " + llvm::Twine(Index + 1) +
                                     ": \"" + Name +
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
    // Entries are stored with relative paths already: make them whole so
    // that entryKey treats both sides alike.
    if (!llvm::sys::path::is_absolute(Key.File))
      Key.File = Dir + "/" + Key.File;
    Record &R = Entries.try_emplace(entryKey(Key), Record{Key}).first->second;
    R.Accepts += static_cast<unsigned>(*Count);
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

llvm::Error Baseline::write(llvm::StringRef Path,
                            llvm::ArrayRef<const FindingKey *> Keys) const {
  // Sorted (FindingKey's order): a stable file that diffs well.
  std::map<FindingKey, unsigned> Counts;
  for (const FindingKey *Key : Keys)
    ++Counts[asWritten(*Key)];
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    llvm::json::OStream J(OS, /*IndentSize=*/2);
    J.object([&] {
      J.attribute("version", BaselineVersion);
      J.attributeArray("findings", [&] {
        for (const auto &Item : Counts)
          J.object([&] {
            const FindingKey &Key = Item.first;
            // JSON holds UTF-8 only: a part that is not (a Latin-1 file
            // name or string literal) is shown with U+FFFD, and its exact
            // bytes are kept beside it, so that it matches again.
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
    return llvm::Error::success();
  });
}

} // namespace clang::tidy::async

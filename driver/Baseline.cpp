//===--- Baseline.cpp - async-tidy ----------------------------------------===//

#include "Baseline.h"
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
            J.attribute("file", Item.first.File);
            J.attribute("check", Item.first.Check);
            J.attribute("function", Item.first.Function);
            J.attribute("call", Item.first.Call);
            J.attribute("count", Item.second);
          });
      });
    });
    OS << "\n";
    return llvm::Error::success();
  });
}

} // namespace clang::tidy::async

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
    std::string EntryKey = entryKey(Key);
    Accepted[EntryKey] += static_cast<unsigned>(*Count);
    Entries.try_emplace(EntryKey, Key);
  }
  return llvm::Error::success();
}

bool Baseline::report(const FindingKey &Key, unsigned Ordinal,
                      unsigned Offset) {
  const std::scoped_lock Guard(Lock);
  if (!Accepted.empty()) {
    auto It = Accepted.find(entryKey(Key));
    if (It != Accepted.end() && Ordinal < It->second) {
      Suppressed.insert({Key.File, Offset, Key.Check});
      unsigned &Most = Matched[It->getKey()];
      Most = std::max(Most, Ordinal + 1);
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
  for (const auto &Entry : Entries) {
    const FindingKey &Key = Entry.getValue();
    std::string File = relativeFile(Key.File);
    if (!Linted.count({File, Key.Check}))
      continue;
    unsigned Accepts = Accepted.lookup(Entry.getKey());
    unsigned Found = Matched.lookup(Entry.getKey());
    if (Found < Accepts)
      Result.push_back({FindingKey{File, Key.Check, Key.Function, Key.Call},
                        Accepts, Found});
  }
  llvm::sort(Result, [](const StaleEntry &A, const StaleEntry &B) {
    return std::tie(A.Key.File, A.Key.Check, A.Key.Function, A.Key.Call) <
           std::tie(B.Key.File, B.Key.Check, B.Key.Function, B.Key.Call);
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
  // Sorted by file, check, coroutine and call: a stable file that diffs well.
  std::map<std::tuple<std::string, std::string, std::string, std::string>,
           unsigned>
      Entries;
  for (const FindingKey *Key : Keys)
    ++Entries[{relativeFile(Key->File), Key->Check, Key->Function, Key->Call}];
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    llvm::json::OStream J(OS, /*IndentSize=*/2);
    J.object([&] {
      J.attribute("version", BaselineVersion);
      J.attributeArray("findings", [&] {
        for (const auto &Entry : Entries)
          J.object([&] {
            J.attribute("file", std::get<0>(Entry.first));
            J.attribute("check", std::get<1>(Entry.first));
            J.attribute("function", std::get<2>(Entry.first));
            J.attribute("call", std::get<3>(Entry.first));
            J.attribute("count", Entry.second);
          });
      });
    });
    OS << "\n";
    return llvm::Error::success();
  });
}

} // namespace clang::tidy::async

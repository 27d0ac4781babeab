//===--- Summaries.cpp - async-tidy ---------------------------------------===//

#include "Summaries.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <mutex>

namespace clang::tidy::async {

namespace {

constexpr int SummaryVersion = 1;

struct CachedHash {
  llvm::sys::TimePoint<> Modified;
  uint64_t Size = 0;
  uint64_t Hash = 0;
};

std::mutex CacheLock;

} // namespace

uint64_t fileHash(llvm::StringRef Path) {
  // Hashing is cheap, reading is not: reuse a hash while the file's time
  // and size are the same.
  static llvm::StringMap<CachedHash> Cache;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return 0;
  {
    std::scoped_lock Guard(CacheLock);
    auto It = Cache.find(Path);
    if (It != Cache.end() &&
        It->second.Modified == Status.getLastModificationTime() &&
        It->second.Size == Status.getSize())
      return It->second.Hash;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return 0;
  // Never 0, which means unreadable.
  const uint64_t Hash = llvm::xxh3_64bits((*Buffer)->getBuffer()) | 1;
  std::scoped_lock Guard(CacheLock);
  Cache[Path] = {Status.getLastModificationTime(), Status.getSize(), Hash};
  return Hash;
}

static std::optional<ExternalFinding> readFinding(const llvm::json::Object &O) {
  ExternalFinding F;
  auto Api = O.getString("api");
  auto Reason = O.getString("reason");
  auto Cat = O.getString("category");
  auto DefinedIn = O.getString("definedIn");
  const llvm::json::Array *Chain = O.getArray("chain");
  const llvm::json::Array *Files = O.getArray("files");
  if (!Api || !Reason || !Cat || !DefinedIn || !Chain || !Files)
    return std::nullopt;
  std::optional<Category> C = parseCategory(*Cat);
  if (!C)
    return std::nullopt;
  F.Api.Name = Api->str();
  F.Api.Parts = Catalog::splitQualifiedName(*Api);
  F.Api.Reason = Reason->str();
  F.Api.Cat = *C;
  F.DefinedIn = DefinedIn->str();
  for (const llvm::json::Value &V : *Chain)
    if (auto S = V.getAsString())
      F.Chain.push_back(S->str());
  for (const llvm::json::Value &V : *Files) {
    const llvm::json::Object *FO = V.getAsObject();
    if (!FO)
      return std::nullopt;
    auto Path = FO->getString("path");
    auto Hash = FO->getString("hash");
    uint64_t H = 0;
    if (!Path || !Hash || Hash->getAsInteger(16, H))
      return std::nullopt;
    F.Files.emplace_back(Path->str(), H);
  }
  return F;
}

std::shared_ptr<const SummaryIndex> SummaryIndex::load(llvm::StringRef Dir) {
  struct Entry {
    llvm::sys::TimePoint<> Modified;
    std::shared_ptr<const SummaryIndex> Index;
  };
  static std::mutex Lock;
  static llvm::StringMap<Entry> Loaded;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Dir, Status))
    return std::make_shared<SummaryIndex>();
  std::scoped_lock Guard(Lock);
  Entry &E = Loaded[Dir];
  if (E.Index && E.Modified == Status.getLastModificationTime())
    return E.Index;
  auto Index = std::make_shared<SummaryIndex>();
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (llvm::sys::path::extension(It->path()) != ".json")
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(It->path());
    if (!Buffer)
      continue;
    // A damaged or foreign file is skipped: summaries are only a hint.
    llvm::Expected<llvm::json::Value> Doc =
        llvm::json::parse((*Buffer)->getBuffer());
    if (!Doc) {
      llvm::consumeError(Doc.takeError());
      continue;
    }
    const llvm::json::Object *Root = Doc->getAsObject();
    if (!Root || Root->getInteger("version") != SummaryVersion)
      continue;
    const llvm::json::Array *Functions = Root->getArray("functions");
    if (!Functions)
      continue;
    for (const llvm::json::Value &FV : *Functions) {
      const llvm::json::Object *FO = FV.getAsObject();
      auto Usr = FO ? FO->getString("usr") : std::nullopt;
      const llvm::json::Array *Findings =
          FO ? FO->getArray("findings") : nullptr;
      if (!Usr || !Findings)
        continue;
      for (const llvm::json::Value &V : *Findings)
        if (const llvm::json::Object *O = V.getAsObject())
          if (std::optional<ExternalFinding> F = readFinding(*O))
            Index->ByUsr[*Usr].push_back(std::move(*F));
    }
  }
  E = {Status.getLastModificationTime(), Index};
  return Index;
}

std::vector<const ExternalFinding *>
SummaryIndex::fresh(llvm::StringRef Usr) const {
  std::vector<const ExternalFinding *> Result;
  auto It = ByUsr.find(Usr);
  if (It == ByUsr.end())
    return Result;
  for (const ExternalFinding &F : It->second)
    if (llvm::all_of(F.Files, [](const auto &File) {
          return fileHash(File.first) == File.second;
        }))
      Result.push_back(&F);
  return Result;
}

bool writeSummaries(llvm::StringRef Dir, llvm::StringRef MainFile,
                    const std::vector<FunctionSummary> &Functions,
                    std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = EC.message();
    return false;
  }
  llvm::json::Array Out;
  for (const FunctionSummary &Fn : Functions) {
    llvm::json::Array Findings;
    for (const ExternalFinding &F : Fn.Findings) {
      llvm::json::Array Files;
      for (const auto &[Path, Hash] : F.Files)
        Files.push_back(llvm::json::Object{{"path", Path},
                                           {"hash", llvm::utohexstr(Hash)}});
      llvm::json::Array Chain;
      for (const std::string &Name : F.Chain)
        Chain.push_back(Name);
      Findings.push_back(
          llvm::json::Object{{"category", categoryName(F.Api.Cat)},
                             {"api", F.Api.Name},
                             {"reason", F.Api.Reason},
                             {"definedIn", F.DefinedIn},
                             {"chain", std::move(Chain)},
                             {"files", std::move(Files)}});
    }
    Out.push_back(
        llvm::json::Object{{"usr", Fn.Usr}, {"findings", std::move(Findings)}});
  }
  llvm::json::Value Doc = llvm::json::Object{{"version", SummaryVersion},
                                             {"source", MainFile},
                                             {"functions", std::move(Out)}};
  // One file per main file, written whole and renamed into place, so that
  // parallel runs over a compile database never read half a file.
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, llvm::utohexstr(llvm::xxh3_64bits(MainFile)) +
                                    ".json");
  llvm::SmallString<256> Temp(Path);
  Temp += ".tmp";
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC);
    if (EC) {
      Error = EC.message();
      return false;
    }
    OS << llvm::formatv("{0:2}", Doc) << "\n";
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Error = EC.message();
    return false;
  }
  return true;
}

} // namespace clang::tidy::async

//===--- Summaries.cpp - async-tidy ---------------------------------------===//

#include "Summaries.h"
#include "OptionReader.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>
#include <sqlite3.h>
#include <thread>
#include <tuple>

namespace clang::tidy::async {

namespace {

/// What the store's header says it is ('ATSY'), beside SQLite's own magic.
constexpr int ApplicationId = 0x41545359;
/// The store's format. Format 1 was one JSON file per main file.
constexpr int FormatVersion = 2;
/// How long a process waits for another's write transaction, which lasts
/// milliseconds: long enough for hundreds of parallel jobs, short enough
/// that a stopped process holding the lock never hangs the others.
constexpr int BusyTimeoutMs = 30000;
/// The largest value an entry may hold (a chain of at most MaxMaxDepth
/// names and their files' paths need far less): anything bigger is damage,
/// refused before it is read.
constexpr int MaxValueBytes = 4 << 20;
/// Asked for by test/engine/summaries-concurrency.test: a writer that
/// stops inside its transaction, to be killed there.
constexpr llvm::StringLiteral HoldWriteVariable = "ASYNC_TIDY_TEST_HOLD_WRITE";
constexpr llvm::StringLiteral DeleteHint =
    "; delete it and write it again with 'WriteSummaries: true'";

constexpr const char *Schema = R"sql(
CREATE TABLE units(
  id INTEGER PRIMARY KEY,
  main_file TEXT NOT NULL UNIQUE,
  written INTEGER NOT NULL);
CREATE TABLE entries(
  unit INTEGER NOT NULL REFERENCES units(id),
  usr TEXT NOT NULL,
  category TEXT,
  api TEXT,
  reason TEXT,
  callee TEXT,
  defined_in TEXT NOT NULL,
  chain BLOB NOT NULL,
  files BLOB NOT NULL);
CREATE INDEX entries_by_usr ON entries(usr);
CREATE INDEX entries_by_unit ON entries(unit);
)sql";

constexpr const char *LookupQuery =
    "SELECT category, api, reason, callee, defined_in, chain, files "
    "FROM entries WHERE usr = ?1";

/// What the store did in this process, printed at exit with
/// ASYNC_TIDY_STATS=1: lookups must cost the same whatever the store's size.
struct Stats {
  std::atomic<uint64_t> StoresRead{0};
  std::atomic<uint64_t> Lookups{0};
  std::atomic<uint64_t> EntriesRead{0};
  std::atomic<uint64_t> VmSteps{0};
  std::atomic<uint64_t> FullScanSteps{0};
  std::atomic<uint64_t> UnitsWritten{0};
  // Constructed after errs(), so destroyed before it.
  Stats() { (void)llvm::errs(); }
  ~Stats() {
    if (std::getenv("ASYNC_TIDY_STATS") && (StoresRead || UnitsWritten))
      llvm::errs() << "async-tidy: summaries: " << StoresRead
                   << " stores read, " << Lookups << " lookups, " << EntriesRead
                   << " entries read, " << VmSteps << " VM steps, "
                   << FullScanSteps << " full-scan steps; " << UnitsWritten
                   << " units written\n";
  }
};
Stats &stats() {
  static Stats S;
  return S;
}

/// A prepared statement, finalized when it goes.
class Statement {
public:
  Statement(sqlite3 *Db, llvm::StringRef Sql) {
    Code = sqlite3_prepare_v2(Db, Sql.data(), static_cast<int>(Sql.size()), &S,
                              nullptr);
  }
  ~Statement() { sqlite3_finalize(S); }
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;
  int code() const { return Code; }
  sqlite3_stmt *get() const { return S; }
  void bind(int I, llvm::StringRef Text) {
    if (Code == SQLITE_OK)
      Code = sqlite3_bind_text(S, I, Text.data(), static_cast<int>(Text.size()),
                               SQLITE_TRANSIENT);
  }
  void bindBlob(int I, llvm::StringRef Bytes) {
    if (Code == SQLITE_OK)
      Code = sqlite3_bind_blob(
          S, I, Bytes.data(), static_cast<int>(Bytes.size()), SQLITE_TRANSIENT);
  }
  void bind(int I, int64_t Value) {
    if (Code == SQLITE_OK)
      Code = sqlite3_bind_int64(S, I, Value);
  }
  void bindNull(int I) {
    if (Code == SQLITE_OK)
      Code = sqlite3_bind_null(S, I);
  }
  /// Runs it to the end; the code of the first failure, else SQLITE_OK.
  int run() {
    if (Code != SQLITE_OK)
      return Code;
    int RC;
    while ((RC = sqlite3_step(S)) == SQLITE_ROW)
      ;
    sqlite3_reset(S);
    sqlite3_clear_bindings(S);
    return RC == SQLITE_DONE ? SQLITE_OK : RC;
  }

private:
  sqlite3_stmt *S = nullptr;
  int Code;
};

/// A connection, closed when it goes.
struct Connection {
  sqlite3 *Db = nullptr;
  ~Connection() { sqlite3_close_v2(Db); }
};

std::string errorOf(sqlite3 *Db, int RC) {
  // The connection's message is the precise one, when it is about RC.
  if (Db && sqlite3_errcode(Db) == RC)
    return sqlite3_errmsg(Db);
  return sqlite3_errstr(RC);
}

/// Whether a failure means the store itself is broken, not the machine.
bool isDamage(int RC) {
  switch (RC & 0xff) {
  case SQLITE_NOTADB:
  case SQLITE_CORRUPT:
  case SQLITE_FORMAT:
  case SQLITE_TOOBIG:
  case SQLITE_MISMATCH:
  case SQLITE_ERROR:
  case SQLITE_SCHEMA:
    return true;
  default:
    return false;
  }
}

/// Names and paths hold no NUL: entries keep lists NUL-separated.
std::string joinNames(llvm::ArrayRef<std::string> Names) {
  return llvm::join(Names, llvm::StringRef("\0", 1));
}

std::string joinFiles(const HashedFiles &Files) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  for (const auto &[Path, Hash] : Files) {
    if (!Out.empty())
      OS << '\0';
    OS << llvm::format_hex_no_prefix(Hash, 16) << Path;
  }
  return Out;
}

bool splitNames(llvm::StringRef Bytes, std::vector<std::string> &Out) {
  if (Bytes.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Bytes.split(Parts, '\0');
  if (Parts.size() > MaxMaxDepth)
    return false;
  for (llvm::StringRef P : Parts) {
    if (P.empty())
      return false;
    Out.push_back(P.str());
  }
  return true;
}

bool splitFiles(llvm::StringRef Bytes, HashedFiles &Out) {
  if (Bytes.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Bytes.split(Parts, '\0');
  for (llvm::StringRef P : Parts) {
    uint64_t Hash = 0;
    if (P.size() < 17 || P.take_front(16).getAsInteger(16, Hash))
      return false;
    Out.emplace_back(P.drop_front(16).str(), Hash);
  }
  return true;
}

std::optional<llvm::StringRef> textColumn(sqlite3_stmt *S, int Col) {
  const int Type = sqlite3_column_type(S, Col);
  if (Type != SQLITE_TEXT && Type != SQLITE_BLOB)
    return std::nullopt;
  // The bytes, then their size: SQLite's order.
  const void *Bytes = sqlite3_column_blob(S, Col);
  const int Size = sqlite3_column_bytes(S, Col);
  if (!Bytes)
    return llvm::StringRef();
  return llvm::StringRef(static_cast<const char *>(Bytes), Size);
}

/// Old summaries: one JSON file per main file, from format 1.
bool holdsOldSummaries(llvm::StringRef Dir) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".json")
      return true;
  return false;
}

/// WAL: readers never wait for writers, and writers wait for one another
/// only while one commits. The mode is the store's; setting it again is
/// free.
int useWal(sqlite3 *Db) {
  const auto Deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(BusyTimeoutMs);
  for (;;) {
    Statement Mode(Db, "PRAGMA journal_mode=WAL");
    int RC = Mode.code();
    if (RC == SQLITE_OK)
      RC = sqlite3_step(Mode.get());
    if (RC == SQLITE_ROW || RC == SQLITE_DONE)
      return SQLITE_OK;
    // A new store another process is creating: wait, as for any lock.
    if ((RC & 0xff) != SQLITE_BUSY && (RC & 0xff) != SQLITE_LOCKED)
      return RC;
    if (std::chrono::steady_clock::now() > Deadline)
      return RC;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

/// The store's application id, format and number of schema objects.
int readHeader(sqlite3 *Db, int64_t &App, int64_t &Version, int64_t &Objects) {
  Statement Header(Db, "SELECT (SELECT application_id FROM "
                       "pragma_application_id), (SELECT user_version FROM "
                       "pragma_user_version), (SELECT count(*) FROM "
                       "sqlite_schema)");
  if (Header.code() != SQLITE_OK)
    return Header.code();
  const int RC = sqlite3_step(Header.get());
  if (RC != SQLITE_ROW)
    return RC;
  App = sqlite3_column_int64(Header.get(), 0);
  Version = sqlite3_column_int64(Header.get(), 1);
  Objects = sqlite3_column_int64(Header.get(), 2);
  return SQLITE_OK;
}

std::string formatMismatch(int64_t Version) {
  return "was written by another version of async-tidy (format " +
         std::to_string(Version) + "; this one uses format " +
         std::to_string(FormatVersion) + ")";
}

} // namespace

uint64_t contentHash(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content) | 1;
}

uint64_t FileHashes::get(llvm::StringRef Path) {
  auto [It, New] = Known.try_emplace(Path, 0);
  if (!New)
    return It->second;
  // Only regular files: a FIFO would block, /dev/zero never end.
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) ||
      Status.type() != llvm::sys::fs::file_type::regular_file)
    return 0;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return 0;
  It->second = contentHash((*Buffer)->getBuffer());
  return It->second;
}

std::string summaryStorePath(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, SummaryStoreName);
  return Path.str().str();
}

SummaryReader::SummaryReader(llvm::StringRef Dir)
    : Dir(Dir.str()), Path(summaryStorePath(Dir)) {}

SummaryReader::~SummaryReader() {
  sqlite3_finalize(Query);
  sqlite3_close_v2(Db);
}

void SummaryReader::damaged(const llvm::Twine &What, bool Fatal) {
  if (!ReportedDamage) {
    ReportedDamage = true;
    Problems.push_back(
        ("summary store '" + Path + "' " + What + DeleteHint).str());
  }
  if (Fatal) {
    sqlite3_finalize(Query);
    Query = nullptr;
  }
}

int SummaryReader::connect(bool Immutable, int64_t &App, int64_t &Version,
                           int64_t &Objects) {
  sqlite3_close_v2(Db);
  Db = nullptr;
  int RC;
  if (Immutable) {
    // A URI: its path percent-encoded where URIs give characters meaning.
    std::string Uri = "file:";
    for (char C : Path) {
      if (C == '?' || C == '#' || C == '%' || !llvm::isPrint(C))
        Uri += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
      else
        Uri += C;
    }
    Uri += "?immutable=1";
    RC = sqlite3_open_v2(Uri.c_str(), &Db,
                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  } else {
    // Read-write for WAL's shared index; read-only where that is all.
    RC = sqlite3_open_v2(Path.c_str(), &Db, SQLITE_OPEN_READWRITE, nullptr);
    if (RC != SQLITE_OK) {
      sqlite3_close_v2(Db);
      Db = nullptr;
      RC = sqlite3_open_v2(Path.c_str(), &Db, SQLITE_OPEN_READONLY, nullptr);
    }
  }
  if (RC != SQLITE_OK)
    return RC;
  sqlite3_busy_timeout(Db, BusyTimeoutMs);
  sqlite3_limit(Db, SQLITE_LIMIT_LENGTH, MaxValueBytes);
  return readHeader(Db, App, Version, Objects);
}

void SummaryReader::open() {
  Opened = true;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    if (EC != std::errc::no_such_file_or_directory)
      Problems.push_back("cannot read summary store '" + Path +
                         "': " + EC.message());
    else if (holdsOldSummaries(Dir))
      Problems.push_back(
          "summary directory '" + Dir +
          "' holds summaries of an older async-tidy (*.json files), which "
          "are no longer read; run the first pass again with "
          "'WriteSummaries: true' to write '" +
          Path + "'");
    else if (llvm::sys::fs::is_directory(Dir))
      Problems.push_back("summary store '" + Path +
                         "' does not exist; write it first with "
                         "'WriteSummaries: true'");
    // A directory that does not exist: the option's own warning says so.
    return;
  }
  if (Status.type() != llvm::sys::fs::file_type::regular_file) {
    Problems.push_back("summary store '" + Path +
                       "' is not a regular file; nothing is read from it");
    return;
  }
  int64_t App = 0;
  int64_t Version = 0;
  int64_t Objects = 0;
  int RC = connect(/*Immutable=*/false, App, Version, Objects);
  // WAL needs a shared index beside the store: where none can be made (a
  // read-only directory), read the store as it is on disk.
  if ((RC & 0xff) == SQLITE_READONLY || (RC & 0xff) == SQLITE_CANTOPEN)
    RC = connect(/*Immutable=*/true, App, Version, Objects);
  if (RC != SQLITE_OK) {
    if (isDamage(RC))
      damaged("cannot be read (" + errorOf(Db, RC) + ")", true);
    else
      Problems.push_back("cannot read summary store '" + Path +
                         "': " + errorOf(Db, RC));
    return;
  }
  ++stats().StoresRead;
  if (App == 0 && Version == 0 && Objects == 0) {
    Problems.push_back("summary store '" + Path +
                       "' is empty; write it first with "
                       "'WriteSummaries: true'");
    return;
  }
  if (App != ApplicationId) {
    damaged("is not an async-tidy summary store", true);
    return;
  }
  if (Version != FormatVersion) {
    damaged(formatMismatch(Version), true);
    return;
  }
  RC = sqlite3_prepare_v2(Db, LookupQuery, -1, &Query, nullptr);
  if (RC != SQLITE_OK)
    damaged("has the wrong schema (" + errorOf(Db, RC) + ")", true);
}

bool SummaryReader::readEntry(sqlite3_stmt *S, Entry &E) {
  std::optional<llvm::StringRef> Cat = textColumn(S, 0);
  std::optional<llvm::StringRef> Callee = textColumn(S, 3);
  std::optional<llvm::StringRef> DefinedIn = textColumn(S, 4);
  std::optional<llvm::StringRef> Chain = textColumn(S, 5);
  std::optional<llvm::StringRef> Files = textColumn(S, 6);
  if (!DefinedIn || DefinedIn->empty() || !Chain || !Files ||
      !splitNames(*Chain, E.Chain) || !splitFiles(*Files, E.Files))
    return false;
  E.DefinedIn = DefinedIn->str();
  // A call or a finding, never both.
  if (Callee && !Cat) {
    E.Callee = Callee->str();
    return !E.Callee.empty();
  }
  std::optional<llvm::StringRef> Api = textColumn(S, 1);
  std::optional<llvm::StringRef> Reason = textColumn(S, 2);
  std::optional<Category> C = Cat ? parseCategory(*Cat) : std::nullopt;
  if (Callee || !C || !Api || Api->empty() || !Reason)
    return false;
  E.Api.Name = Api->str();
  E.Api.Parts = Catalog::splitQualifiedName(*Api);
  E.Api.Reason = Reason->str();
  E.Api.Cat = *C;
  return true;
}

const std::vector<SummaryReader::Entry> &
SummaryReader::entriesOf(llvm::StringRef Usr) {
  auto [It, New] = Entries.try_emplace(Usr);
  std::vector<Entry> &Found = It->second;
  if (!New || !Query)
    return Found;
  ++stats().Lookups;
  sqlite3_reset(Query);
  int RC = sqlite3_bind_text(Query, 1, Usr.data(), static_cast<int>(Usr.size()),
                             SQLITE_TRANSIENT);
  while (RC == SQLITE_OK && (RC = sqlite3_step(Query)) == SQLITE_ROW) {
    ++stats().EntriesRead;
    RC = SQLITE_OK;
    Entry E;
    if (!readEntry(Query, E)) {
      damaged("holds an entry that cannot be read (for '" + Usr +
                  "'), so findings through other files may be missing",
              false);
      continue;
    }
    // Changed since it was written: ignored until the next first pass.
    if (llvm::all_of(E.Files, [&](const auto &File) {
          return Hashes.get(File.first) == File.second;
        }))
      Found.push_back(std::move(E));
  }
  stats().VmSteps += sqlite3_stmt_status(Query, SQLITE_STMTSTATUS_VM_STEP, 1);
  stats().FullScanSteps +=
      sqlite3_stmt_status(Query, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
  if (RC != SQLITE_DONE && Query)
    damaged("is damaged (" + errorOf(Db, RC) +
                "), so findings through other files may be missing",
            false);
  sqlite3_reset(Query);
  // Whatever order the rows were written in, the same answer.
  llvm::sort(Found, [](const Entry &A, const Entry &B) {
    auto Key = [](const Entry &E) {
      return std::tie(E.Callee, E.Api.Cat, E.Api.Name, E.DefinedIn, E.Chain,
                      E.Files);
    };
    return Key(A) < Key(B);
  });
  return Found;
}

llvm::ArrayRef<const ExternalFinding *>
SummaryReader::lookup(llvm::StringRef Usr, unsigned MaxChain) {
  if (!Opened)
    open();
  auto [It, New] = Results.try_emplace(Usr);
  std::vector<const ExternalFinding *> &Result = It->second;
  if (!New || !Query || Usr.empty())
    return Result;
  // The shortest chains, by length: a call entry leads on to its callee's
  // entries, one query per function reached. Lengths only grow along a
  // call (a chain names at least one function), so each function is
  // expanded once, first at its shortest.
  struct Step {
    const Entry *Call;
    int Prev;
  };
  std::vector<Step> Steps;
  std::vector<std::vector<std::pair<std::string, int>>> ByLength(MaxChain + 1);
  ByLength[0].emplace_back(Usr.str(), -1);
  llvm::StringSet<> Expanded;
  struct Best {
    unsigned Length = 0;
    const Entry *Finding = nullptr;
    int Via = -1;
  };
  std::array<Best, NumCategories> Bests;
  for (unsigned Length = 0; Length < MaxChain; ++Length)
    for (size_t I = 0; I < ByLength[Length].size(); ++I) {
      const auto [Function, Via] = ByLength[Length][I];
      if (!Expanded.insert(Function).second)
        continue;
      for (const Entry &E : entriesOf(Function)) {
        const auto Total = static_cast<unsigned>(Length + E.Chain.size());
        if (E.Callee.empty()) {
          Best &B = Bests[static_cast<unsigned>(E.Api.Cat)];
          if (Total <= MaxChain && (!B.Finding || Total < B.Length))
            B = {Total, &E, Via};
        } else if (Total < MaxChain && !Expanded.contains(E.Callee)) {
          Steps.push_back({&E, Via});
          ByLength[Total].emplace_back(E.Callee,
                                       static_cast<int>(Steps.size() - 1));
        }
      }
    }
  for (const Best &B : Bests) {
    if (!B.Finding)
      continue;
    std::vector<const Entry *> Path{B.Finding};
    for (int S = B.Via; S >= 0; S = Steps[S].Prev)
      Path.push_back(Steps[S].Call);
    std::reverse(Path.begin(), Path.end());
    ExternalFinding &F = Owned.emplace_back();
    F.Api = B.Finding->Api;
    F.DefinedIn = Path.front()->DefinedIn;
    std::set<std::pair<std::string, uint64_t>> Files;
    for (const Entry *E : Path) {
      llvm::append_range(F.Chain, E->Chain);
      Files.insert(E->Files.begin(), E->Files.end());
    }
    F.Files.assign(Files.begin(), Files.end());
    Result.push_back(&F);
  }
  return Result;
}

/// Inside the write transaction: makes a new store, or checks that this one
/// is ours and of this format (else Refusal says why, nothing is written).
static int prepareStore(sqlite3 *Db, std::string &Refusal) {
  int64_t App = 0;
  int64_t Version = 0;
  int64_t Objects = 0;
  int RC = readHeader(Db, App, Version, Objects);
  if (RC != SQLITE_OK)
    return RC;
  if (App != 0 || Version != 0 || Objects != 0) {
    if (App != ApplicationId)
      Refusal = "not an async-tidy summary store";
    else if (Version != FormatVersion)
      Refusal = "it " + formatMismatch(Version);
    return SQLITE_OK;
  }
  // A new store, made in the same transaction as its first unit.
  RC = sqlite3_exec(Db, Schema, nullptr, nullptr, nullptr);
  if (RC == SQLITE_OK)
    RC = Statement(Db, "PRAGMA application_id=" + std::to_string(ApplicationId))
             .run();
  if (RC == SQLITE_OK)
    RC = Statement(Db, "PRAGMA user_version=" + std::to_string(FormatVersion))
             .run();
  return RC;
}

/// Inside the write transaction: the unit of MainFile, its entries replaced.
static int writeUnit(sqlite3 *Db, llvm::StringRef MainFile,
                     const std::vector<FunctionSummary> &Functions) {
  const int64_t Now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  Statement Unit(
      Db, "INSERT INTO units(main_file, written) VALUES(?1, ?2) ON "
          "CONFLICT(main_file) DO UPDATE SET written = excluded.written");
  Unit.bind(1, MainFile);
  Unit.bind(2, Now);
  int RC = Unit.run();
  if (RC != SQLITE_OK)
    return RC;
  // Everything written before for this main file goes, in this transaction.
  Statement Clear(Db, "DELETE FROM entries WHERE unit = (SELECT id FROM "
                      "units WHERE main_file = ?1)");
  Clear.bind(1, MainFile);
  RC = Clear.run();
  Statement Insert(Db,
                   "INSERT INTO entries(unit, usr, category, api, reason, "
                   "callee, defined_in, chain, files) VALUES((SELECT id FROM "
                   "units WHERE main_file = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                   "?9)");
  auto Add = [&](llvm::StringRef Usr, const ExternalFinding *F,
                 const ExternalCall *Call, llvm::StringRef DefinedIn,
                 llvm::ArrayRef<std::string> Chain, const HashedFiles &Files) {
    const std::string Names = joinNames(Chain);
    const std::string Paths = joinFiles(Files);
    // What no reader would read: left out, not a failure.
    if (RC != SQLITE_OK || Names.size() > MaxValueBytes ||
        Paths.size() > MaxValueBytes)
      return;
    Insert.bind(1, MainFile);
    Insert.bind(2, Usr);
    if (F) {
      Insert.bind(3, categoryName(F->Api.Cat));
      Insert.bind(4, F->Api.Name);
      Insert.bind(5, F->Api.Reason);
      Insert.bindNull(6);
    } else {
      Insert.bindNull(3);
      Insert.bindNull(4);
      Insert.bindNull(5);
      Insert.bind(6, Call->Callee);
    }
    Insert.bind(7, DefinedIn);
    Insert.bindBlob(8, Names);
    Insert.bindBlob(9, Paths);
    RC = Insert.run();
  };
  for (const FunctionSummary &Fn : Functions) {
    for (const ExternalFinding &F : Fn.Findings)
      Add(Fn.Usr, &F, nullptr, F.DefinedIn, F.Chain, F.Files);
    for (const ExternalCall &Call : Fn.Calls)
      Add(Fn.Usr, nullptr, &Call, Call.DefinedIn, Call.Chain, Call.Files);
  }
  return RC;
}

/// For the concurrency test: stop inside the transaction, to be killed.
static void holdForTest(llvm::StringRef MainFile) {
  const char *Hold = std::getenv(HoldWriteVariable.str().c_str());
  unsigned Seconds = 0;
  if (!Hold || llvm::StringRef(Hold).getAsInteger(10, Seconds))
    return;
  llvm::errs() << "async-tidy: holding the summary write of '" << MainFile
               << "'\n";
  std::this_thread::sleep_for(std::chrono::seconds(Seconds));
}

/// Opens Dir's store for writing, made if need be, in WAL mode; false with
/// Why set on failure.
static bool openForWriting(llvm::StringRef Dir, const std::string &Path,
                           Connection &C, std::string &Why) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Why = EC.message();
    return false;
  }
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file) {
    Why = "not a regular file";
    return false;
  }
  int RC = sqlite3_open_v2(Path.c_str(), &C.Db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (RC == SQLITE_OK) {
    sqlite3_busy_timeout(C.Db, BusyTimeoutMs);
    sqlite3_limit(C.Db, SQLITE_LIMIT_LENGTH, MaxValueBytes);
    RC = useWal(C.Db);
  }
  if (RC != SQLITE_OK) {
    Why = errorOf(C.Db, RC) + (isDamage(RC) ? DeleteHint.str() : "");
    return false;
  }
  // A commit survives a crash of the process; a power loss may lose the
  // last ones, never the store.
  Statement(C.Db, "PRAGMA synchronous=NORMAL").run();
  return true;
}

/// Runs Body in a write transaction on a store checked by prepareStore;
/// false with Why set, and nothing written, on failure.
static bool inTransaction(sqlite3 *Db, llvm::function_ref<int()> Body,
                          std::string &Why) {
  // The write lock now, so that nothing read below is stale at commit.
  int RC = Statement(Db, "BEGIN IMMEDIATE").run();
  std::string Refusal;
  if (RC == SQLITE_OK)
    RC = prepareStore(Db, Refusal);
  if (RC == SQLITE_OK && Refusal.empty())
    RC = Body();
  if (RC == SQLITE_OK && Refusal.empty())
    RC = Statement(Db, "COMMIT").run();
  if (RC == SQLITE_OK && Refusal.empty())
    return true;
  Why = Refusal.empty() ? errorOf(Db, RC) : Refusal;
  if (!Refusal.empty() || isDamage(RC))
    Why += DeleteHint;
  Statement(Db, "ROLLBACK").run();
  return false;
}

bool writeSummaries(llvm::StringRef Dir, llvm::StringRef MainFile,
                    const std::vector<FunctionSummary> &Functions,
                    std::string &Error) {
  const std::string Path = summaryStorePath(Dir);
  Connection C;
  std::string Why;
  auto Write = [&] {
    const int RC = writeUnit(C.Db, MainFile, Functions);
    if (RC == SQLITE_OK)
      holdForTest(MainFile);
    return RC;
  };
  if (openForWriting(Dir, Path, C, Why) && inTransaction(C.Db, Write, Why)) {
    ++stats().UnitsWritten;
    return true;
  }
  Error = "cannot write summaries to '" + Path + "': " + Why;
  return false;
}

/// Inside a transaction on Into's store: the units of the attached store
/// "src" written later than Into's, with their entries.
static int mergeAttached(sqlite3 *Db) {
  const char *const Steps[] = {
      "CREATE TEMP TABLE incoming AS SELECT s.id AS src, s.main_file, "
      "s.written FROM src.units s LEFT JOIN main.units m ON m.main_file = "
      "s.main_file WHERE m.id IS NULL OR m.written < s.written",
      "DELETE FROM main.entries WHERE unit IN (SELECT m.id FROM main.units m "
      "JOIN temp.incoming i ON i.main_file = m.main_file)",
      "INSERT INTO main.units(main_file, written) SELECT main_file, written "
      "FROM temp.incoming WHERE true ON CONFLICT(main_file) DO UPDATE SET "
      "written = excluded.written",
      "INSERT INTO main.entries(unit, usr, category, api, reason, callee, "
      "defined_in, chain, files) SELECT m.id, e.usr, e.category, e.api, "
      "e.reason, e.callee, e.defined_in, e.chain, e.files FROM src.entries e "
      "JOIN temp.incoming i ON e.unit = i.src JOIN main.units m ON "
      "m.main_file = i.main_file",
      "DROP TABLE temp.incoming"};
  for (const char *Step : Steps) {
    const int RC = Statement(Db, Step).run();
    if (RC != SQLITE_OK)
      return RC;
  }
  return SQLITE_OK;
}

bool mergeSummaries(llvm::StringRef Into, llvm::ArrayRef<std::string> From,
                    std::string &Error) {
  const std::string Path = summaryStorePath(Into);
  Connection C;
  std::string Why;
  // An empty transaction makes the store, or checks that it is ours.
  if (!openForWriting(Into, Path, C, Why) ||
      !inTransaction(C.Db, [] { return SQLITE_OK; }, Why)) {
    Error = "cannot merge summaries into '" + Path + "': " + Why;
    return false;
  }
  for (const std::string &Dir : From) {
    const std::string Source = summaryStorePath(Dir);
    auto Fail = [&](const llvm::Twine &Reason) {
      Error = ("cannot merge summaries from '" + Source + "': " + Reason).str();
      return false;
    };
    llvm::sys::fs::file_status Status;
    if (std::error_code EC = llvm::sys::fs::status(Source, Status))
      return Fail(EC.message());
    if (Status.type() != llvm::sys::fs::file_type::regular_file)
      return Fail("not a regular file");
    Statement Attach(C.Db, "ATTACH DATABASE ?1 AS src");
    Attach.bind(1, Source);
    int RC = Attach.run();
    if (RC != SQLITE_OK)
      return Fail(errorOf(C.Db, RC));
    int64_t App = 0;
    int64_t Version = 0;
    {
      Statement Header(C.Db, "SELECT (SELECT application_id FROM "
                             "src.pragma_application_id), (SELECT "
                             "user_version FROM src.pragma_user_version)");
      RC = Header.code() == SQLITE_OK ? sqlite3_step(Header.get())
                                      : Header.code();
      if (RC == SQLITE_ROW) {
        App = sqlite3_column_int64(Header.get(), 0);
        Version = sqlite3_column_int64(Header.get(), 1);
      }
    }
    if (RC != SQLITE_ROW)
      Why = errorOf(C.Db, RC) + (isDamage(RC) ? DeleteHint.str() : "");
    else if (App != ApplicationId)
      Why = "not an async-tidy summary store";
    else if (Version != FormatVersion)
      Why = "it " + formatMismatch(Version);
    else
      Why.clear();
    const bool Merged =
        Why.empty() &&
        inTransaction(C.Db, [&] { return mergeAttached(C.Db); }, Why);
    Statement(C.Db, "DETACH DATABASE src").run();
    if (!Merged)
      return Fail(Why);
  }
  return true;
}

} // namespace clang::tidy::async

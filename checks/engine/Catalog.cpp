//===--- Catalog.cpp - async-tidy -----------------------------------------===//

#include "Catalog.h"
#include "Templates.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <cstdlib>

namespace clang::tidy::async {

llvm::SmallVector<const SwapRule *, 2>
ApiEntry::swapsFor(llvm::StringRef Family) const {
  llvm::SmallVector<const SwapRule *, 2> Rules;
  for (const SwapRule &S : Swaps)
    if (S.Family == Family)
      Rules.push_back(&S);
  return Rules;
}

std::string ApiEntry::twinName(llvm::StringRef CalleeName) const {
  std::string Twin = AsyncTwin;
  size_t Slot = Twin.find("{name}");
  if (Slot != std::string::npos)
    Twin.replace(Slot, 6, CalleeName.str());
  return Twin;
}

std::string ApiEntry::twinTemplate(llvm::StringRef CalleeName,
                                   const Framework &F,
                                   bool RedirectsErrors) const {
  return (F.Awaits ? "co_await {prefix}" : "{prefix}") + twinName(CalleeName) +
         "({args,}" + (RedirectsErrors ? F.RedirectError : F.Token) + ")";
}

void Catalog::addFactory(llvm::StringRef Name) {
  Factories.insert(Name);
  FactoryLastNames.insert(Name.rsplit("::").second);
}

bool Catalog::isFactory(const FunctionDecl &F) const {
  const IdentifierInfo *Id = F.getIdentifier();
  if (!Id || !FactoryLastNames.contains(Id->getName()))
    return false;
  std::string Scope = plainQualifiedName(*F.getDeclContext());
  return !Scope.empty() &&
         Factories.contains(Scope + "::" + Id->getName().str());
}

void Catalog::addLibrary(std::string Namespace) {
  Libraries.push_back(std::move(Namespace));
}

bool Catalog::isLibraryNamespace(llvm::StringRef Qualified) const {
  return llvm::any_of(Libraries, [&](const std::string &L) {
    return Qualified == L || (Qualified.starts_with(L) &&
                              Qualified.substr(L.size()).starts_with("::"));
  });
}

void Catalog::addFramework(Framework F) {
  for (const std::string &T : F.Types)
    FrameworkByType.try_emplace(T, Frameworks.size());
  Frameworks.push_back(std::move(F));
}

const Framework *Catalog::framework(llvm::StringRef Name) const {
  for (const Framework &F : Frameworks)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

const Framework *Catalog::frameworkOfType(llvm::StringRef Type) const {
  auto It = FrameworkByType.find(Type);
  return It == FrameworkByType.end() ? nullptr : &Frameworks[It->second];
}

std::vector<std::string> Catalog::splitQualifiedName(llvm::StringRef Name) {
  std::vector<std::string> Parts;
  Name = Name.trim();
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Pieces;
  Name.split(Pieces, "::");
  for (size_t I = 0; I < Pieces.size(); ++I) {
    llvm::StringRef P = Pieces[I];
    // An overloaded operator may end the name.
    llvm::StringRef Op = P;
    if (I + 1 == Pieces.size() && Op.consume_front("operator") && !Op.empty() &&
        llvm::all_of(Op, [](char C) {
          return llvm::StringRef("<>=!+-*/%^&|~[]()").contains(C);
        })) {
      Parts.push_back(P.str());
      continue;
    }
    if (P == "*") {
      Parts.push_back(P.str());
      continue;
    }
    // A destructor ends the name: 'std::jthread::~jthread'.
    if (I + 1 == Pieces.size() && I > 0 && P.starts_with("~") &&
        P.drop_front() == Pieces[I - 1]) {
      Parts.push_back(P.str());
      continue;
    }
    if (P.empty() ||
        !llvm::all_of(P, [](char C) { return llvm::isAlnum(C) || C == '_'; }) ||
        llvm::isDigit(P.front()))
      return {};
    Parts.push_back(P.str());
  }
  return Parts;
}

void Catalog::add(ApiEntry Entry) {
  if (Entry.Hop == HopTarget::LoopExecutor ||
      Entry.Hop == HopTarget::PoolExecutor)
    Executors.push_back(Entries.size());
  else if (!Entry.NamePrefix.empty())
    HandlerPrefixes.push_back(Entries.size());
  else if (Entry.Hop != HopTarget::None)
    HopsByLastName[Entry.Parts.back()].push_back(Entries.size());
  else if (Entry.Parts.back() == "*")
    Wildcards.push_back(Entries.size());
  else
    ByLastName[Entry.Parts.back()].push_back(Entries.size());
  Entries.push_back(std::move(Entry));
}

llvm::SmallVector<const ApiEntry *, 2>
Catalog::candidates(llvm::StringRef Name) const {
  llvm::SmallVector<const ApiEntry *, 2> Result;
  auto It = ByLastName.find(Name);
  if (It != ByLastName.end())
    for (unsigned I : It->second)
      Result.push_back(&Entries[I]);
  for (unsigned I : Wildcards)
    Result.push_back(&Entries[I]);
  return Result;
}

llvm::SmallVector<const ApiEntry *, 2>
Catalog::hopCandidates(llvm::StringRef Name) const {
  llvm::SmallVector<const ApiEntry *, 2> Result;
  auto It = HopsByLastName.find(Name);
  if (It != HopsByLastName.end())
    for (unsigned I : It->second)
      Result.push_back(&Entries[I]);
  return Result;
}

llvm::SmallVector<const ApiEntry *, 2>
Catalog::handlerCandidates(llvm::StringRef Name) const {
  llvm::SmallVector<const ApiEntry *, 2> Result;
  for (const ApiEntry *E : hopCandidates(Name))
    if (E->Hop == HopTarget::Completion || E->Hop == HopTarget::Posted)
      Result.push_back(E);
  for (unsigned I : HandlerPrefixes)
    if (Name.starts_with(Entries[I].NamePrefix))
      Result.push_back(&Entries[I]);
  return Result;
}

llvm::SmallVector<const ApiEntry *, 8> Catalog::executors() const {
  llvm::SmallVector<const ApiEntry *, 8> Result;
  for (unsigned I : Executors)
    Result.push_back(&Entries[I]);
  return Result;
}

namespace {

constexpr llvm::StringLiteral TopKeys[] = {
    "version",   "apis",      "hops",        "offloads",
    "inline",    "ready",     "descriptors", "frameworks",
    "libraries", "factories", "handlers",    "executors"};
constexpr llvm::StringLiteral EntryKeys[] = {
    "name",       "category", "reason", "unless",     "when",
    "to",         "opt-in",   "swap",   "async-twin", "ready-value",
    "descriptor", "does",     "flags",  "handler",    "runs-on"};
constexpr llvm::StringLiteral ConditionKeys[] = {
    "arg",    "args",    "equals",   "has-bits", "type",           "is",
    "object", "returns", "mentions", "made-by",  "object-mentions"};
constexpr llvm::StringLiteral SwapKeys[] = {"code",  "needs", "include",
                                            "arity", "value", "args"};
constexpr llvm::StringLiteral FrameworkKeys[] = {
    "name",     "family",  "namespace",   "types",
    "executor", "token",   "token-needs", "redirect-error",
    "awaits",   "offload", "pool-tag"};
constexpr llvm::StringLiteral OffloadKeys[] = {"value", "void", "needs",
                                               "include"};
constexpr CatalogKeys AllKeys[] = {
    {"top level", TopKeys},       {"entry", EntryKeys},
    {"condition", ConditionKeys}, {"swap rule", SwapKeys},
    {"framework", FrameworkKeys}, {"offload", OffloadKeys},
};

/// Splits a name whose last component may be a prefix pattern, 'async_*'
/// (entries of 'handlers:'); empty on bad syntax.
std::vector<std::string> splitPattern(llvm::StringRef Name) {
  Name = Name.trim();
  const bool Pattern = Name.size() >= 2 && Name.ends_with("*") &&
                       (llvm::isAlnum(Name.drop_back().back()) ||
                        Name.drop_back().back() == '_');
  if (!Pattern)
    return Catalog::splitQualifiedName(Name);
  std::vector<std::string> Parts =
      Catalog::splitQualifiedName(Name.drop_back());
  if (!Parts.empty())
    Parts.back() += "*";
  return Parts;
}

/// A name under a framework family's namespaces, '{asio}::read': the family
/// and the rest of the name; both empty for other names.
struct FamilyName {
  std::string Family;
  std::string Name;
};
FamilyName familyName(llvm::StringRef Text) {
  if (!Text.consume_front("{"))
    return {};
  auto [Family, Rest] = Text.split('}');
  if (Family.empty() || !Rest.consume_front("::") || splitPattern(Rest).empty())
    return {};
  return {Family.str(), Rest.str()};
}

/// Walks the YAML node tree, remembering the first error with its position.
class CatalogParser {
public:
  CatalogParser(llvm::StringRef Text, llvm::StringRef Source)
      : Source(Source), Stream(Text, SM) {
    // Scanner errors arrive here instead of on stderr.
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Self) {
          static_cast<CatalogParser *>(Self)->fail(
              D.getLineNo(), D.getColumnNo() + 1, D.getMessage());
        },
        this);
  }

  llvm::Expected<Catalog> run() {
    auto DocIt = Stream.begin();
    if (DocIt == Stream.end() || !DocIt->getRoot())
      return makeError(nullptr, "empty catalog");
    auto *Root = llvm::dyn_cast<llvm::yaml::MappingNode>(DocIt->getRoot());
    if (!Root)
      return makeError(DocIt->getRoot(), "expected a mapping with key 'apis'");
    Catalog Result;
    bool SawApis = false;
    for (llvm::yaml::KeyValueNode &KV : *Root) {
      std::string Key = scalar(KV.getKey());
      if (Failed || !known(KV, Key, TopKeys, ""))
        break;
      if (Key == "version") {
        if (scalar(KV.getValue()) != "1")
          fail(KV.getValue(), "unsupported catalog version");
      } else if (Key == "frameworks") {
        auto *Seq =
            llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(KV.getValue());
        if (!Seq) {
          fail(KV.getValue(), "'frameworks' must be a list of frameworks");
          break;
        }
        for (llvm::yaml::Node &N : *Seq)
          if (!framework(N, Result))
            break;
      } else if (Key == "factories") {
        // Functions: at least a scope and a name.
        if (!names(KV, "names", "a qualified function name", 2,
                   [&](llvm::StringRef N) { Result.addFactory(N); }))
          break;
      } else if (Key == "libraries") {
        if (!names(KV, "namespaces", "a namespace name", 1,
                   [&](llvm::StringRef N) { Result.addLibrary(N.str()); }))
          break;
      } else if (Key == "handlers" || Key == "executors") {
        auto *Seq =
            llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(KV.getValue());
        if (!Seq) {
          fail(KV.getValue(), "'" + Key + "' must be a list of entries");
          break;
        }
        for (llvm::yaml::Node &N : *Seq) {
          std::vector<ApiEntry> Es =
              Key == "handlers" ? handler(N) : executor(N);
          if (Es.empty())
            break;
          for (ApiEntry &E : Es)
            Pending.emplace_back(std::move(E), &N);
        }
      } else if (Key == "apis" || Key == "hops" || Key == "offloads" ||
                 Key == "inline" || Key == "ready" || Key == "descriptors") {
        SawApis |= Key == "apis";
        auto *Seq =
            llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(KV.getValue());
        if (!Seq) {
          fail(KV.getValue(), "'" + Key + "' must be a list of entries");
          break;
        }
        for (llvm::yaml::Node &N : *Seq) {
          std::vector<ApiEntry> Es =
              entry(N, /*IsHop=*/Key != "apis",
                    /*IsOffload=*/Key == "offloads" || Key == "inline" ||
                        Key == "ready",
                    /*IsDescriptors=*/Key == "descriptors");
          if (Es.empty())
            break;
          for (ApiEntry &E : Es) {
            if (Key == "offloads")
              E.Hop = HopTarget::Offload;
            else if (Key == "inline")
              E.Hop = HopTarget::Inline;
            else if (Key == "ready")
              E.Hop = HopTarget::Ready;
            else if (!E.ReadyValue.empty())
              fail(&N, "'ready-value' belongs to entries of 'ready'");
            Pending.emplace_back(std::move(E), &N);
          }
        }
      } else {
        fail(KV.getKey(), "unknown key '" + Key + "'");
      }
    }
    if (Stream.failed() && !Failed)
      fail(nullptr, "malformed YAML");
    // Swap rules may come before the frameworks they name.
    for (const auto &Swap : SwapFamilies)
      if (!Failed &&
          !llvm::any_of(Result.frameworks(), [&](const Framework &F) {
            return F.Family == Swap.first;
          }))
        fail(Swap.second, "unknown framework family '" + Swap.first +
                              "'; the 'frameworks' section declares the "
                              "families");
    // Names under a family's namespaces need the frameworks, which may
    // come after the entries.
    for (auto &[E, Node] : Pending)
      if (!Failed)
        for (ApiEntry &Expanded : expand(E, *Node, Result))
          Result.add(std::move(Expanded));
    if (!Failed && !SawApis)
      fail(Root, "missing key 'apis'");
    if (Failed)
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                     Message.c_str());
    return std::move(Result);
  }

private:
  llvm::Error makeError(llvm::yaml::Node *N, const llvm::Twine &Msg) {
    fail(N, Msg);
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   Message.c_str());
  }

  /// Records the first error; returns false for use in 'return fail(...)'.
  bool fail(llvm::yaml::Node *N, const llvm::Twine &Msg) {
    if (Failed)
      return false;
    unsigned Line = 0;
    unsigned Col = 0;
    if (N && N->getSourceRange().Start.isValid())
      std::tie(Line, Col) = SM.getLineAndColumn(N->getSourceRange().Start);
    return fail(Line, Col, Msg);
  }

  bool fail(unsigned Line, unsigned Col, const llvm::Twine &Msg) {
    if (Failed)
      return false;
    Failed = true;
    Message =
        (Source + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Col) + ": " + Msg)
            .str();
    return false;
  }

  /// Fails at N when Template is not a valid template of kind K: a
  /// misspelt slot ('{nss}') or one not allowed there.
  bool checkTemplateAt(llvm::yaml::Node *N, llvm::StringRef Template,
                       TemplateKind K) {
    std::string Problem = checkTemplate(Template, K);
    if (Problem.empty())
      return true;
    return fail(N, "'" + Template + "': expected " + Problem);
  }
  bool checkTemplatesAt(llvm::yaml::Node *N,
                        llvm::ArrayRef<std::string> Templates, TemplateKind K) {
    return llvm::all_of(Templates, [&](const std::string &T) {
      return checkTemplateAt(N, T, K);
    });
  }

  /// Fails on a key the table of its place does not have.
  bool known(llvm::yaml::KeyValueNode &KV, llvm::StringRef Key,
             llvm::ArrayRef<llvm::StringLiteral> Keys, llvm::StringRef Where) {
    if (llvm::is_contained(Keys, Key))
      return true;
    return fail(KV.getKey(), "unknown key '" + Key + "'" + Where);
  }

  /// A top-level list of qualified names without wildcards, each of at
  /// least MinParts components, given to Add as 'a::b'; false on an error.
  bool names(llvm::yaml::KeyValueNode &KV, llvm::StringRef Plural,
             llvm::StringRef What, size_t MinParts,
             llvm::function_ref<void(llvm::StringRef)> Add) {
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(KV.getValue());
    if (!Seq)
      return fail(KV.getValue(),
                  "'" + scalar(KV.getKey()) + "' must be a list of " + Plural);
    for (llvm::yaml::Node &N : *Seq) {
      std::string Name = scalar(&N);
      if (Failed)
        return false;
      std::vector<std::string> Parts = Catalog::splitQualifiedName(Name);
      if (Parts.size() < MinParts || llvm::is_contained(Parts, "*"))
        return fail(&N, "'" + Name + "' is not " + What);
      Add(llvm::join(Parts, "::"));
    }
    return true;
  }

  std::string scalar(llvm::yaml::Node *N) {
    auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
    if (!S) {
      fail(N, "expected a scalar value");
      return {};
    }
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }

  std::optional<int64_t> integer(llvm::yaml::Node *N) {
    std::string S = scalar(N);
    int64_t V;
    if (Failed || llvm::StringRef(S).getAsInteger(0, V)) {
      fail(N, "expected an integer");
      return std::nullopt;
    }
    return V;
  }

  std::vector<std::string> strings(llvm::yaml::Node *N) {
    std::vector<std::string> Out;
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    if (!Seq) {
      fail(N, "expected a list");
      return Out;
    }
    for (llvm::yaml::Node &Item : *Seq)
      Out.push_back(scalar(&Item));
    return Out;
  }

  /// One entry per name: 'name' may list several declarations that share
  /// everything else (asio:: and boost::asio::).
  std::vector<ApiEntry> entry(llvm::yaml::Node &N, bool IsHop,
                              bool IsOffload = false,
                              bool IsDescriptors = false) {
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(&N);
    if (!Map) {
      fail(&N, "an entry must be a mapping");
      return {};
    }
    ApiEntry E;
    std::vector<std::string> Names;
    bool HasCategory = false;
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Key = scalar(KV.getKey());
      llvm::yaml::Node *V = KV.getValue();
      if (Failed || !known(KV, Key, EntryKeys, " in an entry"))
        return {};
      if (Key == "name") {
        if (llvm::isa_and_present<llvm::yaml::SequenceNode>(V))
          Names = strings(V);
        else
          Names.push_back(scalar(V));
        for (const std::string &Name : Names)
          if (Catalog::splitQualifiedName(Name).empty() &&
              familyName(Name).Name.empty())
            fail(V, "'" + Name + "' is not a qualified name");
      } else if (Key == "category") {
        std::string C = scalar(V);
        if (std::optional<Category> Cat = parseCategory(C)) {
          E.Cat = *Cat;
          HasCategory = true;
        } else {
          fail(V, "unknown category '" + C + "'");
        }
      } else if (Key == "reason") {
        E.Reason = scalar(V);
      } else if (Key == "unless" || Key == "when") {
        auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(V);
        if (!Seq)
          fail(V, "'" + Key + "' must be a list of conditions");
        else
          for (llvm::yaml::Node &C : *Seq)
            if (std::optional<ArgCondition> Cond = condition(C))
              (Key == "when" ? E.When : E.Unless).push_back(*Cond);
      } else if (Key == "to" && IsHop && !IsOffload) {
        std::string T = scalar(V);
        if (T == "pool")
          E.Hop = HopTarget::Pool;
        else if (T == "loop")
          E.Hop = HopTarget::Loop;
        else
          fail(V, "'to' is pool or loop");
      } else if (Key == "opt-in") {
        std::string B = scalar(V);
        if (B != "true" && B != "false")
          fail(V, "'opt-in' is true or false");
        E.OptIn = B == "true";
      } else if (Key == "swap") {
        swaps(V, E);
      } else if (Key == "ready-value") {
        E.ReadyValue = Catalog::splitQualifiedName(scalar(V));
        if (E.ReadyValue.size() < 2)
          fail(V, "'ready-value' is a qualified enumerator name");
      } else if (Key == "descriptor") {
        descriptor(V, E, IsDescriptors);
      } else if (Key == "does" && IsDescriptors) {
        std::string D = scalar(V);
        if (D == "nonblocking")
          E.Hop = HopTarget::NonBlocking;
        else if (D == "awaits-ready")
          E.Hop = HopTarget::AwaitsReady;
        else if (D == "opens-file")
          E.Hop = HopTarget::OpensFile;
        else
          fail(V, "'does' is nonblocking, awaits-ready or opens-file");
      } else if (Key == "flags" && IsDescriptors) {
        if (std::optional<ArgCondition> Cond = condition(*V))
          E.Flags = *Cond;
      } else if (Key == "async-twin") {
        E.AsyncTwin = scalar(V);
        checkTemplateAt(V, E.AsyncTwin, TemplateKind::Twin);
      } else {
        fail(KV.getKey(), "unknown key '" + Key + "' in an entry");
      }
    }
    if (Failed)
      return {};
    if (IsDescriptors) {
      if (Names.empty() || E.Hop == HopTarget::None || !E.Descriptor) {
        fail(&N, "an entry of 'descriptors' needs 'name', 'does' and "
                 "'descriptor'");
        return {};
      }
    } else if (IsHop ? Names.empty() || (E.Hop == HopTarget::None && !IsOffload)
                     : Names.empty() || !HasCategory || E.Reason.empty()) {
      fail(&N, IsHop ? "a hop needs 'name' and 'to'"
                     : "an entry needs 'name', 'category' and 'reason'");
      return {};
    }
    return named(E, Names, N, /*Prefixes=*/false);
  }

  /// E once per name; a prefix pattern ('async_*') only where Prefixes.
  std::vector<ApiEntry> named(const ApiEntry &E,
                              llvm::ArrayRef<std::string> Names,
                              llvm::yaml::Node &N, bool Prefixes) {
    std::vector<ApiEntry> Result;
    for (const std::string &Name : Names) {
      Result.push_back(E);
      ApiEntry &Copy = Result.back();
      Copy.Name = llvm::StringRef(Name).trim().ltrim(':').str();
      Copy.Parts =
          Prefixes ? splitPattern(Name) : Catalog::splitQualifiedName(Name);
      Copy.RequiresCLinkage = Copy.Parts.size() == 1;
      // '{asio}::async_*' is split once expanded; its pattern shows now.
      const FamilyName F = familyName(Name);
      const llvm::StringRef Plain =
          F.Name.empty() ? llvm::StringRef(Name) : llvm::StringRef(F.Name);
      const std::vector<std::string> Rest = splitPattern(Plain);
      if (Catalog::splitQualifiedName(Plain).empty() && !Rest.empty()) {
        if (!Prefixes) {
          fail(&N, "'" + Name +
                       "': a name pattern ('prefix*') belongs to entries of "
                       "'handlers'");
          return {};
        }
        Copy.NamePrefix = Rest.back().substr(0, Rest.back().size() - 1);
      }
    }
    return Result;
  }

  /// The names of an entry of 'handlers:' or 'executors:'.
  std::vector<std::string> entryNames(llvm::yaml::Node *V) {
    std::vector<std::string> Names;
    if (llvm::isa_and_present<llvm::yaml::SequenceNode>(V))
      Names = strings(V);
    else
      Names.push_back(scalar(V));
    for (const std::string &Name : Names)
      if (splitPattern(Name).empty() && familyName(Name).Name.empty())
        fail(V, "'" + Name + "' is not a qualified name");
    return Names;
  }

  /// The keys of an entry of a section whose entries are a 'name' and
  /// section-specific keys: 'name' is read into Names, every other key is
  /// given to Key, which returns false for a key it does not know. False
  /// when the entry failed.
  bool
  entryKeys(llvm::yaml::Node &N, llvm::StringRef Section,
            std::vector<std::string> &Names,
            llvm::function_ref<bool(llvm::StringRef, llvm::yaml::Node *)> Key) {
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(&N);
    if (!Map) {
      fail(&N, "an entry must be a mapping");
      return false;
    }
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Name = scalar(KV.getKey());
      llvm::yaml::Node *V = KV.getValue();
      if (Failed || !known(KV, Name, EntryKeys, " in an entry"))
        return false;
      if (Name == "name")
        Names = entryNames(V);
      else if (!Key(Name, V))
        fail(KV.getKey(),
             "unknown key '" + Name + "' in an entry of '" + Section + "'");
    }
    return !Failed;
  }

  /// An entry of 'handlers:': 'name', 'handler: completion|posted' and
  /// 'runs-on: object|I'.
  std::vector<ApiEntry> handler(llvm::yaml::Node &N) {
    ApiEntry E;
    std::vector<std::string> Names;
    if (!entryKeys(N, "handlers", Names,
                   [&](llvm::StringRef Key, llvm::yaml::Node *V) {
                     if (Key == "handler") {
                       std::string H = scalar(V);
                       if (H == "completion")
                         E.Hop = HopTarget::Completion;
                       else if (H == "posted")
                         E.Hop = HopTarget::Posted;
                       else
                         fail(V, "'handler' is completion or posted");
                       return true;
                     }
                     if (Key == "runs-on") {
                       std::string R = scalar(V);
                       int64_t I = 0;
                       if (R == "object")
                         E.RunsOn = ApiEntry::DescriptorObject;
                       else if (!llvm::StringRef(R).getAsInteger(0, I) &&
                                I >= 0 && I < 64)
                         E.RunsOn = static_cast<int>(I);
                       else
                         fail(V, "'runs-on' is an argument index or object");
                       return true;
                     }
                     return false;
                   }))
      return {};
    if (Names.empty() || E.Hop == HopTarget::None || !E.RunsOn) {
      fail(&N, "an entry of 'handlers' needs 'name', 'handler' and 'runs-on'");
      return {};
    }
    return named(E, Names, N, /*Prefixes=*/true);
  }

  /// An entry of 'executors:': 'name' (classes) and 'to: loop|pool'.
  std::vector<ApiEntry> executor(llvm::yaml::Node &N) {
    ApiEntry E;
    std::vector<std::string> Names;
    if (!entryKeys(N, "executors", Names,
                   [&](llvm::StringRef Key, llvm::yaml::Node *V) {
                     if (Key != "to")
                       return false;
                     std::string T = scalar(V);
                     if (T == "loop")
                       E.Hop = HopTarget::LoopExecutor;
                     else if (T == "pool")
                       E.Hop = HopTarget::PoolExecutor;
                     else
                       fail(V, "'to' is loop or pool");
                     return true;
                   }))
      return {};
    if (Names.empty() || E.Hop == HopTarget::None) {
      fail(&N, "an entry of 'executors' needs 'name' and 'to'");
      return {};
    }
    return named(E, Names, N, /*Prefixes=*/false);
  }

  /// 'descriptor: I', 'descriptor: object', and for the entries of
  /// 'descriptors:' that make one, 'descriptor: result'.
  void descriptor(llvm::yaml::Node *V, ApiEntry &E, bool IsDescriptors) {
    const std::string D = scalar(V);
    int64_t I = 0;
    if (D == "object")
      E.Descriptor = ApiEntry::DescriptorObject;
    else if (D == "result" && IsDescriptors)
      E.Descriptor = ApiEntry::DescriptorResult;
    else if (!llvm::StringRef(D).getAsInteger(0, I) && I >= 0 && I < 64)
      E.Descriptor = static_cast<int>(I);
    else
      fail(V, IsDescriptors ? "'descriptor' is an argument index, object or "
                              "result"
                            : "'descriptor' is an argument index or object");
  }

  std::optional<ArgCondition> condition(llvm::yaml::Node &N) {
    static constexpr llvm::StringLiteral Usage =
        "a condition is {args: N}, {object: variable}, {returns: class} or "
        "{arg: I, equals|has-bits: V}, {arg: I, type|mentions: class}, "
        "{arg: I, is: variable}, {made-by: function}, "
        "{object-mentions: class}";
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(&N);
    if (!Map) {
      fail(&N, Usage);
      return std::nullopt;
    }
    ArgCondition C;
    C.K = ArgCondition::Kind::ArgCount;
    bool HasArg = false;
    bool HasTest = false;
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Key = scalar(KV.getKey());
      if (Failed)
        return std::nullopt;
      if (!llvm::is_contained(ConditionKeys, Key)) {
        fail(KV.getKey(), "unknown condition '" + Key + "'; " + Usage);
        return std::nullopt;
      }
      if (Key == "arg") {
        std::optional<int64_t> V = integer(KV.getValue());
        if (!V || *V < 0) {
          fail(KV.getValue(), "'arg' is an argument index from 0");
          return std::nullopt;
        }
        C.Arg = static_cast<unsigned>(*V);
        HasArg = true;
        continue;
      }
      if (HasTest) {
        fail(KV.getKey(), "a condition tests one thing");
        return std::nullopt;
      }
      HasTest = true;
      if (Key == "args" || Key == "equals" || Key == "has-bits") {
        C.K = llvm::StringSwitch<ArgCondition::Kind>(Key)
                  .Case("args", ArgCondition::Kind::ArgCount)
                  .Case("equals", ArgCondition::Kind::Equals)
                  .Default(ArgCondition::Kind::HasBits);
        // A flag is named as the platform's headers name it: its value
        // differs between systems (MSG_DONTWAIT is 0x40 on Linux).
        std::string Text = scalar(KV.getValue());
        if (C.K != ArgCondition::Kind::ArgCount && !Text.empty() &&
            !llvm::isDigit(Text.front()) && Text.front() != '-') {
          if (Catalog::splitQualifiedName(Text).empty()) {
            fail(KV.getValue(), "'" + Text + "' is not a constant's name");
            return std::nullopt;
          }
          C.Constant = Text;
          continue;
        }
        std::optional<int64_t> V = integer(KV.getValue());
        if (!V)
          return std::nullopt;
        C.Value = *V;
      } else if (Key == "type" || Key == "is" || Key == "object" ||
                 Key == "returns" || Key == "mentions" || Key == "made-by" ||
                 Key == "object-mentions") {
        std::string Name = scalar(KV.getValue());
        if (!familyName(Name).Name.empty()) {
          // Expanded over the family's namespaces once they are known.
          C.Name = {Name};
        } else {
          C.Name = Catalog::splitQualifiedName(Name);
          if (C.Name.empty()) {
            fail(KV.getValue(), "'" + Name + "' is not a qualified name");
            return std::nullopt;
          }
        }
        C.K = llvm::StringSwitch<ArgCondition::Kind>(Key)
                  .Case("type", ArgCondition::Kind::HasType)
                  .Case("is", ArgCondition::Kind::IsVar)
                  .Case("returns", ArgCondition::Kind::Returns)
                  .Case("mentions", ArgCondition::Kind::Mentions)
                  .Case("made-by", ArgCondition::Kind::MadeBy)
                  .Case("object-mentions", ArgCondition::Kind::ObjectMentions)
                  .Default(ArgCondition::Kind::ObjectIs);
      } else {
        fail(KV.getKey(), "unknown condition '" + Key + "'; " + Usage);
        return std::nullopt;
      }
    }
    const bool NeedsArg = C.K != ArgCondition::Kind::ArgCount &&
                          C.K != ArgCondition::Kind::ObjectIs &&
                          C.K != ArgCondition::Kind::Returns &&
                          C.K != ArgCondition::Kind::MadeBy &&
                          C.K != ArgCondition::Kind::ObjectMentions;
    if (!HasTest || HasArg != NeedsArg) {
      fail(&N, Usage);
      return std::nullopt;
    }
    return C;
  }

  bool framework(llvm::yaml::Node &N, Catalog &Result) {
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(&N);
    if (!Map)
      return fail(&N, "a framework must be a mapping");
    Framework F;
    bool HasOffload = false;
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Key = scalar(KV.getKey());
      llvm::yaml::Node *V = KV.getValue();
      if (Failed || !known(KV, Key, FrameworkKeys, " in a framework"))
        return false;
      if (Key == "name") {
        F.Name = scalar(V);
      } else if (Key == "family") {
        F.Family = scalar(V);
      } else if (Key == "namespace") {
        F.Namespace = scalar(V);
      } else if (Key == "types") {
        for (const std::string &T : strings(V)) {
          std::vector<std::string> Parts = Catalog::splitQualifiedName(T);
          if (Parts.empty())
            return fail(V, "'" + T + "' is not a qualified name");
          F.Types.push_back(llvm::join(Parts, "::"));
        }
      } else if (Key == "executor") {
        F.Executor = scalar(V);
        checkTemplateAt(V, F.Executor, TemplateKind::Executor);
      } else if (Key == "token") {
        F.Token = scalar(V);
        checkTemplateAt(V, F.Token, TemplateKind::Token);
      } else if (Key == "token-needs") {
        F.TokenNeeds = strings(V);
        checkTemplatesAt(V, F.TokenNeeds, TemplateKind::Needs);
      } else if (Key == "redirect-error") {
        F.RedirectError = scalar(V);
        checkTemplateAt(V, F.RedirectError, TemplateKind::Token);
      } else if (Key == "pool-tag") {
        std::vector<std::string> Parts = Catalog::splitQualifiedName(scalar(V));
        if (Parts.empty())
          return fail(V, "'pool-tag' is a qualified type name");
        F.PoolTag = llvm::join(Parts, "::");
      } else if (Key == "awaits") {
        std::string B = scalar(V);
        if (B != "true" && B != "false")
          return fail(V, "'awaits' is true or false");
        F.Awaits = B == "true";
      } else if (Key == "offload") {
        auto *O = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(V);
        if (!O)
          return fail(V, "'offload' is a mapping with 'value' and 'void'");
        for (llvm::yaml::KeyValueNode &OK : *O) {
          std::string K = scalar(OK.getKey());
          if (!known(OK, K, OffloadKeys, " in 'offload'"))
            return false;
          if (K == "value")
            checkTemplateAt(OK.getValue(),
                            F.Offload.Value = scalar(OK.getValue()),
                            TemplateKind::Offload);
          else if (K == "void")
            checkTemplateAt(OK.getValue(),
                            F.Offload.Void = scalar(OK.getValue()),
                            TemplateKind::Offload);
          else if (K == "needs")
            checkTemplatesAt(OK.getValue(),
                             F.Offload.Needs = strings(OK.getValue()),
                             TemplateKind::Needs);
          else if (K == "include")
            F.Offload.Includes = strings(OK.getValue());
          else
            return fail(OK.getKey(), "unknown key '" + K + "' in 'offload'");
        }
        if (F.Offload.Value.empty() != F.Offload.Void.empty())
          return fail(V, "'offload' needs both 'value' and 'void'");
        HasOffload = true;
      } else {
        return fail(KV.getKey(), "unknown key '" + Key + "' in a framework");
      }
    }
    if (Failed)
      return false;
    if (F.Name.empty() || F.Types.empty())
      return fail(&N, "a framework needs 'name' and 'types'");
    if (Result.framework(F.Name))
      return fail(&N, "framework '" + F.Name + "' is declared twice");
    if (F.Family.empty())
      F.Family = F.Name;
    // Frameworks of one family share the idiom and the completion token
    // unless they spell their own.
    for (const Framework &Other : Result.frameworks())
      if (Other.Family == F.Family) {
        if (!HasOffload)
          F.Offload = Other.Offload;
        if (F.Executor.empty())
          F.Executor = Other.Executor;
        if (F.Token.empty()) {
          F.Token = Other.Token;
          F.TokenNeeds = Other.TokenNeeds;
          F.RedirectError = Other.RedirectError;
        }
        break;
      }
    Result.addFramework(std::move(F));
    return true;
  }

  bool swapRule(llvm::yaml::Node *N, llvm::StringRef Family, ApiEntry &E) {
    auto *Rule = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
    if (!Rule)
      return fail(N, "a swap rule is a mapping with 'code'");
    SwapRule S;
    S.Family = Family.str();
    for (llvm::yaml::KeyValueNode &R : *Rule) {
      std::string Key = scalar(R.getKey());
      if (!known(R, Key, SwapKeys, " in a swap rule"))
        return false;
      if (Key == "code") {
        S.Code = scalar(R.getValue());
        checkTemplateAt(R.getValue(), S.Code, TemplateKind::SwapCode);
      } else if (Key == "needs") {
        S.Needs = strings(R.getValue());
        checkTemplatesAt(R.getValue(), S.Needs, TemplateKind::Needs);
      } else if (Key == "include") {
        S.Includes = strings(R.getValue());
      } else if (Key == "arity") {
        std::optional<int64_t> V = integer(R.getValue());
        if (!V || *V < 0)
          return fail(R.getValue(), "'arity' is a number of arguments");
        S.Arity = static_cast<unsigned>(*V);
      } else if (Key == "value") {
        std::string V = scalar(R.getValue());
        if (V != "same" && V != "unused")
          return fail(R.getValue(), "'value' is same or unused");
        S.SameValue = V == "same";
      } else if (Key == "args") {
        for (const std::string &A : strings(R.getValue())) {
          std::optional<ArgRequirement> Req =
              llvm::StringSwitch<std::optional<ArgRequirement>>(A)
                  .Case("any", ArgRequirement::Any)
                  .Case("duration", ArgRequirement::Duration)
                  .Case("steady-duration", ArgRequirement::SteadyDuration)
                  .Case("ms-duration", ArgRequirement::MillisecondsDuration)
                  .Case("awaitable", ArgRequirement::Awaitable)
                  .Case("unchanged", ArgRequirement::Unchanged)
                  .Default(std::nullopt);
          if (!Req)
            return fail(R.getValue(),
                        "unknown argument requirement '" + A +
                            "' (expected any, duration, steady-duration, "
                            "ms-duration, awaitable or unchanged)");
          S.Args.push_back(*Req);
        }
      } else {
        return fail(R.getKey(), "unknown key '" + Key + "' in a swap rule");
      }
    }
    if (Failed)
      return false;
    if (S.Code.empty())
      return fail(Rule, "a swap rule needs 'code'");
    E.Swaps.push_back(std::move(S));
    return true;
  }

  bool swaps(llvm::yaml::Node *N, ApiEntry &E) {
    auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
    if (!Map)
      return fail(N, "'swap' maps framework families to rewrites");
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Family = scalar(KV.getKey());
      if (Failed)
        return false;
      SwapFamilies.emplace_back(Family, KV.getKey());
      // One rule, or several tried in order.
      if (auto *Seq =
              llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(KV.getValue())) {
        for (llvm::yaml::Node &R : *Seq)
          if (!swapRule(&R, Family, E))
            return false;
      } else if (!swapRule(KV.getValue(), Family, E)) {
        return false;
      }
    }
    return true;
  }

  /// The namespaces of a framework family, in the catalog's order.
  std::vector<std::string> namespacesOf(llvm::StringRef Family,
                                        const Catalog &C) {
    std::vector<std::string> Namespaces;
    for (const Framework &F : C.frameworks())
      if (F.Family == Family && !F.Namespace.empty() &&
          !llvm::is_contained(Namespaces, F.Namespace))
        Namespaces.push_back(F.Namespace);
    return Namespaces;
  }

  /// A condition's names under a family: one condition per namespace, or
  /// only Bound's when the entry's own name is under the same family.
  bool expandConditions(std::vector<ArgCondition> &Conditions,
                        const FamilyName &Bound, llvm::StringRef BoundNs,
                        llvm::yaml::Node &N, const Catalog &C) {
    std::vector<ArgCondition> Out;
    for (ArgCondition &Cond : Conditions) {
      FamilyName F =
          Cond.Name.size() == 1 ? familyName(Cond.Name[0]) : FamilyName();
      if (F.Name.empty()) {
        Out.push_back(std::move(Cond));
        continue;
      }
      std::vector<std::string> Namespaces =
          F.Family == Bound.Family ? std::vector<std::string>{BoundNs.str()}
                                   : namespacesOf(F.Family, C);
      if (Namespaces.empty())
        return fail(&N, "'{" + F.Family +
                            "}' names no framework family with a namespace");
      for (const std::string &Ns : Namespaces) {
        ArgCondition Copy = Cond;
        Copy.Name = Catalog::splitQualifiedName(Ns + "::" + F.Name);
        Out.push_back(std::move(Copy));
      }
    }
    Conditions = std::move(Out);
    return true;
  }

  /// An entry whose name (or a condition's) is under a family's
  /// namespaces, as one entry per namespace.
  std::vector<ApiEntry> expand(const ApiEntry &E, llvm::yaml::Node &N,
                               const Catalog &C) {
    FamilyName F = familyName(E.Name);
    std::vector<std::string> Namespaces = {""};
    if (!F.Name.empty()) {
      Namespaces = namespacesOf(F.Family, C);
      if (Namespaces.empty()) {
        fail(&N,
             "'{" + F.Family + "}' names no framework family with a namespace");
        return {};
      }
    }
    std::vector<ApiEntry> Out;
    for (const std::string &Ns : Namespaces) {
      ApiEntry Copy = E;
      if (!F.Name.empty()) {
        Copy.Name = Ns + "::" + F.Name;
        Copy.Parts = splitPattern(Copy.Name);
        Copy.RequiresCLinkage = false;
      }
      if (!expandConditions(Copy.When, F, Ns, N, C) ||
          !expandConditions(Copy.Unless, F, Ns, N, C))
        return {};
      Out.push_back(std::move(Copy));
    }
    return Out;
  }

  llvm::SourceMgr SM;
  std::string Source;
  llvm::yaml::Stream Stream;
  bool Failed = false;
  std::string Message;
  std::vector<std::pair<std::string, llvm::yaml::Node *>> SwapFamilies;
  std::vector<std::pair<ApiEntry, llvm::yaml::Node *>> Pending;
};

} // namespace

llvm::ArrayRef<CatalogKeys> catalogKeys() { return AllKeys; }

llvm::Expected<Catalog> Catalog::parse(llvm::StringRef Text,
                                       llvm::StringRef Source) {
  return CatalogParser(Text, Source).run();
}

static constexpr char BuiltinCatalogText[] =
#include "BuiltinCatalog.inc"
    ;

const Catalog &Catalog::builtin() {
  static const Catalog Builtin = [] {
    llvm::Expected<Catalog> C =
        parse(BuiltinCatalogText, "<builtin>/blocking-apis.yaml");
    if (!C) {
      // The catalog is validated by the test suite; a broken build is a bug.
      llvm::errs() << "async-tidy: built-in catalog is invalid: "
                   << llvm::toString(C.takeError()) << "\n";
      std::abort();
    }
    return std::move(*C);
  }();
  return Builtin;
}

} // namespace clang::tidy::async

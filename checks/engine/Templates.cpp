//===--- Templates.cpp - async-tidy ---------------------------------------===//

#include "Templates.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async {

static constexpr SlotInfo Vocabulary[] = {
    {SlotKind::Arg, "0", "an argument as written: {0}, {1}, ..."},
    {SlotKind::Args, "args", "all the arguments as written"},
    {SlotKind::ArgsComma, "args,",
     "all the arguments as written, then ', ' unless there are none"},
    {SlotKind::Ns, "ns", "the framework's namespace"},
    {SlotKind::Ec, "ec",
     "the trailing error_code argument the call reports errors into"},
    {SlotKind::Yield, "yield", "the stackful coroutine's yield_context"},
    {SlotKind::Prefix, "prefix",
     "the callee's object or qualifier as written ('sock.', 'net::')"},
    {SlotKind::Object, "object",
     "the object of a member call as written ('p' of 'p->wait()'), an "
     "lvalue or a pointer"},
    {SlotKind::Via, "via:",
     "a scheduler of one of the '|'-separated types that the coroutine "
     "reaches (a parameter or a member), with '.' or '->'"},
    {SlotKind::Call, "call", "the blocking call as written"},
    {SlotKind::Type, "type", "the call's type ('void' for a statement)"},
    {SlotKind::Pool, "pool", "option OffloadExecutor"},
    {SlotKind::Home, "home", "option OffloadHomeExecutor"},
    {SlotKind::Name, "name", "the callee's name"},
};

llvm::ArrayRef<SlotInfo> slotVocabulary() { return Vocabulary; }

std::optional<Slot> parseSlot(llvm::StringRef Text) {
  Slot S{SlotKind::Arg, 0, {}};
  if (!Text.getAsInteger(10, S.Index))
    return S;
  if (Text.consume_front("via:")) {
    if (Text.empty())
      return std::nullopt;
    S.Kind = SlotKind::Via;
    S.Types = Text;
    return S;
  }
  for (const SlotInfo &I : Vocabulary)
    if (I.Kind != SlotKind::Arg && I.Kind != SlotKind::Via &&
        I.Spelling == Text) {
      S.Kind = I.Kind;
      return S;
    }
  return std::nullopt;
}

bool slotAllowed(SlotKind S, TemplateKind K) {
  switch (K) {
  case TemplateKind::SwapCode:
    return llvm::is_contained({SlotKind::Arg, SlotKind::Args,
                               SlotKind::ArgsComma, SlotKind::Ns, SlotKind::Ec,
                               SlotKind::Yield, SlotKind::Prefix,
                               SlotKind::Object, SlotKind::Via},
                              S);
  case TemplateKind::Needs:
  case TemplateKind::Executor:
    return S == SlotKind::Ns;
  case TemplateKind::Offload:
    return llvm::is_contained({SlotKind::Call, SlotKind::Type, SlotKind::Pool,
                               SlotKind::Home, SlotKind::Ns, SlotKind::Via},
                              S);
  case TemplateKind::Token:
    return llvm::is_contained({SlotKind::Ns, SlotKind::Yield, SlotKind::Ec}, S);
  case TemplateKind::Twin:
    return S == SlotKind::Name;
  }
  return false;
}

namespace {

/// Visits a template's text and slots in order; false when a slot is not
/// closed or Visit says stop.
bool forEachPiece(llvm::StringRef Template,
                  llvm::function_ref<bool(llvm::StringRef Text)> Code,
                  llvm::function_ref<bool(llvm::StringRef Slot)> OnSlot) {
  while (!Template.empty()) {
    size_t Open = Template.find('{');
    while (Open != llvm::StringRef::npos && Open + 1 < Template.size() &&
           !llvm::isAlnum(Template[Open + 1]))
      Open = Template.find('{', Open + 1);
    if (!Code(Template.take_front(Open)))
      return false;
    if (Open == llvm::StringRef::npos)
      return true;
    size_t Close = Template.find('}', Open);
    if (Close == llvm::StringRef::npos)
      return false;
    if (!OnSlot(Template.slice(Open + 1, Close)))
      return false;
    Template = Template.drop_front(Close + 1);
  }
  return true;
}

char closing(char Open) {
  if (Open == '(')
    return ')';
  return Open == '[' ? ']' : '}';
}

/// Whether brackets and quotes pair up: code that does not would make every
/// fix written from it fail to compile.
bool balanced(llvm::StringRef Code) {
  std::string Open;
  for (size_t I = 0; I < Code.size(); ++I) {
    char C = Code[I];
    if (C == '"' || C == '\'') {
      size_t End = I + 1;
      while (End < Code.size() && Code[End] != C)
        End += Code[End] == '\\' ? 2 : 1;
      if (End >= Code.size())
        return false;
      I = End;
    } else if (C == '(' || C == '[' || C == '{') {
      Open.push_back(closing(C));
    } else if (C == ')' || C == ']' || C == '}') {
      if (Open.empty() || Open.back() != C)
        return false;
      Open.pop_back();
    }
  }
  return Open.empty();
}

} // namespace

std::optional<std::string> expandTemplate(
    llvm::StringRef Template,
    llvm::function_ref<std::optional<std::string>(const Slot &S,
                                                  llvm::StringRef Before)>
        Fill) {
  std::string Out;
  bool Ok = forEachPiece(
      Template,
      [&](llvm::StringRef Text) {
        Out += Text;
        return true;
      },
      [&](llvm::StringRef Text) {
        std::optional<Slot> S = parseSlot(Text);
        std::optional<std::string> Value = S ? Fill(*S, Out) : std::nullopt;
        if (Value)
          Out += *Value;
        return Value.has_value();
      });
  if (!Ok)
    return std::nullopt;
  return Out;
}

std::string checkTemplate(llvm::StringRef Template, TemplateKind K) {
  std::string Problem;
  std::string Code;
  bool Closed = forEachPiece(
      Template,
      [&](llvm::StringRef Text) {
        Code += Text;
        return true;
      },
      [&](llvm::StringRef Text) {
        std::optional<Slot> S = parseSlot(Text);
        if (S && slotAllowed(S->Kind, K))
          return true;
        llvm::SmallVector<std::string, 8> Names;
        for (const SlotInfo &I : Vocabulary) {
          if (!slotAllowed(I.Kind, K))
            continue;
          if (I.Kind == SlotKind::Via)
            Names.push_back("{via:Type|Type}");
          else if (I.Kind == SlotKind::Arg)
            Names.push_back("{0}, {1}, ...");
          else
            Names.push_back(("{" + I.Spelling + "}").str());
        }
        std::string Allowed = Names.front();
        for (size_t I = 1; I < Names.size(); ++I)
          Allowed += (I + 1 == Names.size() ? " or " : ", ") + Names[I];
        Problem = ("slots " + Allowed + ", not '{" + Text + "}'").str();
        return false;
      });
  if (!Problem.empty())
    return Problem;
  if (!Closed)
    return "a template whose slots are closed, not an unclosed '{'";
  if (!balanced(Code))
    return "a template with balanced brackets";
  return {};
}

std::string checkExpression(llvm::StringRef Code) {
  // Written into the source as it is: one expression on one line.
  if (Code.find_first_of(llvm::StringRef("\0\n\r;#", 5)) !=
      llvm::StringRef::npos)
    return "one expression on one line, without ';' or '#'";
  if (!balanced(Code))
    return "an expression with balanced brackets";
  // Outside brackets and template arguments: no ',' (a list, not an
  // expression), and every '<' after a name closed ('std::vector<int').
  int Depth = 0;
  int Angles = 0;
  for (size_t I = 0; I < Code.size(); ++I) {
    char C = Code[I];
    if (C == '"' || C == '\'') {
      size_t End = I + 1;
      while (End < Code.size() && Code[End] != C)
        End += Code[End] == '\\' ? 2 : 1;
      I = End;
      continue;
    }
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}')
      --Depth;
    else if (C == '<' && I > 0 &&
             (llvm::isAlnum(Code[I - 1]) || Code[I - 1] == '_'))
      ++Angles;
    else if (C == '>' && Angles > 0 && Code.substr(I - 1, 2) != "->")
      --Angles;
    else if (C == ',' && Depth == 0 && Angles == 0)
      return "one expression, not a list";
  }
  if (Angles != 0)
    return "an expression with balanced template arguments";
  return {};
}

} // namespace clang::tidy::async

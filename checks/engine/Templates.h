//===--- Templates.h - async-tidy -------------------------------*- C++ -*-===//
//
// The code templates of fixes, and their slots: one vocabulary shared by the
// catalog's parser (a misspelt slot fails 'async-tidy-catalog check'), the
// fix builder, the OffloadTemplate option and the docs.
//
// A slot is '{' followed by a letter or digit, up to the next '}'; other
// braces are the code's own.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ENGINE_TEMPLATES_H
#define ASYNC_TIDY_ENGINE_TEMPLATES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace clang::tidy::async {

enum class SlotKind : uint8_t {
  Arg,       ///< {0}, {1}...: an argument as written
  Args,      ///< {args}: all arguments as written
  ArgsComma, ///< {args,}: the same followed by ", " unless empty
  Ns,        ///< {ns}: the framework's namespace
  Ec,        ///< {ec}: the error_code argument the call reports into
  Yield,     ///< {yield}: the stackful coroutine's yield_context
  Prefix,    ///< {prefix}: the callee's object or qualifier, 'sock.'
  Object,    ///< {object}: the object of a member call, 'p' of 'p->wait()'
  Via,       ///< {via:T|U}: a scheduler of type T or U the coroutine reaches
  Call,      ///< {call}: the blocking call as written
  Type,      ///< {type}: the call's type
  Pool,      ///< {pool}: option OffloadExecutor
  Home,      ///< {home}: option OffloadHomeExecutor
  Name,      ///< {name}: the callee's name
};

/// Where a template is written; each allows some slots.
enum class TemplateKind : uint8_t {
  SwapCode, ///< a swap rule's 'code'
  Needs,    ///< a name in 'needs' or 'token-needs'
  Offload,  ///< a framework's offload idiom, or option OffloadTemplate
  Token,    ///< a framework's 'token' or 'redirect-error'
  Executor, ///< a framework's 'executor'
  Twin,     ///< an entry's 'async-twin'
};

struct Slot {
  SlotKind Kind;
  /// For Arg: the argument's index; for Via: the types, '|'-separated.
  unsigned Index = 0;
  llvm::StringRef Types;
};

struct SlotInfo {
  SlotKind Kind;
  /// As written between the braces; "0" stands for any argument index and
  /// "via:" for any list of types.
  llvm::StringLiteral Spelling;
  llvm::StringLiteral Meaning;
};

/// The vocabulary, for the docs.
llvm::ArrayRef<SlotInfo> slotVocabulary();
/// What a slot's text ("0", "ns", "via:coro::scheduler") names, if anything.
std::optional<Slot> parseSlot(llvm::StringRef Text);
/// Whether templates of kind K may use slots of kind S.
bool slotAllowed(SlotKind S, TemplateKind K);

/// Fills a template: the text is copied and each slot becomes what Fill
/// returns for it, given the output so far. std::nullopt when a slot is
/// unknown, not closed, or Fill has no value for it.
std::optional<std::string> expandTemplate(
    llvm::StringRef Template,
    llvm::function_ref<std::optional<std::string>(const Slot &S,
                                                  llvm::StringRef Before)>
        Fill);

/// What is wrong with a template of kind K (an unknown slot, one not allowed
/// there, an unclosed '{', unbalanced brackets), or empty if nothing.
std::string checkTemplate(llvm::StringRef Template, TemplateKind K);
/// What an option holding one C++ expression should be, or empty if it is
/// one.
std::string checkExpression(llvm::StringRef Code);

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_ENGINE_TEMPLATES_H

//===--- Frameworks.cpp - async-tidy --------------------------------------===//

#include "Frameworks.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::async {

namespace {
struct FamilyName {
  FrameworkFamily Family;
  llvm::StringLiteral Name;
};
constexpr FamilyName FamilyNames[] = {
    {FrameworkFamily::Generic, "generic"},
    {FrameworkFamily::Asio, "asio"},
    {FrameworkFamily::Cobalt, "cobalt"},
    {FrameworkFamily::Cppcoro, "cppcoro"},
    {FrameworkFamily::Folly, "folly"},
    {FrameworkFamily::Libcoro, "libcoro"},
    {FrameworkFamily::Concurrencpp, "concurrencpp"},
    {FrameworkFamily::Seastar, "seastar"},
    {FrameworkFamily::AsyncSimple, "async_simple"},
    {FrameworkFamily::Stdexec, "stdexec"},
    {FrameworkFamily::Drogon, "drogon"},
    {FrameworkFamily::QCoro, "qcoro"},
    {FrameworkFamily::Unifex, "unifex"},
};

/// Coroutine return types, by the qualified name of their class template.
struct ReturnType {
  llvm::StringLiteral QualifiedName;
  FrameworkFamily Family;
  llvm::StringLiteral Namespace;
};
constexpr ReturnType ReturnTypes[] = {
    {"asio::awaitable", FrameworkFamily::Asio, "asio"},
    {"boost::asio::awaitable", FrameworkFamily::Asio, "boost::asio"},
};
} // namespace

llvm::StringRef familyName(FrameworkFamily F) {
  for (const FamilyName &N : FamilyNames)
    if (N.Family == F)
      return N.Name;
  return "generic";
}

std::optional<FrameworkFamily> parseFamily(llvm::StringRef Name) {
  for (const FamilyName &N : FamilyNames)
    if (N.Name == Name)
      return N.Family;
  return std::nullopt;
}

Framework recogniseFramework(const FunctionDecl &Coroutine) {
  QualType T = Coroutine.getReturnType().getCanonicalType();
  const TemplateDecl *Template = nullptr;
  if (const auto *Spec =
          llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
              T->getAsCXXRecordDecl()))
    Template = Spec->getSpecializedTemplate();
  else if (const auto *TST = T->getAs<TemplateSpecializationType>())
    // A dependent return type in a template's pattern.
    Template = TST->getTemplateName().getAsTemplateDecl();
  if (!Template || !Template->getTemplatedDecl())
    return {};
  // The qualified name skips inline namespaces such as asio's versioned one.
  std::string Name = Template->getTemplatedDecl()->getQualifiedNameAsString();
  for (const ReturnType &R : ReturnTypes)
    if (Name == R.QualifiedName)
      return {R.Family, R.Namespace};
  return {};
}

} // namespace clang::tidy::async

//===--- Frameworks.cpp - async-tidy --------------------------------------===//

#include "Frameworks.h"
#include "Catalog.h"
#include "Templates.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::async {

std::string plainQualifiedName(const DeclContext &DC) {
  llvm::SmallVector<llvm::StringRef, 6> Names;
  for (const DeclContext *C = &DC; C && !C->isTranslationUnit();
       C = C->getParent()) {
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(C))
      if (NS->isInline())
        continue;
    if (llvm::isa<LinkageSpecDecl>(C))
      continue;
    const auto *ND = llvm::dyn_cast<NamedDecl>(C);
    // A specialisation is named after its template; other contexts, such as
    // functions, have no plain name here.
    if (!ND || !ND->getIdentifier() || llvm::isa<FunctionDecl>(ND))
      return {};
    Names.push_back(ND->getName());
  }
  std::string Out;
  for (llvm::StringRef N : llvm::reverse(Names)) {
    if (!Out.empty())
      Out += "::";
    Out += N;
  }
  return Out;
}

std::string plainTypeName(QualType T) {
  if (T.isNull())
    return {};
  T = T.getNonReferenceType().getCanonicalType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return plainQualifiedName(*RD);
  // A dependent return type in a template's pattern.
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      if (const NamedDecl *Templated = TD->getTemplatedDecl())
        if (const auto *DC = llvm::dyn_cast<DeclContext>(Templated))
          return plainQualifiedName(*DC);
  return {};
}

/// Names declared in DC, or brought in by its using-directives (Cobalt's
/// this_coro::executor is Asio's).
static llvm::SmallVector<const NamedDecl *, 2> lookupIn(const DeclContext &DC,
                                                        IdentifierInfo &Name) {
  llvm::SmallVector<const NamedDecl *, 2> Found;
  for (const NamedDecl *ND : DC.lookup(&Name))
    Found.push_back(ND);
  if (!Found.empty())
    return Found;
  auto FromDirectives = [&](const DeclContext &Scope) {
    for (const UsingDirectiveDecl *UD : Scope.using_directives())
      if (const NamespaceDecl *NS = UD->getNominatedNamespace())
        for (const NamedDecl *ND : NS->lookup(&Name))
          Found.push_back(ND);
  };
  if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(&DC))
    for (const NamespaceDecl *Redecl : NS->redecls())
      FromDirectives(*Redecl);
  else
    FromDirectives(DC);
  return Found;
}

llvm::SmallVector<const NamedDecl *, 2> lookupQualified(llvm::StringRef Name,
                                                        const DeclContext &From,
                                                        ASTContext &Ctx) {
  std::vector<std::string> Parts = Catalog::splitQualifiedName(Name);
  const DeclContext *DC = &From;
  for (size_t I = 0; I < Parts.size(); ++I) {
    llvm::SmallVector<const NamedDecl *, 2> Found =
        lookupIn(*DC, Ctx.Idents.get(Parts[I]));
    if (Found.empty() || I + 1 == Parts.size())
      return Found;
    DC = nullptr;
    for (const NamedDecl *ND : Found) {
      if (const auto *Alias = llvm::dyn_cast<NamespaceAliasDecl>(ND))
        ND = Alias->getNamespace();
      // Members of a class template are looked up in its pattern.
      if (const auto *Template = llvm::dyn_cast<ClassTemplateDecl>(ND))
        ND = Template->getTemplatedDecl();
      if (const auto *Inner = llvm::dyn_cast<DeclContext>(ND)) {
        DC = Inner;
        break;
      }
    }
    if (!DC)
      return {};
  }
  return {};
}

bool shadowedAt(llvm::StringRef Name, const DeclContext &From,
                ASTContext &Ctx) {
  std::vector<std::string> Parts = Catalog::splitQualifiedName(Name);
  if (Parts.empty() || Name.trim().starts_with("::"))
    return false;
  IdentifierInfo &First = Ctx.Idents.get(Parts.front());
  for (const DeclContext *DC = &From; DC && !DC->isTranslationUnit();
       DC = DC->getParent())
    if (llvm::isa<NamespaceDecl, RecordDecl>(DC) &&
        !lookupIn(*DC, First).empty())
      return true;
  return false;
}

bool usesDefaultExecutor(const Framework &F, QualType ReturnType,
                         ASTContext &Ctx) {
  if (F.Executor.empty())
    return true;
  const auto *Spec = llvm::dyn_cast_if_present<ClassTemplateSpecializationDecl>(
      ReturnType.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 2 ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return true;
  std::optional<std::string> Name = expandTemplate(
      F.Executor,
      [&](const Slot &S, llvm::StringRef) -> std::optional<std::string> {
        if (S.Kind == SlotKind::Ns)
          return F.Namespace;
        return std::nullopt;
      });
  if (!Name)
    return false;
  for (const NamedDecl *ND :
       lookupQualified(*Name, *Ctx.getTranslationUnitDecl(), Ctx))
    if (const auto *TD = llvm::dyn_cast<TypeDecl>(ND))
      // hasSameType is static from LLVM 22 on, a member before: compare
      // the canonical types, which is what it does.
      return Ctx.getTypeDeclType(TD).getCanonicalType() ==
             Spec->getTemplateArgs()[1].getAsType().getCanonicalType();
  return false;
}

} // namespace clang::tidy::async

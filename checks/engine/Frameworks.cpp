//===--- Frameworks.cpp - async-tidy --------------------------------------===//

#include "Frameworks.h"
#include "Catalog.h"
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

const Framework *recogniseFramework(const FunctionDecl &Coroutine,
                                    const Catalog &Frameworks) {
  std::string Name = plainTypeName(Coroutine.getReturnType());
  return Name.empty() ? nullptr : Frameworks.frameworkOfType(Name);
}

} // namespace clang::tidy::async

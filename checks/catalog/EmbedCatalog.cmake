# Wraps the catalog in a raw string literal (-DINPUT=... -DOUTPUT=...).
file(READ ${INPUT} CONTENT)
string(FIND "${CONTENT}" ")catalog\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )catalog\"")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from blocking-apis.yaml by EmbedCatalog.cmake; do not edit.\n"
  "R\"catalog(${CONTENT})catalog\"\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)

#if 0
#include "unused.h"
#endif

int nothing() { return 0; }

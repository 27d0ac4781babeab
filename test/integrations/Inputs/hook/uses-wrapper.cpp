#include "wrapper.h"

int answer() { return 42; }

#include "api.h"

void fetch_one() { sleep(1); }

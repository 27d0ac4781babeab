#include "api.h"

static void wait_a_bit() { sleep(2); }

void fetch_two() { wait_a_bit(); }

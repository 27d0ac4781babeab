// Includes blocking.h: a file including this one includes that one too.
#pragma once
#include "blocking.h"

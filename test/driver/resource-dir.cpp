// async-tidy finds clang's builtin headers (stddef.h, stdarg.h) without help,
// although it does not live next to them.
// RUN: %async-tidy --checks='-*,async-*' %s -- -std=c++20 -I %inputs 2>&1 | FileCheck %s
// CHECK-NOT: error:
// CHECK: warning: 'sleep' sleeps the thread
// CHECK-NOT: error:

// They come from the LLVM it was built with; a resource directory given by
// the user still wins.
// RUN: %async-tidy --checks='-*,async-*' %s -- -std=c++20 -I %inputs -v 2>&1 | FileCheck %s --check-prefix=OURS -DRESOURCE_DIR=%resource_dir
// OURS: #include <...> search starts here:
// OURS: /usr/lib/gcc/{{.*}}
// OURS: {{^}} [[RESOURCE_DIR]]/include{{$}}
// RUN: %async-tidy --checks='-*,async-*' %s -- -std=c++20 -I %inputs -v -resource-dir=/nonexistent 2>&1 | FileCheck %s --check-prefix=USER -DRESOURCE_DIR=%resource_dir
// USER: #include <...> search starts here:
// USER-NOT: [[RESOURCE_DIR]]/include
// USER: End of search list.

#include "task.h"
#include <stdarg.h>
#include <stddef.h>
#include <unistd.h>

using task = test::task<>;

task f(size_t n) {
  sleep(static_cast<unsigned>(n));
  co_return;
}

//===--- annotations.h - async-tidy -----------------------------*- C++ -*-===//
//
// Tells async-tidy which of your functions block and which do not, in code
// that must also build with compilers other than clang:
//
//   ASYNC_TIDY_BLOCKING void flush_to_disk(const Journal &j);
//   ASYNC_TIDY_NONBLOCKING int read(Buffer &b);   // not ::read
//
// Blocking functions are reported by async-blocking-call when called inside
// a coroutine; non-blocking ones are never reported, whatever their name.
// With clang you may use its function effects instead, written after the
// declarator, which also take part in clang's -Wfunction-effects analysis:
//
//   void flush_to_disk(const Journal &j) [[clang::blocking]];
//   int read(Buffer &b) [[clang::nonblocking]];
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_ANNOTATIONS_H
#define ASYNC_TIDY_ANNOTATIONS_H

#if defined(__clang__)
#define ASYNC_TIDY_BLOCKING [[clang::annotate("async_tidy::blocking")]]
#define ASYNC_TIDY_NONBLOCKING [[clang::annotate("async_tidy::nonblocking")]]
#else
#define ASYNC_TIDY_BLOCKING
#define ASYNC_TIDY_NONBLOCKING
#endif

#endif // ASYNC_TIDY_ANNOTATIONS_H

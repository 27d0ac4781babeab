//===--- LockedFile.cpp - async-tidy --------------------------------------===//

#include "LockedFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace clang::tidy::async {

static llvm::Error failure(llvm::StringRef Path, const llvm::Twine &What,
                           int Errno) {
  return llvm::createStringError(
      std::error_code(Errno, std::generic_category()), "cannot %s %s: %s",
      What.str().c_str(), Path.str().c_str(), std::strerror(Errno));
}

static llvm::Error writeWhole(int FD, llvm::StringRef Text,
                              llvm::StringRef Path) {
  while (!Text.empty()) {
    ssize_t N = ::write(FD, Text.data(), Text.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return failure(Path, "write", N < 0 ? errno : ENOSPC);
    Text = Text.drop_front(N);
  }
  return llvm::Error::success();
}

static llvm::Expected<std::string> readWhole(int FD, llvm::StringRef Path) {
  std::string Text;
  char Buffer[65536];
  for (;;) {
    ssize_t N = ::read(FD, Buffer, sizeof(Buffer));
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return failure(Path, "read", errno);
    if (N == 0)
      return Text;
    Text.append(Buffer, N);
  }
}

/// Writes Text to a new file beside Path and renames it over Path. The
/// temporary name is made here rather than by createUniqueFile, which would
/// take a '%' in Path for a placeholder.
static llvm::Error replaceAtomically(llvm::StringRef Path,
                                     llvm::StringRef Text) {
  int TempFD = -1;
  std::string Temp;
  for (unsigned Attempt = 0; TempFD < 0; ++Attempt) {
    Temp =
        (Path + ".tmp-" + llvm::Twine(::getpid()) + "-" + llvm::Twine(Attempt))
            .str();
    TempFD =
        ::open(Temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (TempFD < 0 && (errno != EEXIST || Attempt > 100))
      return failure(Path, "write a temporary file beside", errno);
  }
  llvm::Error Err = writeWhole(TempFD, Text, Temp);
  if (!Err && ::fsync(TempFD) != 0)
    Err = failure(Temp, "flush", errno);
  ::close(TempFD);
  if (!Err && ::rename(Temp.c_str(), Path.str().c_str()) != 0)
    Err = failure(Path, "replace", errno);
  if (Err)
    ::unlink(Temp.c_str());
  return Err;
}

llvm::Error
updateLocked(llvm::StringRef Path,
             llvm::function_ref<std::string(llvm::StringRef Old)> Update,
             std::chrono::seconds Timeout) {
  const std::string File = Path.str();
  struct stat Before;
  if (::stat(File.c_str(), &Before) == 0 && !S_ISREG(Before.st_mode)) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      return failure(Path, "write", EC.value());
    OS << Update("");
    OS.close();
    if (OS.has_error())
      return failure(Path, "write", OS.error().value());
    return llvm::Error::success();
  }
  const auto Deadline = std::chrono::steady_clock::now() + Timeout;
  for (;;) {
    struct stat Existing;
    const bool Created = ::stat(File.c_str(), &Existing) != 0;
    int FD = ::open(File.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (FD < 0)
      return failure(Path, "open", errno);
    while (::flock(FD, LOCK_EX | LOCK_NB) != 0) {
      const int Errno = errno;
      if (Errno == EINTR)
        continue;
      if (Errno != EWOULDBLOCK || std::chrono::steady_clock::now() > Deadline) {
        ::close(FD);
        if (Errno == EWOULDBLOCK)
          return llvm::createStringError(
              std::make_error_code(std::errc::timed_out),
              "cannot write %s: another process has held its lock for %lld "
              "s (a stopped async-tidy?)",
              File.c_str(), static_cast<long long>(Timeout.count()));
        return failure(Path, "lock", Errno);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // The holder before us may have renamed a new file over the one we
    // opened: then lock that one.
    struct stat Held;
    struct stat Now;
    if (::fstat(FD, &Held) != 0 || ::stat(File.c_str(), &Now) != 0 ||
        Held.st_dev != Now.st_dev || Held.st_ino != Now.st_ino) {
      ::close(FD);
      continue;
    }
    llvm::Expected<std::string> Old = readWhole(FD, Path);
    if (!Old) {
      ::close(FD);
      return Old.takeError();
    }
    llvm::Error Err = replaceAtomically(Path, Update(*Old));
    // A failed write leaves no empty file where there was none.
    if (Err && Created && Old->empty())
      ::unlink(File.c_str());
    // Closing releases the lock, after the rename.
    ::close(FD);
    return Err;
  }
}

} // namespace clang::tidy::async

// Qt's blocking waits in QCoro coroutines, against Debian's Qt 6 and QCoro.
// REQUIRES: qcoro
// RUN: %check_async_tidy %s async-blocking-wait,async-blocking-sleep,async-blocking-process,async-blocking-socket %t -- %qt_flags

#include <QCoro/QCoroAbstractSocket>
#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>
#include <QCoro/QCoroTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFuture>
#include <QtCore/QFutureSynchronizer>
#include <QtCore/QFutureWatcher>
#include <QtCore/QProcess>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtCore/QWaitCondition>
#include <QtCore/qtestsupport_core.h>
#include <QtNetwork/QHostInfo>
#include <QtNetwork/QLocalServer>
#include <QtNetwork/QLocalSocket>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

using namespace std::chrono_literals;

QCoro::Task<int> fetch(QTcpSocket &socket, QFuture<int> future) {
  socket.waitForConnected(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'QAbstractSocket::waitForConnected' runs a nested event loop or waits for one inside coroutine 'fetch', stalling every coroutine on its thread [async-blocking-wait]
  socket.waitForReadyRead(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'QAbstractSocket::waitForReadyRead' runs a nested event loop
  QEventLoop loop;
  loop.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QEventLoop::exec' runs a nested event loop
  int value = future.result();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'QFuture::result' runs a nested event loop
  QThread::msleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QThread::msleep' sleeps the thread inside coroutine 'fetch', stalling every coroutine on its thread [async-blocking-sleep]
  QProcess proc;
  proc.start("true", {});
  proc.waitForFinished();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QProcess::waitForFinished' waits for a child process inside coroutine 'fetch', stalling every coroutine on its thread [async-blocking-process]
  // CHECK-FIXES: co_await qCoro(proc).waitForFinished();
  co_return value;
}

QCoro::Task<int> more_waits(QTcpServer &server, QLocalServer &local,
                            QLocalSocket &peer, QSslSocket &tls,
                            QFuture<int> future, QFutureWatcher<int> &watcher) {
  server.waitForNewConnection(-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'QTcpServer::waitForNewConnection' waits for a client to connect inside coroutine 'more_waits', stalling every coroutine on its thread [async-blocking-wait]
  local.waitForNewConnection(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'QLocalServer::waitForNewConnection' waits for a client to connect
  peer.waitForBytesWritten();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QLocalSocket::waitForBytesWritten' runs a nested event loop
  tls.waitForEncrypted();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QSslSocket::waitForEncrypted' runs a nested event loop
  tls.waitForReadyRead(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QSslSocket::waitForReadyRead' runs a nested event loop
  QThreadPool::globalInstance()->waitForDone();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'QThreadPool::waitForDone' runs a nested event loop
  QTest::qWait(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QTest::qWait' runs a nested event loop
  QTest::qSleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QTest::qSleep' sleeps the thread inside coroutine 'more_waits', stalling every coroutine on its thread [async-blocking-sleep]
  int second = future.resultAt(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'QFuture::resultAt' runs a nested event loop
  watcher.waitForFinished();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QFutureWatcher::waitForFinished' runs a nested event loop
  co_return second;
}

QCoro::Task<> threads(QSemaphore &permits, QWaitCondition &ready, QMutex &m,
                      QProcess &proc) {
  permits.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QSemaphore::acquire' waits for another thread inside coroutine 'threads', stalling every coroutine on its thread [async-blocking-wait]
  ready.wait(&m);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'QWaitCondition::wait' waits for another thread
  proc.waitForReadyRead();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QProcess::waitForReadyRead' waits for a child process inside coroutine 'threads', stalling every coroutine on its thread [async-blocking-process]
  QFutureSynchronizer<void> all;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'QFutureSynchronizer::~QFutureSynchronizer' waits for its futures when it goes out of scope inside coroutine 'threads', stalling every coroutine on its thread [async-blocking-wait]
  QHostInfo host = QHostInfo::fromName("example.org");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'QHostInfo::fromName' resolves a name over the network inside coroutine 'threads', stalling every coroutine on its thread [async-blocking-socket]
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

QCoro::Task<int> the_qcoro_way(QTcpSocket &socket, QFuture<int> future) {
  co_await qCoro(socket).waitForConnected(1000ms);
  co_await qCoro(socket).waitForReadyRead(1000ms);
  co_await QCoro::sleepFor(100ms);
  int value = co_await future;
  co_return value + static_cast<int>(socket.bytesAvailable());
}

// Polls: a zero timeout, a server's default, a try.
QCoro::Task<int> polls(QTcpServer &server, QLocalSocket &peer, QSslSocket &tls,
                       QSemaphore &permits, QProcess &proc) {
  server.waitForNewConnection();
  server.waitForNewConnection(0);
  peer.waitForBytesWritten(0);
  tls.waitForReadyRead(0);
  proc.waitForReadyRead(0);
  QThreadPool::globalInstance()->waitForDone(0);
  bool got = permits.tryAcquire();
  QHostInfo::lookupHost("example.org", [](const QHostInfo &) {});
  co_return got ? 1 : 0;
}

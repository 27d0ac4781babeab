// Qt's blocking waits in QCoro coroutines, against Debian's Qt 6 and QCoro.
// REQUIRES: qcoro
// RUN: %check_async_tidy %s async-blocking-wait,async-blocking-sleep,async-blocking-process %t -- %qt_flags

#include <QCoro/QCoroAbstractSocket>
#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>
#include <QCoro/QCoroTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFuture>
#include <QtCore/QProcess>
#include <QtCore/QThread>
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

//===--- Nothing below is reported ----------------------------------------===//

QCoro::Task<int> the_qcoro_way(QTcpSocket &socket, QFuture<int> future) {
  co_await qCoro(socket).waitForConnected(1000ms);
  co_await qCoro(socket).waitForReadyRead(1000ms);
  co_await QCoro::sleepFor(100ms);
  int value = co_await future;
  co_return value + static_cast<int>(socket.bytesAvailable());
}

// QCoro::moveToThread moves a QCoro coroutine onto another thread, against
// Debian's Qt 6 and QCoro 0.8.
// REQUIRES: qcoro
// RUN: %check_async_tidy %s async-blocking-sleep %t -- %qt_flags

#include <QCoro/QCoroTask>
#include <QCoro/QCoroThread>
#include <QtCore/QThread>

QCoro::Task<> work(QThread *worker) {
  QThread::msleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QThread::msleep' sleeps the thread inside coroutine 'work'
  co_await QCoro::moveToThread(worker);
  QThread::msleep(2);
}

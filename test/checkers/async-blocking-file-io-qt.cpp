// Qt's files, directories, settings and SQL in QCoro coroutines, against
// Debian's Qt 6: a QIODevice call blocks on a file, not on a buffer or a
// socket.
// REQUIRES: qcoro
// RUN: %check_async_tidy %s async-blocking-file-io,async-blocking-db %t -- %qt_flags

#include <QCoro/QCoroTask>
#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryFile>
#include <QtNetwork/QTcpSocket>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlRecord>

QCoro::Task<QByteArray> load(const QString &path) {
  QFile file(path);
  file.open(QIODevice::ReadOnly | QIODevice::Text);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QFile::open' opens a file inside coroutine 'load', stalling every coroutine on its thread [async-blocking-file-io]
  QByteArray line = file.readLine();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'QFileDevice::readLine' reads a file inside coroutine 'load'
  char head[16];
  file.read(head, sizeof head);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QFileDevice::read' reads a file
  QByteArray rest = file.readAll();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'QFileDevice::readAll' reads a file
  co_return line + rest;
}

QCoro::Task<> save(QFile *log, const QString &path, const QByteArray &data) {
  log->write(data);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QFileDevice::write' writes a file inside coroutine 'save'
  log->flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QFileDevice::flush' writes a file
  QSaveFile out(path);
  out.open(QIODevice::WriteOnly);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QSaveFile::open' opens a file
  out.write(data);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QFileDevice::write' writes a file
  out.commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QSaveFile::commit' writes a file
  QTemporaryFile scratch;
  scratch.open();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'QTemporaryFile::open' opens a file
  co_return;
}

QCoro::Task<bool> manage(const QString &path) {
  QFile::remove(path + ".old");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::remove' changes the file system inside coroutine 'manage'
  QFile::rename(path, path + ".old");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::rename' changes the file system
  QFile file(path + ".old");
  file.copy(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QFile::copy' changes the file system
  bool there = QFile::exists(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'QFile::exists' queries the file system
  co_return there;
}

QCoro::Task<qint64> inspect(const QString &path) {
  QFileInfo info(path);
  if (!info.exists())
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'QFileInfo::exists' queries the file system inside coroutine 'inspect'
    co_return -1;
  if (info.isDir())
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'QFileInfo::isDir' queries the file system
    co_return 0;
  QDateTime when = info.lastModified();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'QFileInfo::lastModified' queries the file system
  bool file = info.isFile();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'QFileInfo::isFile' queries the file system
  qint64 size = info.size();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'QFileInfo::size' queries the file system
  co_return file && when.isValid() ? size : 0;
}

QCoro::Task<int> directories(const QString &root) {
  QDir dir(root);
  if (!dir.exists())
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'QDir::exists' queries the file system inside coroutine 'directories'
    dir.mkpath(".");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'QDir::mkpath' changes the file system
  dir.mkdir("cache");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QDir::mkdir' changes the file system
  QStringList names = dir.entryList(QDir::Files);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'QDir::entryList' reads a directory
  QFileInfoList infos = dir.entryInfoList();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'QDir::entryInfoList' reads a directory
  QDir(root + "/cache").removeRecursively();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'QDir::removeRecursively' changes the file system
  QDirIterator it(root);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'QDirIterator::QDirIterator' reads a directory
  QString first = it.next();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'QDirIterator::next' reads a directory
  co_return static_cast<int>(names.size() + infos.size() + first.size());
}

QCoro::Task<> settings(QSettings &s) {
  s.setValue("k", 1);
  s.sync();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QSettings::sync' writes the settings file inside coroutine 'settings'
  co_return;
}

QCoro::Task<int> sql(QSqlDatabase db) {
  db.open();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'QSqlDatabase::open' waits for the database inside coroutine 'sql', stalling every coroutine on its thread [async-blocking-db]
  QSqlQuery query(db);
  query.prepare("SELECT id FROM users WHERE name = ?");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'QSqlQuery::prepare' waits for the database
  query.addBindValue("ada");
  query.exec();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'QSqlQuery::exec' waits for the database
  int id = 0;
  while (query.next())
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'QSqlQuery::next' waits for the database
    id = query.value(0).toInt();
  QSqlQuery count("SELECT count(*) FROM users", db);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'QSqlQuery::QSqlQuery' waits for the database
  db.transaction();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'QSqlDatabase::transaction' waits for the database
  db.commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'QSqlDatabase::commit' waits for the database
  co_return id;
}

//===--- Nothing below is reported ----------------------------------------===//

// Path strings, in-memory devices and sockets: no file is touched.
QCoro::Task<QString> names(const QFileInfo &info, const QDir &dir) {
  QString s = info.fileName() + info.suffix() + info.path() + info.baseName() +
              info.completeBaseName() + info.completeSuffix() +
              info.absoluteFilePath() + info.filePath();
  s += dir.path() + dir.absolutePath() + dir.filePath("x") + dir.dirName() +
       QDir::cleanPath(s) + QDir::toNativeSeparators(s);
  QFileInfo other(dir, "x");
  s += other.fileName();
  QFile file;
  file.setFileName(s);
  s += file.fileName();
  co_return s;
}

QCoro::Task<QByteArray> in_memory(QByteArray &bytes, QTcpSocket &socket) {
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::ReadWrite);
  buffer.write("hello");
  buffer.seek(0);
  QByteArray all = buffer.readAll();
  all += buffer.readLine();
  all += socket.readAll();
  all += socket.read(16);
  socket.write(all);
  socket.flush();
  co_return all;
}

// A descriptor or FILE* already open; the same QFile wraps it.
QCoro::Task<> wrapped(QFile &file, int fd, FILE *stream) {
  file.open(fd, QIODevice::ReadOnly);
  file.open(stream, QIODevice::ReadOnly);
  co_return;
}

// Only memory: binding, reading the current row, building the connection.
QCoro::Task<int> sql_in_memory(QSqlQuery &query) {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "mem");
  db.setDatabaseName(":memory:");
  query.bindValue(0, 1);
  QSqlRecord record = query.record();
  QSqlQuery unbound(db);
  QSqlQuery empty;
  co_return record.count() + query.value(0).toInt() +
      static_cast<int>(db.isOpen());
}

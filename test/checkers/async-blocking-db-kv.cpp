// Embedded key-value stores, RocksDB and LevelDB, against Debian's headers:
// reads, writes and iteration wait for the database's files; write batches
// and an iterator's current entry are memory.
// REQUIRES: rocksdb, leveldb
// RUN: %check_async_tidy %s async-blocking-db %t -- -I %inputs

#include "task.h"
#include <leveldb/db.h>
#include <leveldb/write_batch.h>
#include <memory>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>
#include <string>

using test::task;

task<std::string> rocks(const std::string &path) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB *db = nullptr;
  rocksdb::DB::Open(options, path, &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rocksdb::DB::Open' waits for the database's files inside coroutine 'rocks', stalling every coroutine on its thread [async-blocking-db]
  std::string value;
  db->Get(rocksdb::ReadOptions(), "k", &value);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rocksdb::DB::Get' waits for the database's files
  db->Put(rocksdb::WriteOptions(), "k", "v");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rocksdb::DB::Put' waits for the database's files
  db->Delete(rocksdb::WriteOptions(), "old");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rocksdb::DB::Delete' waits for the database's files
  rocksdb::WriteBatch batch;
  batch.Put("a", "1");
  batch.Delete("b");
  db->Write(rocksdb::WriteOptions(), &batch);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rocksdb::DB::Write' waits for the database's files
  db->Flush(rocksdb::FlushOptions());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rocksdb::DB::Flush' waits for the database's files
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek("a"); it->Valid(); it->Next())
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'rocksdb::Iterator::Seek' waits for the database's files
    // CHECK-MESSAGES: :[[@LINE-2]]:40: warning: 'rocksdb::Iterator::Next' waits for the database's files
    value += it->key().ToString() + it->value().ToString();
  co_return value;
}

task<std::string> level(const std::string &path) {
  leveldb::Options options;
  leveldb::DB *db = nullptr;
  leveldb::DB::Open(options, path, &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'leveldb::DB::Open' waits for the database's files inside coroutine 'level'
  std::string value;
  db->Get(leveldb::ReadOptions(), "k", &value);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'leveldb::DB::Get' waits for the database's files
  db->Put(leveldb::WriteOptions(), "k", "v");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'leveldb::DB::Put' waits for the database's files
  leveldb::WriteBatch batch;
  batch.Put("a", "1");
  db->Write(leveldb::WriteOptions(), &batch);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'leveldb::DB::Write' waits for the database's files
  leveldb::Iterator *it = db->NewIterator(leveldb::ReadOptions());
  it->SeekToFirst();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'leveldb::Iterator::SeekToFirst' waits for the database's files
  if (it->Valid())
    value = it->value().ToString();
  delete it;
  co_return value;
}

//===--- Nothing below is reported ----------------------------------------===//

// Batches, options, snapshots and the current entry are memory.
task<bool> memory_only(rocksdb::DB *db, rocksdb::Iterator *it,
                       leveldb::DB *ldb) {
  rocksdb::WriteBatch batch;
  batch.Put("a", "1");
  batch.Delete("b");
  batch.Merge("c", "2");
  const rocksdb::Snapshot *snap = db->GetSnapshot();
  db->ReleaseSnapshot(snap);
  leveldb::WriteBatch lbatch;
  lbatch.Put("a", "1");
  lbatch.Delete("b");
  const leveldb::Snapshot *lsnap = ldb->GetSnapshot();
  ldb->ReleaseSnapshot(lsnap);
  co_return it->Valid() && it->key().size() + it->value().size() > 0 &&
      it->status().ok();
}

// C database clients: libpq, SQLite, hiredis, MariaDB, MongoDB, librdkafka.
// REQUIRES: db-clients
// RUN: %check_async_tidy %s async-blocking-db %t -- -I %inputs -I/usr/include/postgresql -I/usr/include/mariadb -I/usr/include/libmongoc-1.0 -I/usr/include/libbson-1.0

#include "task.h"
#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <librdkafka/rdkafka.h>
#include <mongoc/mongoc.h>
#include <mysql.h>
#include <sqlite3.h>

using test::task;

task<int> postgres(const char *dsn) {
  PGconn *conn = PQconnectdb(dsn);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'PQconnectdb' waits for the PostgreSQL server inside coroutine 'postgres', stalling every coroutine on its thread [async-blocking-db]
  PGresult *res = PQexec(conn, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'PQexec' waits for the PostgreSQL server
  const char *params[] = {"1"};
  PQexecParams(conn, "SELECT $1", 1, nullptr, params, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PQexecParams' waits for the PostgreSQL server
  PQprepare(conn, "q", "SELECT 1", 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PQprepare' waits for the PostgreSQL server
  PQgetResult(conn);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PQgetResult' waits for the PostgreSQL server
  char *copy;
  PQgetCopyData(conn, &copy, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PQgetCopyData' waits for the PostgreSQL server
  co_await test::yield();
  co_return PQntuples(res);
}

task<> sqlite(const char *path) {
  sqlite3 *db;
  sqlite3_open(path, &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sqlite3_open' waits for the database file
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sqlite3_exec' waits for the database file
  sqlite3_stmt *stmt;
  sqlite3_prepare_v2(db, "SELECT x FROM t", -1, &stmt, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sqlite3_prepare_v2' waits for the database file
  while (sqlite3_step(stmt) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'sqlite3_step' waits for the database file
    sqlite3_column_int(stmt, 0);
  co_return;
}

task<> redis(const char *key) {
  redisContext *c = redisConnect("127.0.0.1", 6379);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'redisConnect' waits for the Redis server
  auto *reply = static_cast<redisReply *>(redisCommand(c, "GET %s", key));
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'redisCommand' waits for the Redis server
  void *next;
  redisGetReply(c, &next);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'redisGetReply' waits for the Redis server
  freeReplyObject(reply);
  co_return;
}

task<> mariadb(MYSQL *db) {
  mysql_real_connect(db, "localhost", "u", "p", "d", 0, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mysql_real_connect' waits for the MySQL server
  mysql_query(db, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mysql_query' waits for the MySQL server
  MYSQL_RES *res = mysql_store_result(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'mysql_store_result' waits for the MySQL server
  mysql_free_result(res);
  co_return;
}

task<> mongo(mongoc_collection_t *coll, const bson_t *doc) {
  bson_error_t error;
  mongoc_collection_insert_one(coll, doc, nullptr, nullptr, &error);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mongoc_collection_insert_one' waits for the MongoDB server
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, doc, nullptr, nullptr);
  const bson_t *found;
  while (mongoc_cursor_next(cursor, &found))
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'mongoc_cursor_next' waits for the MongoDB server
    ;
  co_return;
}

task<> kafka(rd_kafka_t *rk) {
  rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'rd_kafka_consumer_poll' waits for the Kafka broker
  rd_kafka_flush(rk, 5000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rd_kafka_flush' waits for the Kafka broker
  rd_kafka_poll(rk, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rd_kafka_poll' waits for the Kafka broker
  rd_kafka_message_destroy(m);
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> memory_only(PGconn *conn, PGresult *res, sqlite3_stmt *stmt,
                   redisContext *c, rd_kafka_t *rk) {
  // libpq: results, escaping and the asynchronous API.
  PQntuples(res);
  PQgetvalue(res, 0, 0);
  char *lit = PQescapeLiteral(conn, "x", 1);
  PQfreemem(lit);
  PQsendQuery(conn, "SELECT 1");
  PQconsumeInput(conn);
  PQisBusy(conn);
  char *copy;
  PQgetCopyData(conn, &copy, 1);
  // SQLite: columns and bindings.
  sqlite3_column_int(stmt, 0);
  sqlite3_bind_int(stmt, 1, 42);
  // hiredis: formatting and buffering a command.
  char *cmd;
  redisFormatCommand(&cmd, "GET %s", "k");
  redisAppendCommand(c, "GET %s", "k");
  // librdkafka with a zero timeout.
  rd_kafka_poll(rk, 0);
  rd_kafka_consumer_poll(rk, 0);
  co_return;
}

void not_a_coroutine(const char *dsn) { PQexec(PQconnectdb(dsn), "SELECT 1"); }

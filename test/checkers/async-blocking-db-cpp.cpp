// C++ database clients: libpqxx 6, SQLiteCpp, SOCI, MySQL Connector/C++.
// REQUIRES: db-clients
// RUN: %check_async_tidy %s async-blocking-db %t -- -I %inputs -isystem %unpacked -I/usr/include/postgresql

#include "task.h"
#include <SQLiteCpp/SQLiteCpp.h>
#include <cppconn/driver.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <pqxx/pqxx>
#include <soci/soci.h>

using test::task;

task<int> pqxx_client() {
  pqxx::connection conn("dbname=app");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::basic_connection_base::basic_connection_base' waits for the PostgreSQL server inside coroutine 'pqxx_client', stalling every coroutine on its thread [async-blocking-db]
  pqxx::work tx(conn);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'pqxx::transaction::transaction' waits for the PostgreSQL server
  pqxx::result r = tx.exec("SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'pqxx::transaction_base::exec' waits for the PostgreSQL server
  tx.exec_params("SELECT $1", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'pqxx::transaction_base::exec_params' waits for the PostgreSQL server
  tx.commit();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'pqxx::transaction_base::commit' waits for the PostgreSQL server
  co_await test::yield();
  co_return r[0][0].as<int>();
}

task<> sqlitecpp(const std::string &path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'SQLite::Database::Database' waits for the database file
  db.exec("CREATE TABLE IF NOT EXISTS t(x)");
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'SQLite::Database::exec' waits for the database file
  SQLite::Statement query(db, "SELECT x FROM t");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'SQLite::Statement::Statement' waits for the database file
  while (query.executeStep())
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'SQLite::Statement::executeStep' waits for the database file
    query.getColumn(0).getInt();
  co_return;
}

task<> soci_client() {
  soci::session sql("postgresql", "dbname=app");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'soci::session::session' waits for the database server
  int count = 0;
  sql << "SELECT count(*) FROM t", soci::into(count);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'soci::session::operator<<' waits for the database server
  co_return;
}

task<> connector(sql::Driver *driver) {
  sql::Connection *con = driver->connect("tcp://127.0.0.1:3306", "u", "p");
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'sql::Driver::connect' waits for the MySQL server
  sql::Statement *stmt = con->createStatement();
  sql::ResultSet *res = stmt->executeQuery("SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'sql::Statement::executeQuery' waits for the MySQL server
  while (res->next())
    res->getInt(1);
  co_return;
}

//===--- Nothing below is reported ----------------------------------------===//

task<> memory_only(pqxx::result &r, SQLite::Statement &query) {
  // Reading a result already fetched.
  r.size();
  r[0][0].c_str();
  query.getColumnCount();
  query.bind(1, 42);
  co_return;
}

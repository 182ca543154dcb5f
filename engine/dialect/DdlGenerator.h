#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/TableInfo.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// CREATE TABLE, index and foreign-key statements for a TableInfo in each target dialect, with
// no loss of precision:
//
//   normalized      SQLite                   PostgreSQL          MySQL/MariaDB
//   integer         INTEGER                  bigint              BIGINT
//   decimal(p,s)    DECIMAL(p,s) if p<=15,   numeric(p,s)        DECIMAL(p,s) (no p: 65,30)
//                   else DECIMAL_TEXT(p,s)
//   real            REAL                     double precision    DOUBLE
//   text(n)         VARCHAR(n) / TEXT        varchar(n) / text   VARCHAR(n) up to 1000, else
//                                                                TEXT types (key: VARCHAR(768))
//   boolean         BOOLEAN                  boolean             BOOLEAN (tinyint(1))
//   date            DATE                     date                DATE
//   time            TIME                     time (microseconds) TIME(6)
//   timestamp       TIMESTAMP                timestamp (micro)   DATETIME(6)
//   timestamptz     TIMESTAMPTZ              timestamptz         DATETIME(6) holding UTC
//   uuid            UUID                     uuid                CHAR(36)
//   json            JSON                     jsonb               JSON
//   blob            BLOB                     bytea               LONGBLOB
//   unknown         (no type)                text                LONGTEXT
//
// SQLite gives DECIMAL columns NUMERIC affinity, which keeps 15 significant digits: wider
// decimals get a TEXT-affinity type so their digits survive (it reads back as text). MySQL has no
// timestamp with time zone (its TIMESTAMP ends in 2038): timestamptz values are stored as UTC in a
// DATETIME(6), and read back as timestamp. Temporal types keep microseconds everywhere.
//
// Defaults are written only when they are constants the column's type holds (DefaultLiteral:
// numbers, quoted strings, TRUE/FALSE, ISO dates, CURRENT_TIMESTAMP for timestamps, NULL);
// function calls, sequences and constants of the wrong type are left out. An auto-increment
// integer leading the primary key becomes an identity (PostgreSQL, BY DEFAULT: the run copies the
// key values, and TargetPreparer::afterLoad moves the sequence past them) or AUTO_INCREMENT
// (MySQL, which moves past inserted values itself). Identifiers are quoted with SqlDialect.
class DdlGenerator
{
public:
    static QString columnType(const ColumnInfo &column, ConnectionSpec::Kind kind,
                              bool usedInKey = false);
    // The type the target reports for a column created with columnType(): what validation, the
    // run and reconciliation see once the table exists (MySQL keeps a timestamptz as DATETIME,
    // so a timestamp; a long text in a MySQL key is VARCHAR(255), ...).
    static NormalizedType typeAsCreated(const TableInfo &table, const ColumnInfo &column,
                                        ConnectionSpec::Kind kind);
    // Whether the column is created as an identity (PostgreSQL) or AUTO_INCREMENT (MySQL).
    static bool isIdentity(const TableInfo &table, const ColumnInfo &column);
    // The default clause's literal, when the column's default is portable.
    static std::optional<QString> portableDefault(const ColumnInfo &column,
                                                  ConnectionSpec::Kind kind);
    // CREATE TABLE with columns, primary key, unique constraints, (optionally) foreign keys and
    // CHECK constraints (their SQL as the table holds it: in the target's dialect).
    static QString createTable(const TableInfo &table, ConnectionSpec::Kind kind,
                               bool withForeignKeys = true);
    // Secondary indexes (unique or not, but not unique constraints), one statement each, with
    // their expression terms and the WHERE of a partial index (not on MySQL, which has none).
    static QStringList createIndexes(const TableInfo &table, ConnectionSpec::Kind kind);
    static QList<IndexInfo> secondaryIndexes(const TableInfo &table);
    // ifNotExists: CREATE INDEX IF NOT EXISTS (SQLite, PostgreSQL, MariaDB; not MySQL 8).
    static QString createIndex(const TableInfo &table, const IndexInfo &index,
                               ConnectionSpec::Kind kind, bool ifNotExists = false);
    static QString dropIndex(const TableInfo &table, const IndexInfo &index,
                             ConnectionSpec::Kind kind);
    static QString indexName(const TableInfo &table, const IndexInfo &index);
    static QString foreignKeyName(const TableInfo &table, const ForeignKeyInfo &key);
    static QString addForeignKey(const TableInfo &table, const ForeignKeyInfo &key,
                                 ConnectionSpec::Kind kind);
    static QString dropForeignKey(const TableInfo &table, const ForeignKeyInfo &key,
                                  ConnectionSpec::Kind kind);

private:
    static QString sqliteType(const NormalizedType &type);
    static QString postgresType(const NormalizedType &type);
    static QString mySqlType(const NormalizedType &type, bool usedInKey);
    static QString columnDefinition(const TableInfo &table, const ColumnInfo &column,
                                    ConnectionSpec::Kind kind);
    static QString foreignKeyClause(const TableInfo &table, const ForeignKeyInfo &key,
                                    ConnectionSpec::Kind kind);
    static bool isKeyColumn(const TableInfo &table, const QString &column);
    static QStringList checkClauses(const TableInfo &table, ConnectionSpec::Kind kind);
    static QString indexTerms(const IndexInfo &index, ConnectionSpec::Kind kind);
    static QString whereClause(const IndexInfo &index, ConnectionSpec::Kind kind);
};

} // namespace cutover

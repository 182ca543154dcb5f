#pragma once

#include "core/Error.h"
#include "run/target/TargetSession.h"
#include "schema/TableInfo.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <optional>

namespace cutover::test {

// The checks every TargetSession must pass, whatever its backend: a table with an awkward name
// and awkward column names holding every normalized type, round trips, upsert, rollback, bound
// parameters, a large insert and a lost connection. Each suite opens its own session (a file, a
// throwaway server) and calls one check a slot, in the order below (each check builds on the rows
// the previous ones left):
//
//     const QString failure = m_conformance.upsertChangesOnlyTheRightRows();
//     QVERIFY2(failure.isEmpty(), qPrintable(failure));
//
// A check returns an empty string when it passes, otherwise what failed (the line in
// TargetSessionConformance.cpp, the check, then the condition or the two values compared: see
// ConformanceCheck.h); it stops at the first failure.
class TargetSessionConformance
{
public:
    // Lets a backend spell the expected value of one cell as it reads back (want) or convert what
    // it read (got). Returns an empty string, or what failed when the backend checks the cell
    // itself (it then sets want to got).
    using CellAdjuster = std::function<QString(int column, QVariant &want, QVariant &got)>;

    TargetSessionConformance() = default;

    // The session under test; owned by the suite, alive while the checks run.
    void setSession(TargetSession *session) { m_session = session; }
    // The expressions readAll() selects, one a column of table() (default: all as stored).
    void setSelectList(const QStringList &expressions) { m_selectList = expressions; }

    // "select "odd" table" and its columns: every normalized type, names that need quoting.
    static QString tableName();
    static TableInfo table();
    static QStringList columns();
    // Three rows of table(): edge values, non-ASCII and escaping traps, then all NULL.
    static QList<QVariantList> rows();

    // The rows of table(), ordered by key; empty (and a warning) when the query fails.
    QList<QVariantList> readAll() const;
    // COUNT(*) of a table, -1 when the query fails.
    qint64 count(const QString &tableName) const;

    // Creates table() with the DDL of the session's kind.
    QString createTable();
    // Inserts rows() in a transaction and reads every cell back unchanged.
    QString roundTripsEveryType(const CellAdjuster &adjust = {});
    // Upserts changed and new rows, then key columns only; other rows and columns stay.
    QString upsertChangesOnlyTheRightRows();
    // A rolled back insert leaves nothing; a failing row names the table.
    QString rollbackLeavesNothing();
    // Binds a value and a NULL (nullTest: the dialect's "? IS NULL"); a bad statement fails, with
    // badStatementCode when given.
    QString executeAndQueryBindParameters(const QString &nullTest,
                                          std::optional<Error::Code> badStatementCode = {});
    // Creates table "big" with createSql and inserts 50,000 rows in one transaction.
    QString largeInsertCompletes(const QString &createSql);
    // After the suite killed the session's connection, an insert fails as a lost connection;
    // the error does not show secret when given.
    QString lostConnectionIsReportedAsSuch(const QString &secret = {});

private:
    TargetSession *m_session = nullptr;
    QStringList m_selectList;
};

} // namespace cutover::test

#pragma once

#include "transform/rules/TargetUniqueValues.h"

namespace cutover {

// TargetUniqueValues from the rows in a target table with a one-column primary key: "SELECT the
// columns, the key FROM table WHERE first IN (...)", Chunk values a query. Keys compare as text:
// integers, texts and UUIDs (which QPSQL reads as QUuid) read back as the batches have them.
// Uses the named QSqlDatabase connection, which belongs to the thread that opened it: create and
// use the lookup on that thread only.
class SqlUniqueLookup : public TargetUniqueValues
{
public:
    static constexpr int Chunk = 250;

    // indexed: the columns the target finds rows by (a rule led by another column is answered
    // with nothing, rather than with a scan of the table per batch).
    SqlUniqueLookup(QString connectionName, QString table, QString keyColumn, QStringList indexed);
    Result<Owners> owners(const QStringList &columns, const QVariantList &firstValues) override;

private:
    Result<void> fetch(const QStringList &columns, const QVariantList &values, Owners &out) const;

    QString m_connectionName;
    QString m_table;
    QString m_keyColumn;
    QStringList m_indexed;
};

} // namespace cutover

#pragma once

#include "automap/SampleProvider.h"

#include <QHash>

namespace cutover {

class SqlConnection;

// Reads sample values from an open SqlConnection: SELECT col FROM table WHERE col IS NOT NULL
// LIMIT n, with quoted identifiers. Results are cached per column. The connection must outlive
// the provider and be used on the thread that opened it.
class SqlSampleProvider : public SampleProvider
{
public:
    explicit SqlSampleProvider(SqlConnection &connection);
    Result<QStringList> values(const QString &table, const QString &column, int limit) override;

private:
    Result<QStringList> read(const QString &table, const QString &column, int limit) const;

    SqlConnection &m_connection;
    QHash<QString, QStringList> m_cache;
};

} // namespace cutover

#pragma once

#include "ReferenceLookup.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <map>
#include <memory>

namespace cutover {

// Answers reference-exists rules from the rows already in the target database, with one
// prepared "SELECT 1 FROM t WHERE c = ? LIMIT 1" per table.column. Values found are cached
// (up to CacheLimit per column, then the cache starts over); values not found are asked again,
// since this run may load them meanwhile. Uses the named QSqlDatabase connection, which belongs
// to the thread that opened it: create and use the lookup on that thread only, and destroy it
// before the connection is removed (it holds prepared queries).
class SqlReferenceLookup : public ReferenceLookup
{
public:
    static constexpr qsizetype CacheLimit = 1'000'000;

    explicit SqlReferenceLookup(QString connectionName);
    Result<bool> exists(const QString &table, const QString &column,
                        const QVariant &value) override;

private:
    Result<QSqlQuery *> queryFor(const QString &table, const QString &column);

    QString m_connectionName;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries; // by "table\x1fcolumn"
    QHash<QString, QSet<QString>> m_found;                   // by "table\x1fcolumn"
};

} // namespace cutover

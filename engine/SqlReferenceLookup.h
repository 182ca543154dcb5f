#pragma once

#include "ReferenceLookup.h"
#include "RunReferenceIndex.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <map>
#include <memory>

namespace cutover {

// Answers reference-exists rules from the rows already in the target database, with one
// prepared "SELECT 1 FROM t WHERE c = ? LIMIT 1" per table.column. Values found are cached
// (up to CacheLimit per column, then the cache starts over). Values not found are cached too
// when the caller says so (rememberMissing): right when nothing writes the referenced rows
// meanwhile, or when a RunReferenceIndex that sees every row the run writes is asked first (a
// run: parents load before their children; a self-reference loaded later is in the index).
// Without it the orphans of a run were asked again in every batch. Uses the named QSqlDatabase
// connection, which belongs
// to the thread that opened it: create and use the lookup on that thread only, and destroy it
// before the connection is removed (it holds prepared queries).
class SqlReferenceLookup : public ReferenceLookup
{
public:
    static constexpr qsizetype CacheLimit = 1'000'000;

    enum class Missing
    {
        AskAgain,
        Remember
    };
    explicit SqlReferenceLookup(QString connectionName, Missing missing = Missing::AskAgain);
    Result<bool> exists(const QString &table, const QString &column,
                        const QVariant &value) override;

private:
    Result<QSqlQuery *> queryFor(const QString &table, const QString &column);

    QString m_connectionName;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries; // by "table\x1fcolumn"
    QHash<QString, QSet<QString>> m_found;                   // by "table\x1fcolumn"
    QHash<QString, CompactKeySet> m_missing;                 // by "table\x1fcolumn"
    Missing m_missingPolicy;
};

} // namespace cutover

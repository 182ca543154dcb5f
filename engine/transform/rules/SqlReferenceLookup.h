#pragma once

#include "transform/rules/ReferenceLookup.h"
#include "transform/rules/RunReferenceIndex.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <functional>
#include <map>
#include <memory>

namespace cutover {

// Answers reference-exists rules from the rows already in the target database. A batch's values
// are prefetched with "SELECT c FROM t WHERE c IN (?, ...)", PrefetchChunk values a query; what
// that found is kept until the next batch's prefetch, so memory stays bounded by the batch. A
// value asked without a prefetch, or that the prefetch did not find, is asked on its own with
// "SELECT 1 FROM t WHERE c = ? LIMIT 1" and cached (up to CacheLimit per column). Values not found
// are cached too when the caller says so (rememberMissing): right when nothing writes the
// referenced rows meanwhile, or when a RunReferenceIndex that sees every row the run writes is
// asked first (a run: parents load before their children; a self-reference loaded later is in the
// index). Without it the orphans of a run were asked again in every batch. Uses the named
// QSqlDatabase connection, which belongs to the thread that opened it: create and use the lookup on
// that thread only, and destroy it before the connection is removed (it holds prepared queries).
class SqlReferenceLookup : public ReferenceLookup
{
public:
    static constexpr qsizetype CacheLimit = 100'000;
    static constexpr int PrefetchChunk = 250;

    enum class Missing
    {
        AskAgain,
        Remember
    };
    explicit SqlReferenceLookup(QString connectionName, Missing missing = Missing::AskAgain);
    Result<bool> exists(const QString &table, const QString &column,
                        const QVariant &value) override;
    Result<void> prefetch(const QString &table, const QString &column,
                          const QVariantList &values) override;
    // Tables that held no row before the run, whose rows a lookup asked earlier knows all of:
    // a value it did not find is not there, and the database is not asked.
    void skipTables(const QStringList &tables) { m_skipped = tables; }

private:
    using Queries = std::map<QString, std::unique_ptr<QSqlQuery>>; // by "table\x1fcolumn"
    using SqlOf = std::function<QString(const QString &table, const QString &column)>;

    Result<QSqlQuery *> prepared(Queries &queries, const QString &table, const QString &column,
                                 const SqlOf &sqlOf);
    Result<QSqlQuery *> queryFor(const QString &table, const QString &column);
    Result<QSqlQuery *> prefetchQueryFor(const QString &table, const QString &column);
    Result<void> fetchChunk(QSqlQuery &query, const QVariantList &values, qsizetype first,
                            const QString &table, const QString &column, QSet<QString> &found);
    void rememberMissing(const QString &key, const QString &text);

    QString m_connectionName;
    Queries m_queries;
    Queries m_prefetchQueries;
    QHash<QString, QSet<QString>> m_found;   // by "table\x1fcolumn"
    QHash<QString, CompactKeySet> m_missing; // by "table\x1fcolumn"
    Missing m_missingPolicy;
    QStringList m_skipped;
};

} // namespace cutover

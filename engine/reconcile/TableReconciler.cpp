#include "reconcile/TableReconciler.h"

#include "reconcile/ColumnProfiler.h"
#include "reconcile/DigestProofStrategy.h"
#include "reconcile/ExactMergeStrategy.h"
#include "reconcile/ReconcileContext.h"
#include "reconcile/SegmentChecksumStrategy.h"
#include "reconcile/TargetChecks.h"
#include "source/SourceCounter.h"

#include <QElapsedTimer>

namespace cutover {

namespace {

// The primary key; else the project's reconcile.keys for the table; else the first unique
// constraint.
QStringList keyOf(const TableInfo &target, const QStringList &configured)
{
    if (!target.primaryKey.isEmpty())
        return target.primaryKey;
    if (!configured.isEmpty())
        return configured;
    const QList<IndexInfo> unique = target.uniqueConstraints();
    return unique.isEmpty() ? QStringList() : unique.first().columns;
}

} // namespace

TableReconciler::TableReconciler(Setup setup)
    : m_context(std::make_unique<ReconcileContext>(std::move(setup)))
{}

TableReconciler::~TableReconciler() = default;

Result<TableReconciliation> TableReconciler::run()
{
    QElapsedTimer clock;
    clock.start();
    nameTable();
    chooseColumns();
    if (auto ok = countSource(); !ok)
        return ok.error();
    TargetChecks checks(*m_context);
    auto proven = DigestProofStrategy(*m_context).run();
    if (!proven)
        return proven.error();
    if (!*proven)
        if (auto ok = compareEveryRow(checks); !ok)
            return ok.error();
    if (auto ok = checks.findOrphans(); !ok)
        return ok.error();
    m_context->result.durationMs = clock.elapsed();
    return m_context->result;
}

void TableReconciler::nameTable()
{
    const TableMapping &mapping = *m_context->setup.mapping;
    m_context->result.table = mapping.target;
    m_context->result.source = mapping.source.isEmpty() ? QStringLiteral("query") : mapping.source;
}

Result<void> TableReconciler::compareEveryRow(TargetChecks &checks)
{
    ExactMergeStrategy merge(*m_context, checks);
    if (SegmentChecksumStrategy::applies(*m_context))
        return SegmentChecksumStrategy(*m_context, merge).run();
    return merge.run();
}

// Compared: the target columns the mapping fills. Matched by the target's primary key when the
// mapping fills all of it.
void TableReconciler::chooseColumns()
{
    chooseComparers();
    chooseKey();
    m_context->expectedProfile = std::make_unique<ColumnProfiler>(m_context->comparers);
    m_context->targetProfile = std::make_unique<ColumnProfiler>(m_context->comparers);
}

void TableReconciler::chooseComparers()
{
    const TableReconciler::Setup &setup = m_context->setup;
    const TableMapping &mapping = *setup.mapping;
    QHash<QString, ColumnCompareOverride> overrides;
    for (auto it = setup.project->reconcile.columns.cbegin();
         it != setup.project->reconcile.columns.cend(); ++it)
        overrides.insert(it.key(), it.value());
    for (const ColumnInfo &column : setup.target.columns) {
        const ColumnMapping *mapped = mapping.column(column.name);
        if (!mapped || mapped->expression.trimmed().isEmpty())
            continue;
        const ValueComparer comparer(
            column, setup.targetSpec.kind(),
            overrides.value(mapping.target + QLatin1Char('.') + column.name));
        m_context->comparers.append(comparer);
        ColumnComparisonSummary summary;
        summary.column = column.name;
        summary.type = column.type.toString();
        summary.rule = comparer.describe();
        summary.sensitive = mapped->sensitive;
        m_context->result.columns.append(summary);
    }
}

void TableReconciler::chooseKey()
{
    const TableReconciler::Setup &setup = m_context->setup;
    TableReconciliation &result = m_context->result;
    const QStringList keyColumns =
        keyOf(setup.target, setup.project->reconcile.keys.value(setup.mapping->target));
    m_context->keyColumns = m_context->comparedIndexes(keyColumns);
    if (m_context->keyColumns.isEmpty()) {
        matchWholeRows();
        return;
    }
    result.method = QStringLiteral("exact merge");
    result.key = keyColumns;
    if (setup.target.primaryKey.isEmpty())
        result.notes.append(
            QStringLiteral("the target table has no primary key: rows are matched by %1")
                .arg(keyColumns.join(QStringLiteral(", "))));
}

void TableReconciler::matchWholeRows()
{
    const TableInfo &target = m_context->setup.target;
    TableReconciliation &result = m_context->result;
    result.method = QStringLiteral("row content");
    result.notes.append(
        target.primaryKey.isEmpty()
            ? QStringLiteral("the target table has no primary key: rows are matched by their "
                             "whole content, as a multiset (each copy of a row once), so a "
                             "changed row shows as one missing and one extra")
            : QStringLiteral("the database generates the key (%1): rows are matched by their "
                             "whole content, as a multiset (each copy of a row once), so a "
                             "changed row shows as one missing and one extra")
                  .arg(target.primaryKey.join(QStringLiteral(", "))));
}

Result<void> TableReconciler::countSource()
{
    const TableReconciler::Setup &setup = m_context->setup;
    RowQuery query;
    query.filters = setup.sourceFilters;
    auto counts = SourceCounter::count(*setup.project, *setup.mapping, query, setup.passwords,
                                       setup.cancelled);
    if (!counts)
        return counts.error();
    m_context->result.sourceRows = counts->all;
    m_context->result.skipped = counts->all - counts->selected;
    return {};
}

} // namespace cutover

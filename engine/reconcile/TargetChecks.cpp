#include "reconcile/TargetChecks.h"

#include "core/Violation.h"
#include "reconcile/OrphanFinder.h"
#include "reconcile/ReconcileContext.h"
#include "transform/rules/RuleChecker.h"

#include <QSet>

namespace cutover {

namespace {

constexpr int kFindingSamples = 5;

} // namespace

TargetChecks::TargetChecks(ReconcileContext &context)
    : m_context(context)
{}

Result<std::unique_ptr<RuleChecker>> TargetChecks::createRuleChecker(ReferenceLookup *lookup) const
{
    QList<ReferenceLookup *> lookups;
    if (lookup)
        lookups.append(lookup);
    const TableReconciler::Setup &setup = m_context.setup;
    return RuleChecker::create(setup.target, setup.project->rules, setup.project->lookups, lookups);
}

Result<void> TargetChecks::checkRules(const RowBatch &batch, RuleChecker &checker)
{
    if (checker.ruleCount() == 0)
        return {};
    auto check = checker.checkBatch(batch);
    if (!check)
        return check.error();
    for (const QList<Violation> &violations : std::as_const(check->violations)) {
        QSet<QString> counted; // a row counts once per rule
        for (const Violation &v : violations) {
            if (!v.blocking)
                continue;
            const QString id = v.source + QChar(0x1f) + v.column;
            if (counted.contains(id))
                continue;
            counted.insert(id);
            countViolation(id, v);
        }
    }
    return {};
}

void TargetChecks::countViolation(const QString &id, const Violation &v)
{
    TableReconciliation &result = m_context.result;
    qsizetype index = m_ruleFindings.value(id, -1);
    if (index < 0) {
        index = result.ruleViolations.size();
        m_ruleFindings.insert(id, index);
        result.ruleViolations.append(RuleFinding{v.source, v.column, 0, {}});
    }
    RuleFinding &finding = result.ruleViolations[index];
    ++finding.rows;
    const ColumnMapping *column = m_context.setup.mapping->column(v.column);
    const bool masked = m_context.setup.mask && column && column->sensitive;
    if (finding.samples.size() < kFindingSamples)
        finding.samples.append(masked ? SpoolMerger::kMask : v.value);
}

Result<void> TargetChecks::findDuplicates()
{
    TableReconciliation &result = m_context.result;
    if (result.duplicateKeys > 0)
        result.duplicates.append(
            DuplicateFinding{result.key.join(QStringLiteral(", ")), result.duplicateKeys, {}});
    const TableInfo &target = m_context.setup.target;
    for (const IndexInfo &index : target.uniqueConstraints()) {
        if (index.columns == target.primaryKey)
            continue;
        const QList<int> columns = m_context.comparedIndexes(index.columns);
        if (columns.size() != index.columns.size())
            continue; // a column the mapping does not fill: not spooled
        auto found =
            m_context.spool->duplicates(ReconcileSpool::Side::Actual, columns, kFindingSamples);
        if (!found)
            return found.error();
        if (found->first > 0)
            result.duplicates.append(DuplicateFinding{index.columns.join(QStringLiteral(", ")),
                                                      found->first, found->second});
    }
    return {};
}

Result<void> TargetChecks::findOrphans()
{
    const TableReconciler::Setup &setup = m_context.setup;
    if (!setup.targetDb)
        return {};
    auto orphans = OrphanFinder::find(*setup.targetDb, setup.targetSpec.kind(), setup.target);
    if (!orphans)
        return orphans.error();
    m_context.result.orphans = *orphans;
    return {};
}

} // namespace cutover

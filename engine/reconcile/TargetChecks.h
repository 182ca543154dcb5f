#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"

#include <QHash>
#include <memory>

namespace cutover {

class ReferenceLookup;
class RuleChecker;
struct ReconcileContext;
struct Violation;

// What is checked on the target itself, whatever the expected rows: the project's rules on the
// target rows read, keys and unique values the spooled target repeats, and foreign keys that
// point at no parent row (OrphanFinder).
class TargetChecks
{
public:
    explicit TargetChecks(ReconcileContext &context);

    // lookup: for the reference rules, on the thread that checks (none: no reference rules).
    Result<std::unique_ptr<RuleChecker>> createRuleChecker(ReferenceLookup *lookup) const;
    // Counts the blocking violations of a batch of target rows, a row once per rule.
    Result<void> checkRules(const RowBatch &batch, RuleChecker &checker);
    // The target side must be spooled.
    Result<void> findDuplicates();
    Result<void> findOrphans();

private:
    void countViolation(const QString &id, const Violation &violation);

    ReconcileContext &m_context;
    QHash<QString, qsizetype> m_ruleFindings; // "rule\x1fcolumn" -> index in ruleViolations
};

} // namespace cutover

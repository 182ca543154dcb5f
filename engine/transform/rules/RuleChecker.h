#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "core/Violation.h"
#include "project/LookupMap.h"
#include "schema/TableInfo.h"
#include "transform/rules/ColumnRule.h"
#include "transform/rules/ReferenceLookup.h"
#include "transform/rules/TargetUniqueValues.h"

#include <QBitArray>
#include <QHash>
#include <QSet>
#include <memory>

namespace cutover {

class TransformProgram;

// Checks converted rows of one target table against the project's rules for that table, batch
// by batch. Every violation carries the rule's name (source), severity (blocking), column, value
// and the rule's message, or a generated reason when the rule has none.
//
// Unique: the values claimed so far in the run are kept exactly, one CompactKeySet of
// canonical texts per unique rule (memory grows with the distinct values: about 25 bytes per
// UUID, or roughly 20 bytes plus the text; 10 million UUIDs take about 250 MB). NULLs never
// collide. Only rows that will load claim their value: a row blocked by an earlier violation (pass
// them in `earlier`) or by any blocking rule of this batch does not, so a quarantined row never
// makes a later good row with the same value a duplicate. Within a batch the first loading row
// wins. Claims are made at check time, so the next batch sees them even before this one is written;
// if the writer then fails to load some rows, release() gives their values back. A composite
// unique rule names its columns separated by commas ("tenant_id, code"). With setTargetValues,
// the values of the rows the table had before the run count too: a value held there by a row of
// another primary key is a duplicate, whatever the batch's order (a row loaded again keeps its
// own value).
//
// Reference exists: the value must be found by one of the ReferenceLookups (typically a
// RunReferenceIndex for tables loaded by this run, then a SqlReferenceLookup for the target). A
// value none of them found is not asked for again within the same batch (its parent cannot
// arrive in between: the batch's own rows are written after the check, and a parent table
// loads before its children).
//
// Expression rules: one TransformProgram over all the table's columns (a column the mapping
// does not fill reads NULL), one boolean output per rule; 0 (false) breaks the rule, NULL passes
// (SQL CHECK semantics). Decimal values reach the expression as SQLite numbers (as a NUMERIC
// column would hold them), so comparisons such as amount > 0 work.
//
// NOT NULL rules let a NULL pass when the database fills it: the cell is flagged in
// databaseDefaults, or the mapping leaves the column out and it has a database default.
class RuleChecker
{
public:
    // A unique value claimed by a row of a checked batch.
    struct Claim
    {
        int rule = 0;
        qsizetype row = 0;
        QString key;
    };
    struct Check
    {
        QList<QList<Violation>> violations; // one list per row
        QList<Claim> claims;                // unique values the batch's loading rows claimed
    };

    ~RuleChecker();
    RuleChecker(const RuleChecker &) = delete;
    RuleChecker &operator=(const RuleChecker &) = delete;

    // Rules whose table is not table.name are ignored. Fails on a rule that names a missing
    // column, a bad pattern, bound, allowed value or reference, or an expression that does not
    // compile. The lookups must outlive the checker.
    static Result<std::unique_ptr<RuleChecker>> create(const TableInfo &table,
                                                       const QList<Rule> &rules,
                                                       const QList<LookupMap> &lookups,
                                                       const QList<ReferenceLookup *> &references);

    // converted: the RowConverter's values. databaseDefaults (optional, per row and column):
    // cells the database fills. earlier (optional, per row): violations found before the rules
    // (functions, conversion). unclaimed (optional, per row): rows that hold no unique value
    // even when they pass. Fails when a reference lookup or an expression rule fails.
    Result<Check> checkBatch(const RowBatch &converted,
                             const QList<QBitArray> &databaseDefaults = {},
                             const QList<QList<Violation>> &earlier = {},
                             const QBitArray &unclaimed = {});
    // Gives back the unique values of the given rows of a checked batch, which did not load.
    void release(const Check &check, const QList<qsizetype> &rows);
    // The rows the table had before the run, for its unique rules (none when not set). Asked a
    // batch at a time; the table's primary key must be one column of the batches.
    void setTargetValues(TargetUniqueValues *values) { m_targetValues = values; }
    qsizetype ruleCount() const { return m_rules.size(); }

private:
    struct Checked;
    RuleChecker();
    Result<void> addRule(const Rule &rule, const QList<ReferenceLookup *> &references);
    Result<void> compileExpressions(const QList<LookupMap> &lookups);
    Result<QList<QList<Violation>>> checkExpressions(const RowBatch &converted);
    Result<void> checkRow(const RowBatch &converted, qsizetype row, const QBitArray &defaults,
                          QList<Violation> &out);
    Result<void> prefetchReferences(const RowBatch &converted);
    Result<void> fetchHeldValues(const RowBatch &converted);
    bool heldByAnother(const Checked &checked, const QString &key, const RowBatch &converted,
                       qsizetype row) const;
    Result<void> prefetch(const Checked &checked, QVariantList values);
    Result<bool> referenced(const Checked &checked, const QVariant &value);
    void claimUnique(const RowBatch &converted, qsizetype row, bool takesValues,
                     QList<Violation> &out, Check &check);
    QString uniqueKey(const Checked &checked, const RowBatch &converted, qsizetype row) const;
    Violation violation(const Checked &checked, const QVariant &value, const QString &reason) const;
    // A violation without a value: a rule over the whole row, where no one value broke it.
    Violation rowViolation(const Checked &checked, const QString &reason) const;

    TableInfo m_table;
    QList<std::shared_ptr<Checked>> m_rules;
    QList<ReferenceLookup *> m_references;
    TargetUniqueValues *m_targetValues = nullptr;
    qsizetype m_keyAt = -1; // the primary key's column in the batch being checked, or -1
    std::unique_ptr<TransformProgram> m_program; // expression rules
    QList<int> m_expressionRules;                // m_rules index of each program output
    QHash<QString, qsizetype> m_columnIndex;     // of the batch being checked
};

} // namespace cutover

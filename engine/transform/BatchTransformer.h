#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "project/Project.h"
#include "schema/TableInfo.h"
#include "transform/LoadBatch.h"
#include "transform/OwnKeyPairs.h"
#include "transform/TransformProgram.h"
#include "transform/convert/RowConverter.h"
#include "transform/rules/ReferenceLookup.h"
#include "transform/rules/RuleChecker.h"

#include <QMutex>
#include <QSet>
#include <memory>

namespace cutover {

class KeyRecorder;

// The run's middle stage for one table mapping: runs the mapping's transform program on a
// source batch, converts the values to the target types (RowConverter), checks the project's
// rules (RuleChecker) and splits the batch into the rows that load and the rows quarantined
// with every violation they have. The same steps as preview, on every row. Create it and call
// transform() on one thread; giveBack() and interrupt() may be called from any thread.
class BatchTransformer
{
public:
    struct Setup
    {
        const Project *project = nullptr;
        const TableMapping *mapping = nullptr;
        TableInfo target;
        QStringList sourceColumns;
        QStringList keyColumns;              // source key; empty for a keyless source
        QList<ReferenceLookup *> references; // for reference-exists rules, in order
        KeyRecorder *keyRecorder = nullptr;  // uuid5's pairs; may be null
        // Source keys of rows that hold no unique value even when they pass: in a
        // reconciliation, the rows the runs quarantined never held theirs in the target.
        QSet<QString> unclaimedKeys;
        TargetUniqueValues *targetValues = nullptr; // RuleChecker::setTargetValues; may be null
    };

    static Result<std::unique_ptr<BatchTransformer>> create(const Setup &setup);

    // firstRowNumber: the position of the batch's first row in the whole read (for keyless
    // sources, whose rows are known by position).
    Result<LoadBatch> transform(const RowBatch &source, qint64 batchNo, qint64 firstRowNumber);
    // Rows of an earlier batch that the target refused: their unique values are free again.
    void giveBack(const RuleChecker::Check &check, const QList<qsizetype> &checkRows);
    void interrupt();

private:
    BatchTransformer(const Setup &setup, std::unique_ptr<TransformProgram> program,
                     RowConverter converter, std::unique_ptr<RuleChecker> checker);
    void drainGivenBack();
    QString targetKey(const QStringList &columns, const QVariantList &row) const;
    void recordOwnKeys(const TransformedBatch &transformed);
    QuarantinedRow quarantine(const RowBatch &source, qsizetype row, qint64 rowNumber,
                              const QString &key, QList<Violation> violations) const;

    Setup m_setup;
    std::unique_ptr<TransformProgram> m_program;
    RowConverter m_converter;
    std::unique_ptr<RuleChecker> m_checker;
    QList<int> m_targetKeyColumns; // in the converted batch
    // Between the program and the setup's key recorder when the target key is one output.
    std::unique_ptr<OwnKeyPairs> m_ownKeys;
    QMutex m_givenBackMutex;
    QList<std::pair<RuleChecker::Check, QList<qsizetype>>> m_givenBack;
};

} // namespace cutover

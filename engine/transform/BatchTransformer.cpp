#include "transform/BatchTransformer.h"

#include "core/ValueText.h"
#include "transform/CheckedBatch.h"
#include "transform/SourceKey.h"

namespace cutover {

Result<std::unique_ptr<BatchTransformer>> BatchTransformer::create(const Setup &setup)
{
    const TableMapping &mapping = *setup.mapping;
    QList<TransformProgram::Output> outputs;
    for (const ColumnMapping &c : mapping.columns)
        outputs.append({c.target, c.expression});
    QList<TransformProgram::CompileError> errors;
    auto program =
        TransformProgram::compile(setup.sourceColumns, outputs, setup.project->lookups, &errors);
    if (!program) {
        QStringList messages;
        for (const auto &e : std::as_const(errors))
            messages.append(e.output.isEmpty() ? e.message
                                               : QStringLiteral("%1: %2").arg(e.output, e.message));
        return Error(Error::Code::Validation,
                     QStringLiteral("the mapping of %1 does not compile: %2")
                         .arg(mapping.target, messages.join(QStringLiteral("; "))),
                     mapping.target, QStringLiteral("run 'cutover-cli validate' on the project"));
    }
    const auto targetSpec = setup.project->targetSpec();
    auto converter =
        RowConverter::create(setup.target, mapping.columns,
                             targetSpec ? targetSpec->kind() : ConnectionSpec::Kind::Sqlite);
    if (!converter)
        return converter.error();
    auto checker = RuleChecker::create(setup.target, setup.project->rules, setup.project->lookups,
                                       setup.references);
    if (!checker)
        return checker.error();
    (*checker)->setTargetValues(setup.targetValues);
    return std::unique_ptr<BatchTransformer>(new BatchTransformer(
        setup, std::move(program), std::move(converter.value()), std::move(checker.value())));
}

BatchTransformer::BatchTransformer(const Setup &setup, std::unique_ptr<TransformProgram> program,
                                   RowConverter converter, std::unique_ptr<RuleChecker> checker)
    : m_setup(setup)
    , m_program(std::move(program))
    , m_converter(std::move(converter))
    , m_checker(std::move(checker))
{
    const QStringList outputs = m_program->outputNames();
    for (const QString &key : m_setup.target.primaryKey)
        m_targetKeyColumns.append(int(outputs.indexOf(key)));
    // With a composite or generated key, every pair is kept as before.
    if (m_setup.keyRecorder && m_targetKeyColumns.size() == 1 && m_targetKeyColumns.first() >= 0) {
        m_ownKeys = std::make_unique<OwnKeyPairs>(*m_setup.keyRecorder);
        m_program->setKeyRecorder(m_ownKeys.get());
    } else {
        m_program->setKeyRecorder(m_setup.keyRecorder);
    }
}

void BatchTransformer::recordOwnKeys(const TransformedBatch &transformed)
{
    if (!m_ownKeys || !m_ownKeys->undecided())
        return;
    const int column = m_targetKeyColumns.first();
    QSet<QString> ownKeys;
    ownKeys.reserve(transformed.values.rows.size());
    for (const QVariantList &row : transformed.values.rows)
        ownKeys.insert(row.value(column).toString());
    m_ownKeys->decide(ownKeys);
}

void BatchTransformer::interrupt()
{
    m_program->interrupt();
}

void BatchTransformer::giveBack(const RuleChecker::Check &check, const QList<qsizetype> &checkRows)
{
    QMutexLocker lock(&m_givenBackMutex);
    m_givenBack.append({check, checkRows});
}

void BatchTransformer::drainGivenBack()
{
    QList<std::pair<RuleChecker::Check, QList<qsizetype>>> pending;
    {
        QMutexLocker lock(&m_givenBackMutex);
        pending.swap(m_givenBack);
    }
    for (const auto &[check, rows] : std::as_const(pending))
        m_checker->release(check, rows);
}

// Empty when the target key is not among the mapping's outputs (the database generates it, or
// the table has none): such rows cannot be found by key again.
QString BatchTransformer::targetKey(const QStringList &columns, const QVariantList &row) const
{
    Q_UNUSED(columns);
    if (m_targetKeyColumns.isEmpty() || m_targetKeyColumns.contains(-1))
        return QString();
    if (m_targetKeyColumns.size() == 1)
        return ValueText::of(row.value(m_targetKeyColumns.first()));
    QVariantList parts;
    for (int c : m_targetKeyColumns)
        parts.append(row.value(c));
    return SourceKey::toJson(parts);
}

QuarantinedRow BatchTransformer::quarantine(const RowBatch &source, qsizetype row, qint64 rowNumber,
                                            const QString &key, QList<Violation> violations) const
{
    QuarantinedRow q;
    q.tableName = m_setup.mapping->target;
    q.sourceKey = key;
    q.rowNumber = rowNumber;
    q.rawValues = LoadBatch::rawValues(source.columns, source.rows.at(row));
    q.violations = std::move(violations);
    q.render();
    return q;
}

Result<LoadBatch> BatchTransformer::transform(const RowBatch &source, qint64 batchNo,
                                              qint64 firstRowNumber)
{
    drainGivenBack();
    auto transformed = m_program->run(source);
    if (!transformed) {
        if (m_ownKeys)
            m_ownKeys->discard();
        return transformed.error();
    }
    recordOwnKeys(*transformed);
    auto converted = m_converter.convert(*transformed);
    if (!converted)
        return converted.error();
    QStringList keys;
    keys.reserve(source.size());
    QBitArray unclaimed(m_setup.unclaimedKeys.isEmpty() ? 0 : source.size());
    for (qsizetype r = 0; r < source.size(); ++r) {
        keys.append(SourceKey::of(source.columns, source.rows.at(r), m_setup.keyColumns,
                                  firstRowNumber + r));
        if (!unclaimed.isEmpty() && m_setup.unclaimedKeys.contains(keys.last()))
            unclaimed.setBit(r);
    }
    auto checked =
        CheckedBatch::of(*transformed, std::move(converted.value()), m_checker.get(), unclaimed);
    if (!checked)
        return checked.error();

    const ConvertedBatch &values = checked->converted;
    LoadBatch out;
    out.number = batchNo;
    out.firstRow = firstRowNumber;
    out.rowsRead = source.size();
    out.columns = values.values.columns;
    out.sourceColumns = source.columns;
    for (qsizetype r = 0; r < source.size(); ++r) {
        const QString &key = keys.at(r);
        if (r == source.size() - 1)
            out.lastSourceKey = key;
        if (checked->blocked(r)) {
            out.quarantined.append(
                quarantine(source, r, firstRowNumber + r, key, checked->violations.at(r)));
            continue;
        }
        out.warnings += checked->violations.at(r).size();
        const QVariantList &row = values.values.rows.at(r);
        out.rows.append(row);
        out.databaseDefaults.append(values.databaseDefaults.value(r));
        out.targetKeys.append(targetKey(out.columns, row));
        out.sourceKeys.append(key);
        out.sourceRows.append(source.rows.at(r));
        out.checkRows.append(r);
    }
    out.check = std::move(checked->check);
    return out;
}

} // namespace cutover

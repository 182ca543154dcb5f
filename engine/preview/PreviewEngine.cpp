#include "preview/PreviewEngine.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ConnectionSpec.h"
#include "preview/PreviewReferenceLookup.h"
#include "preview/SampleReader.h"
#include "transform/convert/RowConverter.h"
#include "transform/rules/RuleChecker.h"
#include "transform/rules/SqlReferenceLookup.h"

#include <QElapsedTimer>

namespace cutover {

namespace {

Error cancelledError()
{
    return Error(Error::Code::Cancelled, QStringLiteral("the preview was cancelled"));
}

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    return value.toString();
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    return valueText(a) == valueText(b);
}

} // namespace

PreviewEngine::PreviewEngine(const PasswordProvider *passwords)
    : m_passwords(passwords)
{}

PreviewEngine::~PreviewEngine() = default;

void PreviewEngine::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_mutex);
    if (m_reader)
        m_reader->cancel();
    if (m_program)
        m_program->interrupt();
}

Result<PreviewResult> PreviewEngine::run(const Project &project, const QString &table,
                                         const SampleSpec &spec)
{
    QElapsedTimer timer;
    timer.start();
    const TableMapping *mapping = project.mapping(table);
    if (!mapping)
        return Error(Error::Code::Usage,
                     QStringLiteral("the project maps no target table '%1'").arg(table),
                     project.name, QStringLiteral("name one of the mappings' target tables"));
    PreviewResult result;
    result.table = table;
    result.sourceTable =
        mapping->query.trimmed().isEmpty() ? mapping->source : QStringLiteral("(query)");
    result.spec = spec;
    if (auto loaded = loadTarget(project, *mapping, result); !loaded)
        return loaded.error();
    describeColumns(*mapping, result);

    SampleReader reader(project, *mapping, m_passwords);
    reader.setExtremeTargets(extremeTargets(*mapping));
    {
        QMutexLocker lock(&m_mutex);
        m_reader = &reader;
    }
    if (cancelled())
        reader.cancel();
    auto sample = reader.read(spec);
    {
        QMutexLocker lock(&m_mutex);
        m_reader = nullptr;
    }
    if (!sample)
        return sample.error();
    if (cancelled())
        return cancelledError();
    result.sourceColumns = sample->rows.columns;
    result.scannedRows = sample->scanned;
    result.notes += sample->notes;

    Compiled compiled = compile(project, *mapping, result.sourceColumns, result);
    if (auto evaluated = evaluate(project, *mapping, sample->rows, compiled, result); !evaluated)
        return evaluated.error();
    for (qsizetype i = 0; i < result.rows.size(); ++i)
        result.rows[i].sampleReason = sample->reasons.value(i);
    result.elapsedMs = timer.elapsed();
    return result;
}

Result<void> PreviewEngine::loadTarget(const Project &project, const TableMapping &mapping,
                                       PreviewResult &result)
{
    if (m_target)
        return {};
    const ConnectionDef *def = project.connection(project.targetConnection);
    auto spec = def ? ConnectionSpec::parse(def->url, project.baseDir)
                    : Result<ConnectionSpec>(
                          Error(Error::Code::Usage, QStringLiteral("no target connection")));
    if (!spec) {
        result.notes.append(
            QStringLiteral("target types not checked: %1").arg(spec.error().toString()));
        return {};
    }
    auto schema = IntrospectorFactory::create(*spec, m_passwords)->introspect();
    if (!schema) {
        result.notes.append(
            QStringLiteral("target types not checked: %1").arg(schema.error().toString()));
        return {};
    }
    if (const TableInfo *info = schema->table(mapping.target))
        m_target = *info;
    else
        result.notes.append(QStringLiteral("target types not checked: the target has no table '%1'")
                                .arg(mapping.target));
    return {};
}

void PreviewEngine::describeColumns(const TableMapping &mapping, PreviewResult &result) const
{
    for (const ColumnMapping &c : mapping.columns) {
        PreviewResult::Column column;
        column.name = c.target;
        column.expression = c.expression;
        column.sensitive = c.sensitive;
        if (const ColumnInfo *info = m_target ? m_target->column(c.target) : nullptr) {
            column.type = info->type.toString();
            column.nullable = info->nullable;
        }
        result.targetColumns.append(column);
    }
}

QStringList PreviewEngine::extremeTargets(const TableMapping &mapping) const
{
    QStringList targets;
    for (const ColumnMapping &c : mapping.columns)
        if (const ColumnInfo *info = m_target ? m_target->column(c.target) : nullptr)
            if (info->type.isNumeric() || info->type.isTemporal())
                targets.append(c.target);
    return targets;
}

PreviewEngine::Compiled PreviewEngine::compile(const Project &project, const TableMapping &mapping,
                                               const QStringList &sourceColumns,
                                               PreviewResult &result)
{
    QList<TransformProgram::Output> outputs;
    for (const ColumnMapping &c : mapping.columns)
        outputs.append({c.target, c.expression});
    QList<TransformProgram::CompileError> errors;
    Compiled compiled;
    compiled.program = TransformProgram::compile(sourceColumns, outputs, project.lookups, &errors);
    if (!compiled.program) {
        // Leave the broken columns out and compile the rest, so they can still be previewed.
        for (const auto &error : std::as_const(errors)) {
            for (PreviewResult::Column &column : result.targetColumns) {
                if (column.name == error.output && column.compileError.isEmpty()) {
                    column.compileError = error.message;
                    column.compileErrorOffset = error.offset;
                }
            }
            if (error.output.isEmpty())
                result.notes.append(
                    QStringLiteral("cannot compile the mapping: %1").arg(error.message));
        }
        QList<TransformProgram::Output> good;
        for (qsizetype i = 0; i < outputs.size(); ++i)
            if (result.targetColumns.at(i).compileError.isEmpty())
                good.append(outputs.at(i));
        outputs = good;
        compiled.program =
            TransformProgram::compile(sourceColumns, outputs, project.lookups, nullptr);
    }
    for (qsizetype i = 0; i < mapping.columns.size(); ++i)
        compiled.columns.append(-1);
    if (!compiled.program)
        return compiled;
    for (qsizetype i = 0; i < outputs.size(); ++i) {
        for (qsizetype c = 0; c < result.targetColumns.size(); ++c) {
            if (result.targetColumns[c].name == outputs[i].name) {
                compiled.columns[c] = int(i);
                result.targetColumns[c].lineage = compiled.program->lineage(int(i));
            }
        }
    }
    return compiled;
}

Result<TransformedBatch> PreviewEngine::transform(const RowBatch &sample, Compiled &compiled)
{
    if (!compiled.program) {
        TransformedBatch empty;
        empty.values.rows = QList<QVariantList>(sample.size());
        empty.violations = QList<QList<Violation>>(sample.size());
        return empty;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_program = compiled.program.get();
    }
    auto ran =
        cancelled() ? Result<TransformedBatch>(cancelledError()) : compiled.program->run(sample);
    {
        QMutexLocker lock(&m_mutex);
        m_program = nullptr;
    }
    if (ran && cancelled())
        return cancelledError();
    return ran;
}

// The transformed values converted to the target types; unconverted (with a note) when the
// target's schema is unknown or does not fit the mapping.
ConvertedBatch PreviewEngine::convert(const Project &project, const TableMapping &mapping,
                                      const Compiled &compiled, const TransformedBatch &transformed,
                                      PreviewResult &result) const
{
    const auto targetSpec = project.targetSpec();
    const ConnectionSpec::Kind targetKind =
        targetSpec ? targetSpec->kind() : ConnectionSpec::Kind::Sqlite;
    ConvertedBatch converted;
    if (m_target && compiled.program) {
        QList<ColumnMapping> columns;
        for (qsizetype c = 0; c < mapping.columns.size(); ++c)
            if (compiled.columns.at(c) >= 0)
                columns.append(mapping.columns.at(c));
        auto converter = RowConverter::create(*m_target, columns, targetKind);
        if (!converter) {
            // Still convert the types; only the mapping defaults are left out.
            result.notes.append(QStringLiteral("mapping defaults not applied: %1")
                                    .arg(converter.error().toString()));
            for (ColumnMapping &column : columns)
                column.hasDefault = false;
            converter = RowConverter::create(*m_target, columns, targetKind);
        }
        if (converter) {
            if (auto done = converter->convert(transformed); done)
                return std::move(done.value());
            else
                result.notes.append(
                    QStringLiteral("values not converted: %1").arg(done.error().toString()));
        } else {
            result.notes.append(
                QStringLiteral("values not converted: %1").arg(converter.error().toString()));
        }
    }
    converted.values = transformed.values;
    converted.violations = QList<QList<Violation>>(transformed.values.size());
    converted.lossRisks = QList<QStringList>(transformed.values.size());
    return converted;
}

// The converted rows judged by the project's rules for the mapping's table (when they can be
// checked: otherwise with a note) on top of the transform's and the conversion's findings.
CheckedBatch PreviewEngine::check(const Project &project, const TransformedBatch &transformed,
                                  ConvertedBatch converted, PreviewResult &result) const
{
    const auto unchecked = [&] {
        return std::move(CheckedBatch::of(transformed, converted, nullptr).value());
    };
    if (!m_target || converted.values.columns.isEmpty())
        return unchecked();
    QSet<QString> loaded;
    bool needsTarget = false;
    for (const TableMapping &m : project.mappings)
        loaded.insert(m.target);
    for (const Rule &rule : project.rules)
        if (rule.table == m_target->name && rule.kind == Rule::Kind::ReferenceExists &&
            !loaded.contains(rule.reference.section(QLatin1Char('.'), 0, 0)))
            needsTarget = true;
    std::unique_ptr<SqlConnection> connection;
    std::unique_ptr<ReferenceLookup> inner;
    if (needsTarget) {
        if (auto opened = openTarget(project); opened) {
            connection = std::move(opened.value());
            inner = std::make_unique<SqlReferenceLookup>(connection->database().connectionName());
        } else {
            result.notes.append(QStringLiteral("references into the target not checked: %1")
                                    .arg(opened.error().toString()));
        }
    }
    PreviewReferenceLookup references(loaded, std::move(inner));
    auto checker = RuleChecker::create(*m_target, project.rules, project.lookups, {&references});
    if (!checker) {
        result.notes.append(
            QStringLiteral("rules not checked: %1").arg(checker.error().toString()));
        return unchecked();
    }
    auto checked = CheckedBatch::of(transformed, converted, checker->get());
    if (!checked) {
        result.notes.append(
            QStringLiteral("rules not checked: %1").arg(checked.error().toString()));
        return unchecked();
    }
    return std::move(checked.value());
}

Result<std::unique_ptr<SqlConnection>> PreviewEngine::openTarget(const Project &project) const
{
    const ConnectionDef *def = project.connection(project.targetConnection);
    if (!def)
        return Error(Error::Code::Usage, QStringLiteral("the project has no target connection"));
    auto spec = ConnectionSpec::parse(def->url, project.baseDir);
    if (!spec)
        return spec.error();
    if (spec->kind() == ConnectionSpec::Kind::Csv)
        return Error(Error::Code::Usage, QStringLiteral("a CSV target holds no rows to refer to"));
    return SqlConnection::open(*spec, m_passwords, SqlConnection::Mode::ReadOnly);
}

Result<void> PreviewEngine::evaluate(const Project &project, const TableMapping &mapping,
                                     const RowBatch &sample, Compiled &compiled,
                                     PreviewResult &result)
{
    auto transformed = transform(sample, compiled);
    if (!transformed)
        return transformed.error();
    const CheckedBatch checked = check(
        project, *transformed, convert(project, mapping, compiled, *transformed, result), result);
    const ConvertedBatch &converted = checked.converted;
    if (cancelled())
        return cancelledError();
    for (qsizetype r = 0; r < sample.size(); ++r) {
        RowInputs in;
        in.source = sample.rows.at(r);
        in.raw = transformed->values.rows.value(r);
        in.converted = converted.values.rows.value(r);
        in.lossRisks = converted.lossRisks.value(r);
        in.databaseDefaults = converted.databaseDefaults.value(r);
        in.violations = checked.violations.value(r);
        result.rows.append(buildRow(result, compiled, in));
    }
    return {};
}

PreviewResult::Cell PreviewEngine::cellFor(const PreviewResult &result, qsizetype column,
                                           const RowInputs &in, int output)
{
    using Status = PreviewResult::CellStatus;
    const PreviewResult::Column &c = result.targetColumns.at(column);
    if (!c.compileError.isEmpty())
        return {Status::NotEvaluated, c.compileError};
    QStringList reasons;
    for (const Violation &v : in.violations)
        if (v.column == c.name)
            reasons.append(QStringLiteral("%1: %2").arg(v.source, v.reason));
    if (!reasons.isEmpty())
        return {Status::Violation, reasons.join(QStringLiteral("; "))};
    if (output < in.databaseDefaults.size() && in.databaseDefaults.testBit(output))
        return {Status::Changed, QStringLiteral("the target column's default")};
    const QVariant value = in.converted.value(output);
    if (value.isNull())
        return {Status::Null, QString()};
    if (!in.lossRisks.value(output).isEmpty())
        return {Status::ConvertedWithLossRisk, in.lossRisks.value(output)};
    if (c.lineage.size() == 1 &&
        sameValue(value, in.source.value(result.sourceColumns.indexOf(c.lineage.first()))))
        return {Status::Unchanged, QString()};
    return {Status::Changed, QString()};
}

PreviewResult::Row PreviewEngine::buildRow(const PreviewResult &result, const Compiled &compiled,
                                           const RowInputs &in)
{
    PreviewResult::Row row;
    row.source = in.source;
    for (qsizetype c = 0; c < result.targetColumns.size(); ++c) {
        const int output = compiled.columns.at(c);
        PreviewResult::Cell cell = cellFor(result, c, in, output);
        // A refused value shows what the expression gave, so the cell says what is wrong.
        QVariant value = in.converted.value(output);
        if (cell.status == PreviewResult::CellStatus::Violation && value.isNull())
            value = in.raw.value(output);
        row.target.append(output >= 0 ? value : QVariant());
        row.cells.append(cell);
    }
    row.violations = in.violations;
    row.blocked = std::any_of(in.violations.begin(), in.violations.end(),
                              [](const Violation &v) { return v.blocking; });
    return row;
}

} // namespace cutover

#include "transform/convert/RowConverter.h"

#include "core/SqlLiteral.h"
#include "core/ValueText.h"
#include "transform/convert/TypeConverter.h"

#include <QVarLengthArray>
#include <cstring>

namespace cutover {

namespace {

Violation conversionViolation(const QString &column, const QVariant &value, const QString &reason)
{
    const auto [shown, form] = ValueText::shown(value);
    return {Violation::Kind::Conversion,
            column,
            QStringLiteral("conversion"),
            shown,
            reason,
            true,
            form};
}

// Whether a and b are the same value: same type and the same data (the same string buffer, an
// equal integer or boolean, a double of the same bits). Anything else counts as different.
bool identical(const QVariant &a, const QVariant &b)
{
    if (a.metaType() != b.metaType() || a.isNull() != b.isNull())
        return false;
    if (a.isNull())
        return true;
    switch (a.typeId()) {
    case QMetaType::QString: {
        const auto *x = static_cast<const QString *>(a.constData());
        const auto *y = static_cast<const QString *>(b.constData());
        return x->size() == y->size() && x->constData() == y->constData();
    }
    case QMetaType::LongLong:
        return *static_cast<const qlonglong *>(a.constData()) ==
               *static_cast<const qlonglong *>(b.constData());
    case QMetaType::Bool:
        return *static_cast<const bool *>(a.constData()) ==
               *static_cast<const bool *>(b.constData());
    case QMetaType::Double:
        return memcmp(a.constData(), b.constData(), sizeof(double)) == 0;
    default:
        return false;
    }
}

bool refusedByFunction(const QList<Violation> &violations, const QString &column)
{
    for (const Violation &v : violations)
        if (v.blocking && v.column == column)
            return true;
    return false;
}

} // namespace

Result<RowConverter::Target> RowConverter::makeTarget(const QString &table,
                                                      const ColumnInfo &column,
                                                      const ColumnMapping *mapping,
                                                      ConnectionSpec::Kind targetKind)
{
    const bool timestamp = column.type.kind() == NormalizedType::Kind::Timestamp ||
                           column.type.kind() == NormalizedType::Kind::TimestampTz;
    Target target{column.name,
                  column.type,
                  !column.nullable,
                  column.hasDefault || column.autoIncrement,
                  std::nullopt,
                  timestamp && targetKind == ConnectionSpec::Kind::Sqlite &&
                      !(mapping && mapping->isoTimestamps)};
    if (!mapping || !mapping->hasDefault)
        return target;
    const QString where = table + QLatin1Char('.') + column.name;
    const Result<QVariant> literal = SqlLiteral::parse(mapping->defaultValue);
    if (!literal)
        return Error(
            Error::Code::Validation,
            QStringLiteral("the default %1 is not an SQL literal").arg(mapping->defaultValue),
            where, literal.error().hint());
    if (literal->isNull())
        return target; // DEFAULT NULL: no value to substitute
    const Conversion converted = convertValue(target, *literal);
    if (!converted.ok())
        return Error(Error::Code::Validation,
                     QStringLiteral("the default %1 does not fit %2: %3")
                         .arg(mapping->defaultValue, column.type.toString(), converted.reason),
                     where);
    target.fallback = converted.value;
    return target;
}

Conversion RowConverter::convertValue(const Target &target, const QVariant &value)
{
    Conversion converted = TypeConverter::convert(value, target.type);
    if (converted.ok() && target.spaceSeparated) {
        QString text = converted.value.toString();
        if (text.size() > 10 && text.at(10) == QLatin1Char('T'))
            text[10] = QLatin1Char(' ');
        converted.value = text;
    }
    return converted;
}

Result<RowConverter> RowConverter::create(const TableInfo &table,
                                          const QList<ColumnMapping> &columns,
                                          ConnectionSpec::Kind targetKind)
{
    RowConverter converter;
    converter.m_table = table.name;
    for (const ColumnMapping &mapping : columns) {
        const ColumnInfo *column = table.column(mapping.target);
        if (!column)
            return Error(Error::Code::Schema,
                         QStringLiteral("the target table has no column %1").arg(mapping.target),
                         table.name);
        Result<Target> target = makeTarget(table.name, *column, &mapping, targetKind);
        if (!target)
            return target.error();
        converter.m_targets.insert(column->name, std::move(target).value());
    }
    return converter;
}

Result<ConvertedBatch> RowConverter::convert(const TransformedBatch &batch) const
{
    QList<const Target *> targets;
    for (const QString &name : batch.values.columns) {
        const auto found = m_targets.constFind(name);
        if (found == m_targets.constEnd())
            return Error(Error::Code::Internal,
                         QStringLiteral("the transformed batch has a column %1 the mapping does "
                                        "not define")
                             .arg(name),
                         m_table);
        targets.append(&found.value());
    }
    ConvertedBatch out;
    out.values.columns = batch.values.columns;
    const qsizetype rows = batch.values.size();
    out.values.rows.reserve(rows);
    out.violations.reserve(rows);
    out.databaseDefaults.reserve(rows);
    out.lossRisks.reserve(rows);
    const QList<Violation> none;
    for (qsizetype row = 0; row < rows; ++row)
        convertRow(targets, batch.values.rows.at(row),
                   row < batch.violations.size() ? batch.violations.at(row) : none, out);
    return out;
}

void RowConverter::convertRow(const QList<const Target *> &targets, const QVariantList &input,
                              const QList<Violation> &functionViolations, ConvertedBatch &out) const
{
    const qsizetype width = targets.size();
    QVarLengthArray<QVariant, 16> values(width);
    QList<Violation> violations;
    // Shared with every row that needs no change to them (most): no allocation per row.
    thread_local QBitArray noDefaults;
    thread_local QStringList noRisks;
    if (noDefaults.size() != width) {
        noDefaults = QBitArray(width);
        noRisks = QStringList(width, QString());
    }
    QBitArray defaults = noDefaults;
    QStringList risks = noRisks;
    const QVariant null;
    for (qsizetype column = 0; column < width; ++column) {
        const Target &target = *targets.at(column);
        const QVariant &value = column < input.size() ? input.at(column) : null;
        if (value.isNull()) {
            settleNull(target, column, functionViolations, values[column], violations, defaults);
            continue;
        }
        Conversion converted = convertValue(target, value);
        if (!converted.ok()) {
            violations.append(conversionViolation(target.name, value, converted.reason));
            continue;
        }
        values[column] = std::move(converted.value);
        if (!converted.lossRisk.isNull())
            risks[column] = std::move(converted.lossRisk);
    }
    // A row whose every value came through unchanged shares the transformed row's list: one
    // list less per row in the batches the run holds.
    bool same = input.size() == width;
    for (qsizetype column = 0; same && column < width; ++column)
        same = identical(values[column], input.at(column));
    if (same) {
        out.values.rows.append(input);
    } else {
        QVariantList row;
        row.reserve(width);
        for (QVariant &value : values)
            row.append(std::move(value));
        out.values.rows.append(std::move(row));
    }
    out.violations.append(std::move(violations));
    out.databaseDefaults.append(std::move(defaults));
    out.lossRisks.append(std::move(risks));
}

void RowConverter::settleNull(const Target &target, qsizetype column,
                              const QList<Violation> &earlier, QVariant &value,
                              QList<Violation> &violations, QBitArray &defaults) const
{
    if (!target.required || refusedByFunction(earlier, target.name))
        return;
    if (target.fallback) {
        value = *target.fallback;
        return;
    }
    if (target.databaseDefault) {
        defaults.setBit(column);
        return;
    }
    violations.append(conversionViolation(
        target.name, QVariant(),
        QStringLiteral("%1 is required (NOT NULL) and the expression gave NULL").arg(target.name)));
}

} // namespace cutover

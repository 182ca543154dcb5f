#include "RowConverter.h"

#include "SqlLiteral.h"
#include "TypeConverter.h"
#include "ValueText.h"

namespace cutover {

namespace {

Violation conversionViolation(const QString &column, const QString &value, const QString &reason)
{
    return {Violation::Kind::Conversion, column, QStringLiteral("conversion"), value, reason, true};
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
                                                      const ColumnMapping *mapping)
{
    Target target{column.name, column.type, !column.nullable,
                  column.hasDefault || column.autoIncrement, std::nullopt};
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
    const Conversion converted = TypeConverter::convert(*literal, column.type);
    if (!converted.ok())
        return Error(Error::Code::Validation,
                     QStringLiteral("the default %1 does not fit %2: %3")
                         .arg(mapping->defaultValue, column.type.toString(), converted.reason),
                     where);
    target.fallback = converted.value;
    return target;
}

Result<RowConverter> RowConverter::create(const TableInfo &table,
                                          const QList<ColumnMapping> &columns)
{
    RowConverter converter;
    converter.m_table = table.name;
    for (const ColumnMapping &mapping : columns) {
        const ColumnInfo *column = table.column(mapping.target);
        if (!column)
            return Error(Error::Code::Schema,
                         QStringLiteral("the target table has no column %1").arg(mapping.target),
                         table.name);
        Result<Target> target = makeTarget(table.name, *column, &mapping);
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
    out.values.rows.reserve(batch.values.size());
    for (qsizetype row = 0; row < batch.values.size(); ++row)
        convertRow(targets, batch.values.rows.at(row),
                   row < batch.violations.size() ? batch.violations.at(row) : QList<Violation>(),
                   out);
    return out;
}

void RowConverter::convertRow(const QList<const Target *> &targets, const QVariantList &input,
                              const QList<Violation> &functionViolations, ConvertedBatch &out) const
{
    const qsizetype width = targets.size();
    out.values.rows.append(QVariantList(width));
    out.violations.append(QList<Violation>());
    out.databaseDefaults.append(QBitArray(width));
    out.lossRisks.append(QStringList(width, QString()));
    for (qsizetype column = 0; column < width; ++column) {
        const Target &target = *targets.at(column);
        const QVariant value = column < input.size() ? input.at(column) : QVariant();
        if (value.isNull()) {
            settleNull(target, column, functionViolations, out);
            continue;
        }
        const Conversion converted = TypeConverter::convert(value, target.type);
        if (!converted.ok()) {
            out.violations.last().append(
                conversionViolation(target.name, ValueText::display(value), converted.reason));
            continue;
        }
        out.values.rows.last()[column] = converted.value;
        out.lossRisks.last()[column] = converted.lossRisk;
    }
}

void RowConverter::settleNull(const Target &target, qsizetype column,
                              const QList<Violation> &earlier, ConvertedBatch &out) const
{
    if (!target.required || refusedByFunction(earlier, target.name))
        return;
    if (target.fallback) {
        out.values.rows.last()[column] = *target.fallback;
        return;
    }
    if (target.databaseDefault) {
        out.databaseDefaults.last().setBit(column);
        return;
    }
    out.violations.last().append(conversionViolation(
        target.name, QStringLiteral("NULL"),
        QStringLiteral("%1 is required (NOT NULL) and the expression gave NULL").arg(target.name)));
}

} // namespace cutover

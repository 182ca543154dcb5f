#include "dialect/ForeignTableDefinition.h"

#include "dialect/SqlExpressionTranslator.h"

namespace cutover {

namespace {

QString leftOut(const QString &what, const TableInfo &table, const QString &why)
{
    return QStringLiteral("%1 of table '%2' is not created: %3").arg(what, table.name, why);
}

} // namespace

TableInfo ForeignTableDefinition::forTarget(const TableInfo &table, ConnectionSpec::Kind from,
                                            ConnectionSpec::Kind to, QStringList &notices)
{
    if (from == to)
        return table;
    const SqlExpressionTranslator translator(
        from, to, IdentifierRule(IdentifierRule::Case::Keep, to), table.columns);
    TableInfo result = table;
    result.checks.clear();
    for (const CheckInfo &check : table.checks) {
        const auto translated = translator.translate(check.expression);
        if (translated)
            result.checks.append({check.name, translated->sql});
        else
            notices.append(leftOut(QStringLiteral("Check '%1'").arg(check.name), table,
                                   translated.error().message()));
    }
    result.indexes.clear();
    for (IndexInfo index : table.indexes) {
        QString why;
        if (!index.where.isEmpty()) {
            const auto where = translator.translate(index.where);
            why = where ? QString() : where.error().message();
            index.where = where ? where->sql : QString();
        } else if (index.partial) {
            why = QStringLiteral("its condition is not known");
        }
        for (QString &expression : index.expressions) {
            if (expression.isEmpty() || !why.isEmpty())
                continue;
            const auto part = translator.translate(expression);
            why = part ? QString() : part.error().message();
            expression = part ? part->sql : QString();
        }
        if (why.isEmpty())
            result.indexes.append(index);
        else
            notices.append(leftOut(QStringLiteral("Index '%1'").arg(index.name), table, why));
    }
    return result;
}

} // namespace cutover

#include "validate/TargetTableChecker.h"

#include "dialect/IdentifierRule.h"
#include "dialect/SqlExpressionTranslator.h"

namespace cutover {

namespace {

QString tablePath(qsizetype index)
{
    return QStringLiteral("targetTables[%1]").arg(index);
}

Problem problem(Problem::Severity severity, const QString &code, const QString &path,
                const QString &table, const QString &message)
{
    Problem p;
    p.severity = severity;
    p.code = code;
    p.path = path;
    p.location = QStringLiteral("target table %1").arg(table);
    p.message = message;
    p.table = table;
    return p;
}

} // namespace

TargetTableChecker::TargetTableChecker(const Project &project, const DatabaseSchema &target,
                                       const DatabaseSchema &planned, ConnectionSpec::Kind kind)
    : m_project(project)
    , m_target(target)
    , m_planned(planned)
    , m_kind(kind)
{}

QList<Problem> TargetTableChecker::check() const
{
    QList<Problem> problems;
    for (qsizetype i = 0; i < m_project.targetTables.size(); ++i)
        checkTable(i, m_project.targetTables[i], problems);
    return problems;
}

void TargetTableChecker::checkTable(qsizetype index, const TableInfo &table,
                                    QList<Problem> &problems) const
{
    const QString path = tablePath(index);
    if (m_target.table(table.name)) {
        problems.append(problem(Problem::Severity::Info, QStringLiteral("target-table-exists"),
                                path, table.name,
                                QStringLiteral("the target has table '%1' already: the run loads "
                                               "it as it is and does not use this definition")
                                    .arg(table.name)));
        return;
    }
    problems.append(problem(Problem::Severity::Info, QStringLiteral("table-to-create"), path,
                            table.name,
                            QStringLiteral("the run creates target table '%1' (%2 columns)")
                                .arg(table.name)
                                .arg(table.columns.size())));
    checkName(table.name, QStringLiteral("table"), path + QStringLiteral(".name"), table, problems);
    for (qsizetype c = 0; c < table.columns.size(); ++c)
        checkName(table.columns[c].name, QStringLiteral("column"),
                  path + QStringLiteral(".columns[%1].name").arg(c), table, problems);
    for (qsizetype i = 0; i < table.indexes.size(); ++i) {
        checkName(table.indexes[i].name, QStringLiteral("index"),
                  path + QStringLiteral(".indexes[%1].name").arg(i), table, problems);
        checkIndex(path + QStringLiteral(".indexes[%1]").arg(i), table, table.indexes[i], problems);
    }
    for (qsizetype c = 0; c < table.checks.size(); ++c) {
        const QString checkPath = path + QStringLiteral(".checks[%1]").arg(c);
        const CheckInfo &check = table.checks[c];
        checkName(check.name, QStringLiteral("check"), checkPath + QStringLiteral(".name"), table,
                  problems);
        checkExpression(check.expression, QStringLiteral("check '%1'").arg(check.name),
                        checkPath + QStringLiteral(".expression"), table, problems);
    }
    for (qsizetype k = 0; k < table.foreignKeys.size(); ++k) {
        const QString keyPath = path + QStringLiteral(".foreignKeys[%1]").arg(k);
        checkName(table.foreignKeys[k].name, QStringLiteral("foreign key"),
                  keyPath + QStringLiteral(".name"), table, problems);
        checkForeignKey(keyPath, table, table.foreignKeys[k], problems);
    }
}

void TargetTableChecker::checkName(const QString &name, const QString &what, const QString &path,
                                   const TableInfo &table, QList<Problem> &problems) const
{
    if (IdentifierRule::fits(name, m_kind))
        return;
    problems.append(problem(
        Problem::Severity::Error, QStringLiteral("name-too-long"), path, table.name,
        QStringLiteral("the %1 name '%2' is longer than %3 allows (%4); rename it, e.g. '%5'")
            .arg(what, name, ConnectionSpec::productName(m_kind), IdentifierRule::limitText(m_kind),
                 IdentifierRule::fit(name, m_kind))));
}

void TargetTableChecker::checkIndex(const QString &path, const TableInfo &table,
                                    const IndexInfo &index, QList<Problem> &problems) const
{
    const QString what = QStringLiteral("index '%1'").arg(index.name);
    if (!index.where.isEmpty()) {
        checkExpression(index.where, what, path + QStringLiteral(".where"), table, problems);
        if (m_kind == ConnectionSpec::Kind::MySql)
            problems.append(problem(Problem::Severity::Error,
                                    QStringLiteral("partial-index-unsupported"),
                                    path + QStringLiteral(".where"), table.name,
                                    QStringLiteral("%1 has a condition (WHERE %2), and MySQL and "
                                                   "MariaDB have no partial indexes: leave out "
                                                   "'where', or the index")
                                        .arg(what, index.where)));
    }
    for (qsizetype i = 0; i < index.expressions.size(); ++i)
        if (!index.expressions[i].isEmpty())
            checkExpression(index.expressions[i], what,
                            path + QStringLiteral(".columns[%1].expression").arg(i), table,
                            problems);
    if (index.hasExpressions() && m_kind == ConnectionSpec::Kind::MySql)
        problems.append(problem(Problem::Severity::Warning,
                                QStringLiteral("expression-index-unsupported"), path, table.name,
                                QStringLiteral("%1 has an expression, which MySQL 8.0.13 and later "
                                               "index and MariaDB does not")
                                    .arg(what)));
}

void TargetTableChecker::checkExpression(const QString &expression, const QString &what,
                                         const QString &path, const TableInfo &table,
                                         QList<Problem> &problems) const
{
    const SqlExpressionTranslator translator(
        m_kind, m_kind, IdentifierRule(IdentifierRule::Case::Keep, m_kind), table.columns);
    for (const QString &name : translator.unknownQuotedNames(expression))
        problems.append(problem(Problem::Severity::Error, QStringLiteral("unknown-column"), path,
                                table.name,
                                QStringLiteral("%1 of table '%2' names column '%3', which the "
                                               "table does not have")
                                    .arg(what, table.name, name)));
}

void TargetTableChecker::checkForeignKey(const QString &path, const TableInfo &table,
                                         const ForeignKeyInfo &key, QList<Problem> &problems) const
{
    const TableInfo *referenced = m_planned.table(key.referencedTable);
    if (!referenced) {
        problems.append(problem(Problem::Severity::Error,
                                QStringLiteral("unknown-referenced-table"),
                                path + QStringLiteral(".references"), table.name,
                                QStringLiteral("foreign key '%1' refers to table '%2', which the "
                                               "target neither has nor will create")
                                    .arg(key.name, key.referencedTable)));
        return;
    }
    for (const QString &column : key.referencedColumns)
        if (!referenced->column(column))
            problems.append(problem(Problem::Severity::Error,
                                    QStringLiteral("unknown-referenced-column"),
                                    path + QStringLiteral(".referencedColumns"), table.name,
                                    QStringLiteral("foreign key '%1' refers to column '%2', which "
                                                   "table '%3' does not have")
                                        .arg(key.name, column, key.referencedTable)));
}

} // namespace cutover

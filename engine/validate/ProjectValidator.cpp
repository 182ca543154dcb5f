#include "validate/ProjectValidator.h"

#include "validate/PlannedTarget.h"
#include "validate/TargetTableChecker.h"

#include "core/SqlLiteral.h"
#include "core/TextEncoding.h"
#include "core/TextExcerpt.h"
#include "project/ProjectVocabulary.h"
#include "schema/CutoverTables.h"
#include "schema/TypeCompatibility.h"
#include "source/ColumnEncodings.h"
#include "transform/ExpressionChecker.h"

#include <QRegularExpression>
#include <QSet>

namespace cutover {

QString ProjectValidator::truncateInPhase(const QString &table, const QString &phase)
{
    return QStringLiteral("table '%1' is truncate-and-load: phase '%2' loads only the rows of its "
                          "filter, and emptying the table first would delete the other phases' "
                          "rows")
        .arg(table, phase);
}

namespace {

using Severity = Problem::Severity;

QString mappingPath(int index)
{
    return QStringLiteral("mappings[%1]").arg(index);
}

QStringList columnNames(const TableInfo &table)
{
    QStringList names;
    for (const ColumnInfo &c : table.columns)
        names.append(c.name);
    return names;
}

// A name reduced to lower-case letters and digits, so "Full Name", "full_name" and "FULLNAME" meet.
QString looseName(const QString &name)
{
    QString result;
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            result.append(c.toLower());
    return result;
}

QString suggestion(const QString &name, const QStringList &candidates)
{
    for (const QString &candidate : candidates)
        if (looseName(candidate) == looseName(name))
            return QStringLiteral(" (did you mean '%1'?)").arg(candidate);
    return {};
}

// The column an expression consists of, if it is nothing but one (possibly quoted) name.
QString bareColumn(const QString &expression)
{
    QString text = expression.trimmed();
    if (text.size() >= 2 &&
        ((text.front() == QLatin1Char('"') && text.back() == QLatin1Char('"')) ||
         (text.front() == QLatin1Char('`') && text.back() == QLatin1Char('`')) ||
         (text.front() == QLatin1Char('[') && text.back() == QLatin1Char(']'))))
        return text.mid(1, text.size() - 2);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return identifier.match(text).hasMatch() ? text : QString();
}

} // namespace

ProjectValidator::ProjectValidator(const Project &project, const DatabaseSchema &source,
                                   const DatabaseSchema &target)
    : m_project(project)
    , m_source(source)
    , m_liveTarget(target)
    , m_target(PlannedTarget::of(project, target))
{}

QList<Problem> ProjectValidator::validate()
{
    m_problems.clear();
    checkConnectionEncodings();
    for (int i = 0; i < m_project.mappings.size(); ++i)
        checkMapping(i, m_project.mappings[i]);
    checkRules();
    checkPhases();
    checkUnmappedTables();
    checkTargetTables();
    return m_problems;
}

void ProjectValidator::add(Severity severity, const QString &code, const QString &path,
                           const QString &location, const QString &message, const QString &table,
                           const QString &column, int offset)
{
    Problem p;
    p.severity = severity;
    p.code = code;
    p.path = path;
    p.location = TextExcerpt::of(location); // both may quote a value of any size
    p.message = TextExcerpt::of(message);
    p.table = table;
    p.column = column;
    p.offset = offset;
    m_problems.append(p);
}

void ProjectValidator::checkMapping(int index, const TableMapping &mapping)
{
    const QString path = mappingPath(index);
    const QString where = QStringLiteral("mapping %1").arg(mapping.target);
    const TableInfo *target = m_target.table(mapping.target);
    if (!target) {
        add(Severity::Error, QStringLiteral("unknown-target-table"), path, where,
            QStringLiteral("the target has no table '%1'%2")
                .arg(mapping.target, suggestion(mapping.target, m_target.tableNames())),
            mapping.target);
        return;
    }
    if (target->isView)
        add(Severity::Error, QStringLiteral("target-is-view"), path, where,
            QStringLiteral("'%1' is a view; map onto a table").arg(mapping.target), mapping.target);

    const TableInfo *source = nullptr;
    if (!mapping.source.isEmpty()) {
        source = m_source.table(mapping.source);
        if (!source)
            add(Severity::Error, QStringLiteral("unknown-source-table"),
                path + QStringLiteral(".source"), where,
                QStringLiteral("the source has no table '%1'%2")
                    .arg(mapping.source, suggestion(mapping.source, m_source.tableNames())),
                mapping.target);
    } else {
        add(Severity::Info, QStringLiteral("query-unchecked"), path + QStringLiteral(".query"),
            where,
            QStringLiteral("expressions over a query's columns are checked when it is previewed"),
            mapping.target);
    }
    if (source && !mapping.filter.isEmpty()) {
        ExpressionChecker checker(columnNames(*source));
        const auto outcome = checker.check(mapping.filter);
        if (!outcome.ok)
            add(Severity::Error, QStringLiteral("bad-filter"), path + QStringLiteral(".filter"),
                where + QStringLiteral(", filter"), outcome.message, mapping.target, {},
                outcome.offset);
    }
    checkColumns(index, mapping, source, *target);
    checkRequiredColumns(index, mapping, *target);
    if (source)
        if (auto encodings = ColumnEncodings::resolve(mapping, columnNames(*source)); !encodings)
            add(Severity::Error, QStringLiteral("encoding-conflict"), path, where,
                encodings.error().message() + QStringLiteral("; ") + encodings.error().hint(),
                mapping.target);
}

// A connection's encoding option names an encoding iconv knows, and only where the source's text
// bytes carry none of their own (MySQL converts every column's character set itself).
void ProjectValidator::checkConnectionEncodings()
{
    for (int i = 0; i < m_project.connections.size(); ++i) {
        const ConnectionDef &connection = m_project.connections[i];
        const auto spec = ConnectionSpec::parse(connection.url, m_project.baseDir);
        const QString name = spec ? spec->option(QStringLiteral("encoding")) : QString();
        if (name.isEmpty() || spec->kind() == ConnectionSpec::Kind::Csv) // CSV checks its own
            continue;
        const QString path = QStringLiteral("connections[%1].url").arg(i);
        const QString where = QStringLiteral("connection %1").arg(connection.name);
        if (spec->kind() == ConnectionSpec::Kind::MySql)
            add(Severity::Error, QStringLiteral("encoding-not-applicable"), path, where,
                QStringLiteral("MySQL converts each column's character set itself, so encoding=%1 "
                               "does not apply; remove it")
                    .arg(name));
        else if (auto encoding = TextEncoding::named(name); !encoding)
            add(Severity::Error, QStringLiteral("unknown-encoding"), path, where,
                encoding.error().message() + QStringLiteral("; ") + encoding.error().hint());
    }
}

void ProjectValidator::checkEncoding(const QString &path, const TableMapping &mapping,
                                     const ColumnMapping &column)
{
    if (column.encoding.isEmpty())
        return;
    if (auto encoding = TextEncoding::named(column.encoding); !encoding)
        add(Severity::Error, QStringLiteral("unknown-encoding"), path + QStringLiteral(".encoding"),
            QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target),
            encoding.error().message() + QStringLiteral("; ") + encoding.error().hint(),
            mapping.target, column.target);
}

void ProjectValidator::checkColumns(int index, const TableMapping &mapping, const TableInfo *source,
                                    const TableInfo &target)
{
    // One compile context for the mapping's expressions (ExpressionChecker).
    std::optional<ExpressionChecker> checker;
    if (source)
        checker.emplace(columnNames(*source));
    QSet<QString> seen;
    for (int j = 0; j < mapping.columns.size(); ++j) {
        const ColumnMapping &column = mapping.columns[j];
        const QString path = QStringLiteral("%1.columns[%2]").arg(mappingPath(index)).arg(j);
        const QString where =
            QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target);
        if (seen.contains(column.target))
            add(Severity::Error, QStringLiteral("duplicate-column"), path, where,
                QStringLiteral("'%1' is mapped twice; keep one mapping").arg(column.target),
                mapping.target, column.target);
        seen.insert(column.target);
        const ColumnInfo *targetColumn = target.column(column.target);
        if (!targetColumn)
            add(Severity::Error, QStringLiteral("unknown-target-column"), path, where,
                QStringLiteral("table '%1' has no column '%2'%3")
                    .arg(mapping.target, column.target,
                         suggestion(column.target, columnNames(target))),
                mapping.target, column.target);
        checkDefault(path, mapping, column);
        checkTimestampText(path, mapping, column, targetColumn);
        checkEncoding(path, mapping, column);
        if (source)
            checkExpression(*checker, path + QStringLiteral(".expression"), mapping, column, source,
                            targetColumn);
        checkLookups(path + QStringLiteral(".expression"), mapping, column);
    }
}

void ProjectValidator::checkDefault(const QString &path, const TableMapping &mapping,
                                    const ColumnMapping &column)
{
    if (!column.hasDefault || SqlLiteral::parse(column.defaultValue))
        return;
    add(Severity::Error, QStringLiteral("bad-default"), path + QStringLiteral(".default"),
        QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target),
        QStringLiteral("the default %1 is not an SQL literal; write text in single quotes, e.g. "
                       "'unknown'")
            .arg(column.defaultValue),
        mapping.target, column.target);
}

void ProjectValidator::checkTimestampText(const QString &path, const TableMapping &mapping,
                                          const ColumnMapping &column,
                                          const ColumnInfo *targetColumn)
{
    if (!column.isoTimestamps || !targetColumn ||
        targetColumn->type.kind() == NormalizedType::Kind::Timestamp ||
        targetColumn->type.kind() == NormalizedType::Kind::TimestampTz)
        return;
    add(Severity::Warning, QStringLiteral("timestamp-text-unused"),
        path + QStringLiteral(".timestampText"),
        QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target),
        QStringLiteral("'%1' is %2, not a timestamp: timestampText changes nothing")
            .arg(column.target, targetColumn->type.toString()),
        mapping.target, column.target);
}

void ProjectValidator::checkExpression(const ExpressionChecker &checker, const QString &path,
                                       const TableMapping &mapping, const ColumnMapping &column,
                                       const TableInfo *source, const ColumnInfo *targetColumn)
{
    const QString where =
        QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target);
    const auto outcome = checker.check(column.expression);
    if (!outcome.ok) {
        QString message = outcome.message;
        if (message.startsWith(QLatin1String("no such column: "))) {
            const qsizetype hint = message.indexOf(QLatin1String(" (")); // about quotes, if any
            const QString name = message.mid(16, hint < 0 ? -1 : hint - 16);
            message.insert(hint < 0 ? message.size() : hint,
                           QStringLiteral(" in source table '%1'%2")
                               .arg(source->name, suggestion(name, columnNames(*source))));
        }
        add(Severity::Error, QStringLiteral("bad-expression"), path, where, message, mapping.target,
            column.target, outcome.offset);
        return;
    }
    m_lineage.insert(mapping.target + QLatin1Char('.') + column.target, outcome.columnsRead);
    const QString bare = bareColumn(column.expression);
    if (targetColumn && !bare.isEmpty() && outcome.columnsRead.size() == 1)
        if (const ColumnInfo *from = source->column(outcome.columnsRead.first()))
            checkConversion(path, mapping, column, *from, *targetColumn);
}

void ProjectValidator::checkConversion(const QString &path, const TableMapping &mapping,
                                       const ColumnMapping &column, const ColumnInfo &from,
                                       const ColumnInfo &to)
{
    const auto outcome = TypeCompatibility::assess(from.type, to.type);
    if (outcome.verdict == TypeCompatibility::Verdict::Fine)
        return;
    const bool impossible = outcome.verdict == TypeCompatibility::Verdict::Impossible;
    add(impossible ? Severity::Error : Severity::Warning,
        impossible ? QStringLiteral("type-mismatch") : QStringLiteral("type-risk"), path,
        QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target),
        QStringLiteral("%1 (source %2.%3 is %4, target is %5)%6")
            .arg(outcome.reason, mapping.source, from.name, from.type.toString(),
                 to.type.toString(),
                 impossible ? QStringLiteral("; convert it in the expression") : QString()),
        mapping.target, column.target);
}

void ProjectValidator::checkLookups(const QString &path, const TableMapping &mapping,
                                    const ColumnMapping &column)
{
    static const QRegularExpression call(QStringLiteral(R"(\blookup\s*\(\s*'((?:[^']|'')*)')"),
                                         QRegularExpression::CaseInsensitiveOption);
    for (auto it = call.globalMatch(column.expression); it.hasNext();) {
        const auto match = it.next();
        const QString name = match.captured(1).replace(QStringLiteral("''"), QStringLiteral("'"));
        if (!m_project.lookup(name))
            add(Severity::Error, QStringLiteral("unknown-lookup"), path,
                QStringLiteral("mapping %1, column %2").arg(mapping.target, column.target),
                QStringLiteral("the project defines no lookup map '%1'").arg(name), mapping.target,
                column.target, int(match.capturedStart(1)));
    }
}

void ProjectValidator::checkRequiredColumns(int index, const TableMapping &mapping,
                                            const TableInfo &target)
{
    for (const ColumnInfo &c : target.columns) {
        if (c.nullable || c.hasDefault || c.autoIncrement || mapping.column(c.name))
            continue;
        if (mapping.keyStrategy == TableMapping::KeyStrategy::Generate && c.primaryKeyPosition > 0)
            continue;
        add(Severity::Error, QStringLiteral("unfilled-required-column"), mappingPath(index),
            QStringLiteral("mapping %1, column %2").arg(mapping.target, c.name),
            QStringLiteral("'%1' is NOT NULL with no default, and nothing maps onto it")
                .arg(c.name),
            mapping.target, c.name);
    }
}

void ProjectValidator::checkRules()
{
    for (int i = 0; i < m_project.rules.size(); ++i) {
        const Rule &rule = m_project.rules[i];
        const QString path = QStringLiteral("rules[%1]").arg(i);
        const QString where = QStringLiteral("rule %1").arg(rule.name);
        const TableInfo *table = m_target.table(rule.table);
        if (!table) {
            add(Severity::Error, QStringLiteral("unknown-rule-table"), path, where,
                QStringLiteral("the target has no table '%1'").arg(rule.table), rule.table);
            continue;
        }
        if (!rule.column.isEmpty() && !table->column(rule.column))
            add(Severity::Error, QStringLiteral("unknown-rule-column"), path, where,
                QStringLiteral("table '%1' has no column '%2'").arg(rule.table, rule.column),
                rule.table, rule.column);
        if (rule.kind != Rule::Kind::Expression && rule.column.isEmpty())
            add(Severity::Error, QStringLiteral("rule-needs-column"), path, where,
                QStringLiteral("a %1 rule needs a column")
                    .arg(ProjectVocabulary::ruleKindName(rule.kind)),
                rule.table);
        if (rule.kind == Rule::Kind::Pattern && !QRegularExpression(rule.pattern).isValid())
            add(Severity::Error, QStringLiteral("bad-pattern"), path + QStringLiteral(".pattern"),
                where,
                QStringLiteral("not a valid regular expression: %1")
                    .arg(QRegularExpression(rule.pattern).errorString()),
                rule.table, rule.column);
        if (rule.kind == Rule::Kind::ReferenceExists) {
            const QString refTable = rule.reference.section(QLatin1Char('.'), 0, -2);
            const QString refColumn = rule.reference.section(QLatin1Char('.'), -1);
            const TableInfo *referenced = m_target.table(refTable);
            if (!referenced || !referenced->column(refColumn))
                add(Severity::Error, QStringLiteral("unknown-reference"),
                    path + QStringLiteral(".reference"), where,
                    QStringLiteral("'%1' is not a table.column of the target").arg(rule.reference),
                    rule.table, rule.column);
        }
        if (rule.kind == Rule::Kind::Expression) {
            ExpressionChecker checker(columnNames(*table));
            const auto outcome = checker.check(rule.expression);
            if (!outcome.ok)
                add(Severity::Error, QStringLiteral("bad-expression"),
                    path + QStringLiteral(".expression"), where, outcome.message, rule.table,
                    rule.column, outcome.offset);
        }
    }
}

void ProjectValidator::checkPhases()
{
    for (int i = 0; i < m_project.phases.size(); ++i) {
        const Phase &phase = m_project.phases[i];
        const QString path = QStringLiteral("phases[%1]").arg(i);
        const QString where = QStringLiteral("phase %1").arg(phase.name);
        for (const QString &table : phase.tables)
            if (!m_project.mapping(table))
                add(Severity::Error, QStringLiteral("unknown-phase-table"),
                    path + QStringLiteral(".tables"), where,
                    QStringLiteral("no mapping fills table '%1'").arg(table), table);
        if (phase.filter.isEmpty())
            continue;
        for (const TableMapping &mapping : m_project.mappings) {
            if (!phase.tables.isEmpty() && !phase.tables.contains(mapping.target))
                continue;
            if (mapping.mode == TableMapping::Mode::TruncateLoad)
                add(Severity::Error, QStringLiteral("truncate-in-phase"),
                    path + QStringLiteral(".filter"), where,
                    truncateInPhase(mapping.target, phase.name), mapping.target);
            const TableInfo *source = m_source.table(mapping.source);
            if (!source)
                continue;
            ExpressionChecker checker(columnNames(*source));
            const auto outcome = checker.check(phase.filter);
            if (!outcome.ok)
                add(Severity::Error, QStringLiteral("bad-filter"), path + QStringLiteral(".filter"),
                    where,
                    QStringLiteral("%1 (on source table '%2' of mapping %3)")
                        .arg(outcome.message, mapping.source, mapping.target),
                    mapping.target, {}, outcome.offset);
        }
    }
}

void ProjectValidator::checkTargetTables()
{
    if (m_project.targetTables.isEmpty())
        return;
    const auto spec = m_project.targetSpec();
    if (spec)
        m_problems += TargetTableChecker(m_project, m_liveTarget, m_target, spec->kind()).check();
}

// Cutover's own tables in the target (the run ledger, the key crosswalk, stored reports) are
// no one's to map.
void ProjectValidator::checkUnmappedTables()
{
    for (const TableInfo &table : m_target.tables)
        if (!table.isView && !m_project.mapping(table.name) && !CutoverTables::contains(table.name))
            add(Severity::Info, QStringLiteral("unmapped-table"), QStringLiteral("mappings"),
                QStringLiteral("table %1").arg(table.name),
                QStringLiteral("no mapping fills target table '%1'").arg(table.name), table.name);
}

} // namespace cutover

#include "automap/ProjectInitializer.h"

#include "automap/ExpressionProposer.h"
#include "dialect/DdlGenerator.h"
#include "dialect/DefaultLiteral.h"
#include "dialect/SqlDialect.h"
#include "dialect/SqlExpressionTranslator.h"
#include "schema/ForeignKeyOrder.h"

#include <QRegularExpression>
#include <QSet>

namespace cutover {

namespace {

bool matchesAny(const QString &name, const QStringList &patterns)
{
    for (const QString &pattern : patterns)
        if (QRegularExpression::fromWildcard(pattern, Qt::CaseInsensitive).match(name).hasMatch())
            return true;
    return false;
}

const ColumnInfo *columnIgnoringCase(const TableInfo &table, const QString &name)
{
    if (const ColumnInfo *exact = table.column(name))
        return exact;
    for (const ColumnInfo &c : table.columns)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

} // namespace

ProjectInitializer::ProjectInitializer(const DatabaseSchema &source, const DatabaseSchema &target,
                                       ConnectionSpec::Kind targetKind, Options options)
    : m_source(source)
    , m_target(target)
    , m_targetKind(targetKind)
    , m_options(std::move(options))
    , m_rule(m_options.names, targetKind)
{}

IdentifierRule::Case ProjectInitializer::defaultCase(ConnectionSpec::Kind targetKind)
{
    return targetKind == ConnectionSpec::Kind::PostgreSql ? IdentifierRule::Case::Lower
                                                          : IdentifierRule::Case::Keep;
}

Result<ProjectInitializer::Outcome> ProjectInitializer::build()
{
    m_notices.clear();
    auto chosen = chosenTables();
    if (!chosen)
        return chosen.error();
    QSet<QString> chosenNames;
    QStringList targetNames;
    for (const TableInfo &t : std::as_const(*chosen)) {
        chosenNames.insert(t.name);
        targetNames.append(t.name);
    }
    if (auto distinct = checkDistinct(targetNames, QStringLiteral("tables"), QString()); !distinct)
        return distinct.error();

    Project p;
    p.name = m_options.projectName;
    p.connections = {{QStringLiteral("source"), m_options.sourceUrl, {}},
                     {QStringLiteral("target"), m_options.targetUrl, {}}};
    p.sourceConnection = QStringLiteral("source");
    p.targetConnection = QStringLiteral("target");
    for (const TableInfo &source : ForeignKeyOrder::parentsFirst(*chosen)) {
        QStringList columns;
        for (const ColumnInfo &c : source.columns)
            columns.append(c.name);
        if (auto distinct = checkDistinct(columns, QStringLiteral("columns"), source.name);
            !distinct)
            return distinct.error();
        const QString targetName = name(source.name);
        const TableInfo *existing = m_target.table(targetName);
        if (!existing)
            existing = m_target.tableIgnoringCase(targetName);
        if (existing) {
            p.mappings.append(mappingOnto(source, *existing));
            continue;
        }
        const TableInfo definition = definitionFor(source, chosenNames);
        p.targetTables.append(definition);
        p.mappings.append(mappingOnto(source, definition));
    }
    return Outcome{std::move(p), m_notices};
}

Result<QList<TableInfo>> ProjectInitializer::chosenTables()
{
    QList<TableInfo> chosen;
    QStringList views;
    for (const TableInfo &t : m_source.tables) {
        if (!isChosen(t.name))
            continue;
        if (t.isView)
            views.append(t.name);
        else
            chosen.append(t);
    }
    if (!views.isEmpty())
        m_notices.append(QStringLiteral("Views are not copied: %1.").arg(views.join(", ")));
    if (chosen.isEmpty())
        return Error(Error::Code::Usage,
                     m_source.tables.isEmpty()
                         ? QStringLiteral("the source has no tables")
                         : QStringLiteral("no source table matches the patterns given"),
                     m_options.sourceUrl,
                     QStringLiteral("source tables: %1")
                         .arg(m_source.tableNames().join(QStringLiteral(", "))));
    return chosen;
}

bool ProjectInitializer::isChosen(const QString &table) const
{
    if (!m_options.only.isEmpty() && !m_options.only.contains(table))
        return false;
    if (!m_options.include.isEmpty() && !matchesAny(table, m_options.include))
        return false;
    return !matchesAny(table, m_options.exclude);
}

// Two source names that the rule turns into one target name ("Name" and "name" in lower case).
Result<void> ProjectInitializer::checkDistinct(const QStringList &sourceNames, const QString &what,
                                               const QString &where) const
{
    QHash<QString, QString> seen;
    for (const QString &sourceName : sourceNames) {
        const QString target = name(sourceName);
        if (const auto other = seen.constFind(target); other != seen.cend())
            return Error(Error::Code::Usage,
                         QStringLiteral("the source %1 '%2' and '%3' would both be named '%4' in "
                                        "the target")
                             .arg(what, *other, sourceName, target),
                         where.isEmpty() ? m_options.sourceUrl : where,
                         QStringLiteral("keep the source's names (--names keep) or leave one out "
                                        "(--exclude)"));
        seen.insert(target, sourceName);
    }
    return {};
}

TableMapping ProjectInitializer::mappingOnto(const TableInfo &source, const TableInfo &target)
{
    TableMapping m;
    m.target = target.name;
    m.source = source.name;
    m.mode = m_options.mode;
    QStringList notCopied;
    for (const ColumnInfo &column : source.columns) {
        const ColumnInfo *to = columnIgnoringCase(target, name(column.name));
        if (!to) {
            notCopied.append(column.name);
            continue;
        }
        ColumnMapping c;
        c.target = to->name;
        c.expression = copyExpression(column, *to);
        m.columns.append(c);
    }
    if (!notCopied.isEmpty())
        m_notices.append(QStringLiteral("Target table '%1' exists without column(s) %2 of source "
                                        "table '%3': they are not copied.")
                             .arg(target.name, notCopied.join(", "), source.name));
    return m;
}

// The source column as it is, except where the target type cannot hold the value as it is: an
// instant (timestamptz) into a column without a time zone is written as its UTC wall time.
QString ProjectInitializer::copyExpression(const ColumnInfo &source, const ColumnInfo &target)
{
    const QString reference = ExpressionProposer::reference(source.name);
    if (source.type.kind() == NormalizedType::Kind::TimestampTz &&
        target.type.kind() == NormalizedType::Kind::Timestamp)
        return QStringLiteral("from_utc(%1, 'UTC')").arg(reference);
    return reference;
}

TableInfo ProjectInitializer::definitionFor(const TableInfo &source, const QSet<QString> &chosen)
{
    TableInfo t;
    t.name = name(source.name);
    for (const ColumnInfo &column : source.columns)
        t.columns.append(targetColumn(t.name, column));
    for (const QString &key : source.primaryKey)
        t.primaryKey.append(name(key));
    t.indexes = targetIndexes(source, t.name);
    t.checks = targetChecks(source) + enumChecks(source, t.name);
    t.foreignKeys = targetForeignKeys(source, t.name, chosen);
    for (ColumnInfo &c : t.columns) {
        c.type = DdlGenerator::typeAsCreated(t, c, m_targetKind);
        c.declaredType = c.nativeType.isEmpty() ? c.type.toString() : c.nativeType;
    }
    if (t.name != source.name)
        m_notices.append(QStringLiteral("Source table '%1' becomes target table '%2'.")
                             .arg(source.name, t.name));
    return t;
}

ColumnInfo ProjectInitializer::targetColumn(const QString &table, const ColumnInfo &source)
{
    ColumnInfo c;
    c.name = name(source.name);
    c.type = source.type;
    c.nativeType = nativeType(source);
    c.declaredType = c.type.toString();
    c.nullable = source.nullable;
    c.autoIncrement = source.autoIncrement;
    c.primaryKeyPosition = source.primaryKeyPosition;
    if (source.type.isTemporal() && source.defaultValue.contains(QLatin1String("0000-00-00"))) {
        // MySQL's zero date arrives as NULL (MySqlTemporalValue): a column that defaults to it
        // holds such rows, and must take them.
        c.nullable = true;
        m_notices.append(QStringLiteral("Column %1.%2 is created nullable and without its default "
                                        "%3: MySQL's zero dates arrive as NULL.")
                             .arg(table, c.name, source.defaultValue));
    } else if (source.hasDefault || !source.defaultValue.isEmpty()) {
        // Stored as PostgreSQL spells it; DdlGenerator spells it again for the real target.
        if (const auto literal = DefaultLiteral::of(source, ConnectionSpec::Kind::PostgreSql)) {
            c.hasDefault = true;
            c.defaultValue = *literal;
        } else if (!source.autoIncrement) {
            m_notices.append(QStringLiteral("Column %1.%2 is created without its default %3: "
                                            "%4 has no constant of type %5 for it.")
                                 .arg(table, c.name, source.defaultValue,
                                      ConnectionSpec::productName(m_targetKind),
                                      c.type.toString()));
        }
    }
    return c;
}

// The source's own spelling of a column type, when the target is of the same dialect and knows
// the type by that name: PostgreSQL's built-in types (not the source's domains and enums, which
// the target lacks), any MySQL type but MariaDB's JSON (a LONGTEXT with a check), any SQLite one.
QString ProjectInitializer::nativeType(const ColumnInfo &source) const
{
    if (sourceKind() != m_targetKind || source.declaredType.isEmpty())
        return QString();
    if (m_targetKind == ConnectionSpec::Kind::MySql)
        return source.type.kind() == NormalizedType::Kind::Json ? QString() : source.declaredType;
    if (m_targetKind != ConnectionSpec::Kind::PostgreSql)
        return source.declaredType;
    static const QSet<QString> builtIn = {"smallint",
                                          "integer",
                                          "bigint",
                                          "numeric",
                                          "real",
                                          "double precision",
                                          "money",
                                          "text",
                                          "character varying",
                                          "character",
                                          "\"char\"",
                                          "name",
                                          "boolean",
                                          "date",
                                          "time without time zone",
                                          "time with time zone",
                                          "timestamp without time zone",
                                          "timestamp with time zone",
                                          "interval",
                                          "uuid",
                                          "json",
                                          "jsonb",
                                          "xml",
                                          "bytea",
                                          "inet",
                                          "cidr",
                                          "macaddr",
                                          "macaddr8",
                                          "bit",
                                          "bit varying",
                                          "tsvector",
                                          "int4range",
                                          "int8range",
                                          "numrange",
                                          "tsrange",
                                          "tstzrange",
                                          "daterange",
                                          "point",
                                          "line",
                                          "lseg",
                                          "box",
                                          "path",
                                          "polygon",
                                          "circle"};
    static const QRegularExpression arguments(QStringLiteral(R"(\([^)]*\)|\[\])"));
    const QString base = QString(source.declaredType).remove(arguments).simplified();
    return builtIn.contains(base) ? source.declaredType : QString();
}

QList<IndexInfo> ProjectInitializer::targetIndexes(const TableInfo &source,
                                                   const QString &targetName)
{
    QList<IndexInfo> indexes;
    for (const IndexInfo &index : source.indexes) {
        IndexInfo i = index;
        if (!index.isPlain() && !translateIndex(source, i))
            continue;
        i.columns.clear();
        for (const QString &column : index.columns)
            i.columns.append(name(column));
        // SQLite's own names (sqlite_autoindex_...) are reserved there: name them afresh.
        const QString base = index.name.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive)
                                 ? targetName + QLatin1Char('_') + i.columns.join('_') +
                                       (i.unique ? QStringLiteral("_key") : QStringLiteral("_idx"))
                                 : index.name;
        i.name = name(base);
        indexes.append(i);
    }
    return indexes;
}

QList<ForeignKeyInfo> ProjectInitializer::targetForeignKeys(const TableInfo &source,
                                                            const QString &targetName,
                                                            const QSet<QString> &chosen)
{
    QList<ForeignKeyInfo> keys;
    for (const ForeignKeyInfo &key : source.foreignKeys) {
        if (!chosen.contains(key.referencedTable)) {
            m_notices.append(QStringLiteral("The foreign key of %1(%2) to table '%3' is not "
                                            "created: that table is not copied.")
                                 .arg(source.name, key.columns.join(", "), key.referencedTable));
            continue;
        }
        ForeignKeyInfo k;
        for (const QString &column : key.columns)
            k.columns.append(name(column));
        k.referencedTable = name(key.referencedTable);
        QStringList referenced = key.referencedColumns;
        if (referenced.isEmpty()) // SQLite: REFERENCES t alone means t's primary key
            if (const TableInfo *parent = m_source.table(key.referencedTable))
                referenced = parent->primaryKey;
        for (const QString &column : std::as_const(referenced))
            k.referencedColumns.append(name(column));
        const QString base = key.name.isEmpty() ? targetName + QLatin1Char('_') +
                                                      k.columns.join('_') + QStringLiteral("_fkey")
                                                : key.name;
        k.name = name(base);
        keys.append(k);
    }
    return keys;
}

// A partial or expression index in the target's dialect; false, with a notice, when the target
// cannot have it.
bool ProjectInitializer::translateIndex(const TableInfo &source, IndexInfo &index)
{
    const QString what = QStringLiteral("Index '%1' of table '%2'").arg(index.name, source.name);
    const auto refuse = [&](const QString &why) {
        m_notices.append(QStringLiteral("%1 is not created: %2.").arg(what, why));
        return false;
    };
    const bool mySql = m_targetKind == ConnectionSpec::Kind::MySql;
    if (index.partial && index.where.isEmpty())
        return refuse(QStringLiteral("its condition is not known"));
    for (qsizetype i = 0; i < index.columns.size(); ++i)
        if (index.columns[i] == QLatin1String("<expression>") && index.expression(i).isEmpty())
            return refuse(QStringLiteral("its expression is not known"));
    if (mySql && index.partial)
        return refuse(QStringLiteral("MySQL and MariaDB have no partial indexes (WHERE %1)")
                          .arg(index.where));
    if (mySql && index.hasExpressions())
        return refuse(QStringLiteral("MariaDB has no expression indexes"));
    if (index.partial) {
        const auto where = translated(source, index.where, what);
        if (!where)
            return false;
        index.where = *where;
    }
    for (qsizetype i = 0; i < index.expressions.size(); ++i) {
        if (index.expressions[i].isEmpty())
            continue;
        const auto term = translated(source, index.expressions[i], what);
        if (!term)
            return false;
        index.expressions[i] = *term;
        index.columns[i] = QStringLiteral("<expression>");
    }
    return true;
}

QList<CheckInfo> ProjectInitializer::targetChecks(const TableInfo &source)
{
    QList<CheckInfo> checks;
    for (const CheckInfo &check : source.checks) {
        const auto expression =
            translated(source, check.expression,
                       QStringLiteral("Check '%1' of table '%2'").arg(check.name, source.name));
        if (expression)
            checks.append({name(check.name), *expression});
    }
    return checks;
}

// A MySQL enum('a','b') column becomes a text column elsewhere: a CHECK keeps it to its values.
QList<CheckInfo> ProjectInitializer::enumChecks(const TableInfo &source, const QString &targetName)
{
    QList<CheckInfo> checks;
    if (sourceKind() != ConnectionSpec::Kind::MySql || m_targetKind == ConnectionSpec::Kind::MySql)
        return checks;
    for (const ColumnInfo &column : source.columns) {
        if (!column.declaredType.startsWith(QLatin1String("enum("), Qt::CaseInsensitive))
            continue;
        const QString values = column.declaredType.mid(4); // ('a','b'), as MySQL spells strings
        const QString expression =
            SqlDialect::quoteIdentifier(column.name, ConnectionSpec::Kind::MySql) +
            QStringLiteral(" IN ") + values;
        const QString checkName =
            targetName + QLatin1Char('_') + name(column.name) + QStringLiteral("_check");
        const auto translation = translated(
            source, expression,
            QStringLiteral("The check of enum column %1.%2").arg(source.name, column.name));
        if (translation)
            checks.append({name(checkName), *translation});
    }
    return checks;
}

// The expression in the target's dialect, its names renamed by the rule; nothing, with a notice
// saying what is not created and why, when it does not translate. Between databases of one kind
// whose names stay as they are, an expression the translator does not know is kept as it is.
std::optional<QString> ProjectInitializer::translated(const TableInfo &source,
                                                      const QString &expression,
                                                      const QString &what)
{
    const auto from = sourceKind();
    if (!from) {
        m_notices.append(
            QStringLiteral("%1 is not created: the source's dialect is not known.").arg(what));
        return std::nullopt;
    }
    const SqlExpressionTranslator translator(*from, m_targetKind, m_rule, source.columns);
    const auto translation = translator.translate(expression);
    if (translation)
        return translation->sql;
    const bool namesKept = std::all_of(source.columns.cbegin(), source.columns.cend(),
                                       [&](const ColumnInfo &c) { return name(c.name) == c.name; });
    if (*from == m_targetKind && namesKept)
        return expression;
    m_notices.append(QStringLiteral("%1 is not created: %2 does not translate to %3: %4.")
                         .arg(what, expression.simplified(),
                              ConnectionSpec::productName(m_targetKind),
                              translation.error().message()));
    return std::nullopt;
}

std::optional<ConnectionSpec::Kind> ProjectInitializer::sourceKind() const
{
    if (m_options.sourceKind)
        return m_options.sourceKind;
    if (const auto spec = ConnectionSpec::parse(m_options.sourceUrl))
        return spec->kind();
    return std::nullopt;
}

} // namespace cutover

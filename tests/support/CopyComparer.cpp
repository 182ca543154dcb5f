#include "CopyComparer.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/SqlDialect.h"
#include "run/target/TargetSessionFactory.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace cutover::test {

namespace {

using Kind = NormalizedType::Kind;

constexpr int kShownPerTable = 3;

QString unquoted(QString name)
{
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '`') &&
        name.back() == name.front())
        name =
            name.mid(1, name.size() - 2).replace(QString(2, name.front()), QString(name.front()));
    return name;
}

// The source column a lift-and-shift expression reads: a quoted or bare name, or the name inside
// from_utc(x, 'UTC') (an instant into a column without a time zone).
QString sourceColumnOf(const QString &expression)
{
    static const QRegularExpression utc(QStringLiteral(R"(^from_utc\((.+), 'UTC'\)$)"));
    const auto match = utc.match(expression);
    return unquoted(match.hasMatch() ? match.captured(1) : expression);
}

QString decimalText(QString text)
{
    if (text.contains('.') && !text.contains('e', Qt::CaseInsensitive)) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

QDateTime dateTimeOf(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime();
    QString text = value.toString().trimmed();
    text.replace(' ', 'T');
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString canonical(const QVariant &value, Kind kind)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
    // MySQL's zero date, which the driver gives as an invalid date, is copied as NULL
    const QString text = value.toString();
    const bool temporal =
        kind == Kind::Date || kind == Kind::Timestamp || kind == Kind::TimestampTz;
    if (temporal && (text.isEmpty() || text.startsWith(QLatin1String("0000-00-00"))))
        return QStringLiteral("NULL");
    switch (kind) {
    case Kind::Decimal:
        return decimalText(value.toString());
    case Kind::Real: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        return ok ? QString::number(d, 'g', 17) : QStringLiteral("text:") + value.toString();
    }
    case Kind::Boolean:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Date:
        return value.toDate().isValid() ? value.toDate().toString(Qt::ISODate) : value.toString();
    case Kind::Time:
        return value.toTime().isValid() ? value.toTime().toString(QStringLiteral("HH:mm:ss.zzz"))
                                        : value.toString();
    case Kind::Timestamp:
    case Kind::TimestampTz: {
        QDateTime dt = dateTimeOf(value);
        // an instant; one without a zone (MySQL's DATETIME the copy wrote) holds UTC
        if (kind == Kind::TimestampTz)
            dt = dt.timeSpec() == Qt::LocalTime ? QDateTime(dt.date(), dt.time(), Qt::UTC)
                                                : dt.toUTC();
        return dt.isValid() ? dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                            : value.toString();
    }
    case Kind::Json: {
        const QByteArray text = value.toByteArray();
        const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']');
        return doc.isNull() ? QString::fromUtf8(text)
                            : QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    case Kind::Blob:
        return QString::fromLatin1(value.toByteArray().toHex());
    case Kind::Uuid:
        return value.toString().toLower().remove('{').remove('}');
    default:
        return value.toString();
    }
}

Result<QStringList> canonicalRows(TargetSession &session, const QString &table,
                                  const QStringList &columns, const QList<Kind> &kinds)
{
    const auto kind = session.kind();
    const auto rows = session.query(QStringLiteral("SELECT %1 FROM %2")
                                        .arg(SqlDialect::quoteIdentifiers(columns, kind),
                                             SqlDialect::quoteIdentifier(table, kind)));
    if (!rows)
        return rows.error();
    QStringList result;
    for (const QVariantList &row : *rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells.append(canonical(row.at(i), kinds.value(i)));
        result.append(cells.join(QStringLiteral(" | ")));
    }
    std::sort(result.begin(), result.end());
    return result;
}

QStringList missingFrom(const QStringList &have, const QStringList &want)
{
    QStringList missing;
    std::set_difference(want.cbegin(), want.cend(), have.cbegin(), have.cend(),
                        std::back_inserter(missing));
    return missing;
}

} // namespace

QStringList CopyComparer::differences(const Project &project, const PasswordProvider *passwords)
{
    const ConnectionDef *sourceDef = project.connection(project.sourceConnection);
    auto sourceSpec =
        ConnectionSpec::parse(sourceDef ? sourceDef->url : QString(), project.baseDir);
    auto targetSpec = project.targetSpec();
    if (!sourceSpec || !targetSpec)
        return {QStringLiteral("the project's connections do not parse")};
    auto schema = IntrospectorFactory::create(*sourceSpec, passwords)->introspect();
    auto source = TargetSessionFactory::open(*sourceSpec, passwords);
    auto target = TargetSessionFactory::open(*targetSpec, passwords);
    if (!schema || !source || !target)
        return {QStringLiteral("cannot open the source or the target")};
    QStringList found;
    for (const TableMapping &m : project.mappings) {
        const TableInfo *table = schema->table(m.source);
        if (!table) {
            found.append(QStringLiteral("no source table %1").arg(m.source));
            continue;
        }
        QStringList sourceColumns;
        QStringList targetColumns;
        QList<Kind> kinds;
        for (const ColumnMapping &c : m.columns) {
            const ColumnInfo *column = table->column(sourceColumnOf(c.expression));
            sourceColumns.append(sourceColumnOf(c.expression));
            targetColumns.append(c.target);
            kinds.append(column ? column->type.kind() : Kind::Unknown);
        }
        const auto want = canonicalRows(**source, m.source, sourceColumns, kinds);
        const auto have = canonicalRows(**target, m.target, targetColumns, kinds);
        if (!want || !have) {
            found.append(QStringLiteral("%1: %2").arg(
                m.target, (!want ? want.error() : have.error()).toString()));
            continue;
        }
        const QStringList lost = missingFrom(*have, *want);
        const QStringList extra = missingFrom(*want, *have);
        for (const QString &row : lost.mid(0, kShownPerTable))
            found.append(QStringLiteral("%1: source row not in the target: %2").arg(m.target, row));
        for (const QString &row : extra.mid(0, kShownPerTable))
            found.append(QStringLiteral("%1: target row not in the source: %2").arg(m.target, row));
    }
    return found;
}

} // namespace cutover::test

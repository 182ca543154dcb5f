#include "reconcile/ChecksumSql.h"

#include "core/ValueText.h"
#include "dialect/SqlDialect.h"
#include "reconcile/ValueComparer.h"

#include <QRegularExpression>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;

const char *const kUuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

QString baseType(const ColumnInfo &column)
{
    QString declared = column.declaredType.trimmed().toLower();
    if (const qsizetype paren = declared.indexOf(QLatin1Char('(')); paren >= 0)
        declared = declared.left(paren).trimmed();
    return declared;
}

QString tagOf(Kind kind)
{
    return kind == Kind::Integer || kind == Kind::Boolean ? QStringLiteral("i")
           : kind == Kind::Real                           ? QStringLiteral("d")
                                                          : QStringLiteral("s");
}

bool isUuidText(const QString &text)
{
    static const QRegularExpression pattern(QString::fromLatin1(kUuidPattern));
    return pattern.match(text).hasMatch();
}

} // namespace

ChecksumSql::ChecksumSql(ConnectionSpec::Kind kind, const QString &table,
                         const QList<ColumnInfo> &columns, const QList<int> &keyColumns)
    : m_kind(kind)
    , m_table(table)
    , m_columns(columns)
    , m_keyColumns(keyColumns)
{
    if (kind != ConnectionSpec::Kind::PostgreSql && kind != ConnectionSpec::Kind::MySql) {
        m_unsupported = QStringLiteral("segment checksums need a PostgreSQL or MySQL target");
        return;
    }
    if (keyColumns.isEmpty()) {
        m_unsupported = QStringLiteral("segment checksums need a key");
        return;
    }
    for (int k : keyColumns) {
        const Kind type = columns.at(k).type.kind();
        if (type != Kind::Integer && type != Kind::Text && type != Kind::Uuid) {
            m_unsupported = QStringLiteral("the key column %1 (%2) has no binary order in SQL")
                                .arg(columns.at(k).name, columns.at(k).declaredType);
            return;
        }
    }
    for (const ColumnInfo &c : columns)
        if (piece(c).isEmpty()) {
            m_unsupported = QStringLiteral("column %1 (%2) cannot be brought to its canonical "
                                           "form in SQL")
                                .arg(c.name, c.declaredType);
            return;
        }
}

QString ChecksumSql::column(const ColumnInfo &column) const
{
    return SqlDialect::quoteIdentifier(column.name, m_kind);
}

// The column's canonical value as SQL text; valid is set to a condition its value must meet
// for that text to be the canonical one. Empty when the type is not supported.
QString ChecksumSql::postgresValue(const ColumnInfo &info, QString &valid) const
{
    const QString c = column(info);
    const QString base = baseType(info);
    switch (info.type.kind()) {
    case Kind::Integer:
        return c + QStringLiteral("::text");
    case Kind::Boolean:
        if (base != QLatin1String("boolean") && base != QLatin1String("bool"))
            return {};
        return QStringLiteral("CASE WHEN %1 THEN '1' ELSE '0' END").arg(c);
    case Kind::Text:
        return c + QStringLiteral("::text"); // character(n) to text drops the padding
    case Kind::Uuid:
        if (base != QLatin1String("uuid"))
            valid = QStringLiteral("%1::text ~ '%2'").arg(c, QLatin1String(kUuidPattern));
        return c + QStringLiteral("::text");
    case Kind::Real:
        // PostgreSQL 12 on writes a double's shortest round-trip digits (extra_float_digits > 0),
        // as ValueText does. Where the two choose the exponent form differently (1e14, 0.0001)
        // the segment differs and its rows are compared one by one: slower, never wrong.
        if (base != QLatin1String("double precision") && base != QLatin1String("float8"))
            return {}; // a real (float4) is compared at single precision
        valid = QStringLiteral("%1::text NOT IN ('NaN', 'Infinity', '-Infinity')").arg(c);
        return c + QStringLiteral("::text");
    case Kind::Decimal:
        if (base != QLatin1String("numeric") && base != QLatin1String("decimal"))
            return {};
        valid = QStringLiteral("%1::text NOT IN ('NaN', 'Infinity', '-Infinity')").arg(c);
        if (ValueComparer::keepsDecimalScale(info, m_kind))
            return c + QStringLiteral("::text"); // as written: 1.50 is not 1.5
        return QStringLiteral("CASE WHEN strpos(%1::text, '.') > 0 THEN "
                              "rtrim(rtrim(%1::text, '0'), '.') ELSE %1::text END")
            .arg(c);
    case Kind::Date:
        if (base != QLatin1String("date"))
            return {};
        valid = QStringLiteral("%1 BETWEEN '0001-01-01' AND '9999-12-31'").arg(c);
        return QStringLiteral("to_char(%1, 'YYYY-MM-DD')").arg(c);
    case Kind::Timestamp:
    case Kind::TimestampTz: {
        const bool tz = info.type.kind() == Kind::TimestampTz;
        if (!base.startsWith(QLatin1String("timestamp")))
            return {};
        // Qt reads timestamps to the millisecond: finer ones are not canonical here.
        const QString t = tz ? QStringLiteral("(%1 AT TIME ZONE 'UTC')").arg(c) : c;
        valid = QStringLiteral("%1 BETWEEN '0001-01-01' AND '9999-12-31 23:59:59.999' AND "
                               "extract(microseconds FROM %1)::bigint %% 1000 = 0")
                    .arg(t)
                    .replace(QStringLiteral("%%"), QStringLiteral("%"));
        return QStringLiteral("to_char(%1, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
                              "extract(microseconds FROM %1)::bigint %% 1000000 = 0 THEN '' "
                              "ELSE '.' || to_char(%1, 'MS') END%2")
            .arg(t, tz ? QStringLiteral(" || 'Z'") : QString())
            .replace(QStringLiteral("%%"), QStringLiteral("%"));
    }
    default:
        return {};
    }
}

QString ChecksumSql::mySqlValue(const ColumnInfo &info, QString &valid) const
{
    const QString c = column(info);
    const QString base = baseType(info);
    const bool textual = base.contains(QLatin1String("char")) ||
                         base.contains(QLatin1String("text")) || base == QLatin1String("enum");
    const QString realDate =
        QStringLiteral("YEAR(%1) > 0 AND MONTH(%1) > 0 AND DAYOFMONTH(%1) > 0").arg(c);
    switch (info.type.kind()) {
    case Kind::Integer:
        return QStringLiteral("CAST(%1 AS CHAR)").arg(c);
    case Kind::Boolean:
        valid = QStringLiteral("%1 IN (0, 1)").arg(c);
        return QStringLiteral("CAST(%1 AS CHAR)").arg(c);
    case Kind::Text:
        if (!textual)
            return {};
        // CHAR(n) reads without its trailing spaces, unless PAD_CHAR_TO_FULL_LENGTH is set.
        return ValueComparer::isFixedLengthText(info, m_kind)
                   ? QStringLiteral("TRIM(TRAILING ' ' FROM %1)").arg(c)
                   : c;
    case Kind::Uuid:
        if (!textual)
            return {};
        valid =
            QStringLiteral("CAST(%1 AS BINARY) REGEXP '%2'").arg(c, QLatin1String(kUuidPattern));
        return c;
    case Kind::Decimal:
        if (base != QLatin1String("decimal") && base != QLatin1String("numeric"))
            return {};
        return QStringLiteral("CASE WHEN %1 = 0 THEN '0' WHEN LOCATE('.', CAST(%1 AS CHAR)) > 0 "
                              "THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM "
                              "CAST(%1 AS CHAR))) ELSE CAST(%1 AS CHAR) END")
            .arg(c);
    case Kind::Date:
        if (base != QLatin1String("date"))
            return {};
        valid = realDate;
        return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d')").arg(c);
    case Kind::Timestamp:
        if (base != QLatin1String("datetime"))
            return {};
        valid = realDate +
                QStringLiteral(" AND MICROSECOND(%1) %2 1000 = 0").arg(c, QStringLiteral("%"));
        return QStringLiteral("CONCAT(DATE_FORMAT(%1, '%Y-%m-%dT%H:%i:%s'), CASE WHEN "
                              "MICROSECOND(%1) = 0 THEN '' ELSE CONCAT('.', "
                              "LEFT(DATE_FORMAT(%1, '%f'), 3)) END)")
            .arg(c);
    default:
        return {};
    }
}

// "N" for NULL, "?" for a value whose canonical text SQL cannot write, else tag, byte length,
// ':' and the text (RowChecksum::rowText).
QString ChecksumSql::piece(const ColumnInfo &info) const
{
    QString valid;
    QString value = isPostgres() ? postgresValue(info, valid) : mySqlValue(info, valid);
    if (value.isEmpty())
        return {};
    const QString tag = tagOf(info.type.kind());
    QString text;
    if (isPostgres()) {
        text = QStringLiteral("'%1' || octet_length(%2) || ':' || %2").arg(tag, value);
    } else {
        value = QStringLiteral("CONVERT(%1 USING utf8mb4)").arg(value);
        text = QStringLiteral("CONCAT('%1', LENGTH(%2), ':', %2)").arg(tag, value);
    }
    const QString invalid =
        valid.isEmpty() ? QString() : QStringLiteral(" WHEN NOT (%1) THEN '?'").arg(valid);
    return QStringLiteral("CASE WHEN %1 IS NULL THEN 'N'%2 ELSE %3 END")
        .arg(column(info), invalid, text);
}

QString ChecksumSql::rowHash() const
{
    QStringList pieces;
    for (const ColumnInfo &c : m_columns)
        pieces.append(piece(c));
    if (isPostgres())
        return QStringLiteral("('x' || lpad(substr(md5(%1), 18), 16, '0'))::bit(64)::bigint")
            .arg(pieces.join(QStringLiteral(" || ")));
    return QStringLiteral("CAST(CONV(SUBSTRING(MD5(CONCAT(%1)), 18), 16, 10) AS UNSIGNED)")
        .arg(pieces.join(QStringLiteral(", ")));
}

QString ChecksumSql::keyExpression() const
{
    QStringList parts;
    for (int k : m_keyColumns) {
        const ColumnInfo &info = m_columns.at(k);
        const QString c = column(info);
        if (info.type.kind() == Kind::Integer)
            parts.append(c);
        else if (!isPostgres())
            parts.append(QStringLiteral("CAST(%1 AS BINARY)").arg(c));
        else if (baseType(info) == QLatin1String("uuid"))
            parts.append(c);
        else
            parts.append(c + QStringLiteral(" COLLATE \"C\""));
    }
    return parts.size() == 1
               ? parts.first()
               : QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString ChecksumSql::anyKeyNull() const
{
    QStringList parts;
    for (int k : m_keyColumns)
        parts.append(column(m_columns.at(k)) + QStringLiteral(" IS NULL"));
    return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

std::optional<QString> ChecksumSql::keyLiteral(const QVariantList &key) const
{
    if (key.size() != m_keyColumns.size())
        return std::nullopt;
    QStringList parts;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const ColumnInfo &info = m_columns.at(m_keyColumns.at(i));
        const QVariant &value = key.at(i);
        if (value.isNull())
            return std::nullopt;
        if (info.type.kind() == Kind::Integer) {
            if (!ValueText::isInteger(value))
                return std::nullopt;
            parts.append(QString::number(value.toLongLong()));
            continue;
        }
        if (value.typeId() != QMetaType::QString)
            return std::nullopt;
        const QString text = value.toString();
        if (text.contains(QChar(0)))
            return std::nullopt;
        if (!isPostgres()) {
            parts.append(QStringLiteral("X'%1'").arg(QString::fromLatin1(text.toUtf8().toHex())));
        } else if (baseType(info) == QLatin1String("uuid")) {
            if (!isUuidText(text))
                return std::nullopt;
            parts.append(SqlDialect::quoteString(text) + QStringLiteral("::uuid"));
        } else {
            parts.append(SqlDialect::quoteString(text));
        }
    }
    return parts.size() == 1
               ? parts.first()
               : QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString ChecksumSql::range(const std::optional<QString> &lo, const std::optional<QString> &hi) const
{
    const QString key = keyExpression();
    if (lo && hi)
        return QStringLiteral("(NOT %1 AND %2 >= %3 AND %2 < %4)").arg(anyKeyNull(), key, *lo, *hi);
    if (lo)
        return QStringLiteral("(NOT %1 AND %2 >= %3)").arg(anyKeyNull(), key, *lo);
    if (hi)
        return QStringLiteral("(%1 OR %2 < %3)").arg(anyKeyNull(), key, *hi);
    return QStringLiteral("1 = 1");
}

// A balanced tree of CASEs: log2(buckets) comparisons per row.
QString ChecksumSql::bucketOf(const QStringList &boundaries, qsizetype lo, qsizetype hi) const
{
    if (lo == hi)
        return QString::number(lo);
    const qsizetype mid = (lo + hi) / 2;
    return QStringLiteral("CASE WHEN %1 < %2 THEN %3 ELSE %4 END")
        .arg(keyExpression(), boundaries.at(mid), bucketOf(boundaries, lo, mid),
             bucketOf(boundaries, mid + 1, hi));
}

QString ChecksumSql::bucketQuery(const QStringList &boundaries, const QString &where) const
{
    const QString bucket = boundaries.isEmpty()
                               ? QStringLiteral("0")
                               : QStringLiteral("CASE WHEN %1 THEN 0 ELSE %2 END")
                                     .arg(anyKeyNull(), bucketOf(boundaries, 0, boundaries.size()));
    const QString sum =
        isPostgres() ? QStringLiteral("SUM(h)::text") : QStringLiteral("CAST(SUM(h) AS CHAR)");
    return QStringLiteral("SELECT b, COUNT(*), %1 FROM (SELECT %2 AS b, %3 AS h FROM %4 WHERE %5) "
                          "AS cutover_segments GROUP BY b")
        .arg(sum, bucket, rowHash(), SqlDialect::quoteIdentifier(m_table, m_kind), where);
}

} // namespace cutover

#include "reconcile/ValueComparer.h"

#include "core/DecimalText.h"
#include "core/IsoTimestamp.h"
#include "core/ValueText.h"
#include "reconcile/JsonbText.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <charconv>
#include <cmath>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;

// Seconds and nanoseconds of a canonical timestamp or time text.
struct Instant
{
    qint64 seconds = 0;
    qint64 nanos = 0;
    std::optional<int> offset; // a timestamp without time zone written with one (SQLite)
};

__extension__ using Nanos = __int128; // nanoseconds from 1970 overflow 64 bits past the year 2262

Nanos nanosOf(const Instant &t)
{
    return Nanos(t.seconds) * 1000000000 + t.nanos;
}

// "+02:00" for an offset east of UTC in seconds.
QString offsetText(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

qint64 fractionNanos(QString digits)
{
    digits = digits.left(9);
    while (digits.size() < 9)
        digits.append(QLatin1Char('0'));
    return digits.toLongLong();
}

QString trimmedFraction(QString digits)
{
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return digits;
}

const QRegularExpression &timePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*$)"));
    return pattern;
}

std::optional<Instant> parseTime(const QString &text)
{
    const auto m = timePattern().match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Instant t;
    t.seconds = m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 +
                m.captured(3).toLongLong();
    t.nanos = fractionNanos(m.captured(4));
    return t;
}

std::optional<Instant> parseTimestamp(const QString &text, bool toUtc)
{
    auto parsed = IsoTimestamp::parse(text.trimmed());
    if (!parsed)
        return std::nullopt;
    Instant t;
    t.seconds = parsed->wallSeconds() - (toUtc && parsed->hasOffset ? parsed->offsetSeconds : 0);
    t.nanos = fractionNanos(parsed->fraction);
    if (!toUtc && parsed->hasOffset)
        t.offset = parsed->offsetSeconds;
    return t;
}

QString textOf(const QVariant &value)
{
    return ValueText::of(value);
}

std::optional<int> declaredLength(const QString &declared)
{
    static const QRegularExpression pattern(QStringLiteral(R"(\(\s*(\d+)\s*\))"));
    const auto m = pattern.match(declared);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

QString withoutTrailingSpaces(QString text)
{
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

QVariant canonicalInteger(const QVariant &value)
{
    if (ValueText::isInteger(value))
        return QVariant(value.toLongLong());
    if (value.typeId() == QMetaType::Bool)
        return QVariant(qint64(value.toBool() ? 1 : 0));
    if (auto d = DecimalText::parse(textOf(value)))
        if (auto whole = d->toInteger())
            return QVariant(*whole);
    return QVariant(textOf(value));
}

// The digits after the point as written; -1 when text has an exponent (no scale of its own).
int writtenScale(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.contains(QLatin1Char('e'), Qt::CaseInsensitive))
        return -1;
    const qsizetype point = trimmed.indexOf(QLatin1Char('.'));
    return point < 0 ? 0 : int(trimmed.size() - point - 1);
}

QVariant canonicalDecimal(const QVariant &value, bool keepsScale)
{
    const QString text = textOf(value);
    if (auto d = DecimalText::parse(text))
        return QVariant(d->toString(keepsScale ? writtenScale(text) : -1));
    return QVariant(text);
}

// The float a single-precision column stores for d: PostgreSQL parses the shortest text the
// run sends (float4in), MySQL narrows the double it parsed.
double singlePrecision(double d, ConnectionSpec::Kind kind)
{
    if (kind != ConnectionSpec::Kind::PostgreSql || !std::isfinite(d) || d == 0)
        return double(float(d));
    const QByteArray text = ValueText::of(QVariant(d)).toLatin1();
    float f = 0;
    const auto parsed = std::from_chars(text.constData(), text.constData() + text.size(), f);
    return parsed.ec == std::errc() ? double(f) : double(float(d));
}

QVariant canonicalBoolean(const QVariant &value)
{
    const QString text = textOf(value).trimmed().toLower();
    if (text == QLatin1String("1") || text == QLatin1String("t") || text == QLatin1String("true") ||
        text == QLatin1String("yes") || text == QLatin1String("y"))
        return QVariant(qint64(1));
    if (text == QLatin1String("0") || text == QLatin1String("f") ||
        text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("n"))
        return QVariant(qint64(0));
    return QVariant(textOf(value));
}

QVariant canonicalUuid(const QVariant &value)
{
    const QString text = textOf(value).trimmed();
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull() && text != QLatin1String("00000000-0000-0000-0000-000000000000"))
        return QVariant(text);
    return QVariant(uuid.toString(QUuid::WithoutBraces));
}

QVariant canonicalJson(const QVariant &value)
{
    const QByteArray bytes =
        value.typeId() == QMetaType::QByteArray ? value.toByteArray() : textOf(value).toUtf8();
    // Wrapped in an array, so that a scalar document ("null", "1", "\"x\"") parses too.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + bytes + ']', &error);
    if (error.error != QJsonParseError::NoError)
        return QVariant(QString::fromUtf8(bytes));
    // QJsonObject keeps its keys sorted, so equal documents give equal text.
    return QVariant(QString::fromUtf8(doc.toJson(QJsonDocument::Compact).chopped(1).mid(1)));
}

int compareNumbers(const QVariant &a, const QVariant &b)
{
    if (ValueText::isInteger(a) && ValueText::isInteger(b))
        return a.toLongLong() < b.toLongLong() ? -1 : a.toLongLong() > b.toLongLong() ? 1 : 0;
    // Doubles (and integers beside them) by value: a long double holds both exactly, and this
    // spares parsing their text for every value a column profile looks at.
    const auto binary = [](const QVariant &v) {
        return v.typeId() == QMetaType::Double || ValueText::isInteger(v);
    };
    if (binary(a) && binary(b)) {
        const long double x = a.typeId() == QMetaType::Double ? a.toDouble() : a.toLongLong();
        const long double y = b.typeId() == QMetaType::Double ? b.toDouble() : b.toLongLong();
        if (!std::isnan(x) && !std::isnan(y))
            return x < y ? -1 : x > y ? 1 : 0;
    }
    const auto da = DecimalText::parse(textOf(a));
    const auto db = DecimalText::parse(textOf(b));
    if (da && db)
        return DecimalText::compare(*da, *db);
    return QString::compare(textOf(a), textOf(b));
}

} // namespace

ValueComparer::ValueComparer(const ColumnInfo &column, ConnectionSpec::Kind targetKind,
                             const ColumnCompareOverride &override)
    : m_column(column.name)
    , m_type(column.type)
    , m_database(targetKind)
{
    if (m_type.kind() == Kind::Real)
        m_singlePrecision = isSinglePrecision(column, targetKind);
    m_keepsScale = m_type.kind() == Kind::Decimal && keepsDecimalScale(column, targetKind);
    m_json = jsonFormOf(column, targetKind);
    m_precision = defaultPrecision(column, targetKind);
    m_rounding = targetKind == ConnectionSpec::Kind::Sqlite       ? Rounding::None
                 : targetKind == ConnectionSpec::Kind::PostgreSql ? Rounding::Nearest
                                                                  : Rounding::NearestOrDown;
    m_fixedLength = m_type.kind() == Kind::Text && isFixedLengthText(column, targetKind);
    m_ignoreTrailingSpaces = m_fixedLength;
    if (override.tolerance) {
        m_tolerance = *override.tolerance;
        m_keepsScale = false;
    }
    if (override.precision) {
        m_precision = *override.precision;
        m_rounding = Rounding::NearestOrDown;
    }
    m_asStored = keepsSpelling(m_type.kind(), targetKind) && !override.precision;
    if (override.ignoreCase)
        m_ignoreCase = *override.ignoreCase;
    if (override.ignoreTrailingSpaces)
        m_ignoreTrailingSpaces = *override.ignoreTrailingSpaces;
}

bool ValueComparer::keepsSpelling(NormalizedType::Kind kind, ConnectionSpec::Kind database)
{
    switch (kind) {
    case Kind::Date:
    case Kind::Time:
    case Kind::Timestamp:
    case Kind::TimestampTz:
    case Kind::Uuid:
    case Kind::Boolean:
        return database == ConnectionSpec::Kind::Sqlite;
    default:
        return false;
    }
}

int ValueComparer::defaultPrecision(const ColumnInfo &column, ConnectionSpec::Kind kind)
{
    if (kind == ConnectionSpec::Kind::Sqlite)
        return 9; // SQLite keeps the text as written, whatever the declared type says
    if (auto digits = declaredLength(column.declaredType); digits && column.type.isTemporal())
        return qBound(0, *digits, 9);
    if (kind == ConnectionSpec::Kind::MySql)
        return 0; // DATETIME, TIMESTAMP and TIME without (n) keep whole seconds
    return 6;
}

// PostgreSQL's json and SQLite keep JSON as it was written; jsonb keeps its own form (JsonbText);
// MySQL's JSON sorts keys and keeps numbers as doubles, as QJsonDocument does. (MariaDB's JSON
// is a LONGTEXT, a text column.)
ValueComparer::JsonForm ValueComparer::jsonFormOf(const ColumnInfo &column,
                                                  ConnectionSpec::Kind kind)
{
    if (kind == ConnectionSpec::Kind::MySql)
        return JsonForm::Document;
    if (kind == ConnectionSpec::Kind::PostgreSql &&
        column.declaredType.trimmed().compare(QLatin1String("jsonb"), Qt::CaseInsensitive) == 0)
        return JsonForm::Jsonb;
    return JsonForm::AsWritten;
}

// PostgreSQL's numeric without a precision keeps each value's scale: 1.5 and 1.50 are two texts.
// With (p,s), and in MySQL and SQLite, the column's scale is the value's.
bool ValueComparer::keepsDecimalScale(const ColumnInfo &column, ConnectionSpec::Kind kind)
{
    const QString declared = column.declaredType.trimmed().toLower();
    return kind == ConnectionSpec::Kind::PostgreSql &&
           (declared == QLatin1String("numeric") || declared == QLatin1String("decimal"));
}

bool ValueComparer::isSinglePrecision(const ColumnInfo &column, ConnectionSpec::Kind kind)
{
    const QString declared = column.declaredType.trimmed().toLower();
    if (kind == ConnectionSpec::Kind::PostgreSql)
        return declared == QLatin1String("real") || declared == QLatin1String("float4");
    if (kind == ConnectionSpec::Kind::MySql)
        return declared.startsWith(QLatin1String("float")) &&
               declaredLength(declared).value_or(0) <= 24;
    return false; // SQLite's REAL is always double precision
}

// PostgreSQL keeps trailing spaces in varchar and text, MySQL in VARCHAR and TEXT, and SQLite in
// every column, even one declared CHAR(n) (TEXT affinity).
bool ValueComparer::isFixedLengthText(const ColumnInfo &column, ConnectionSpec::Kind kind)
{
    if (kind != ConnectionSpec::Kind::PostgreSql && kind != ConnectionSpec::Kind::MySql)
        return false;
    QString base = column.declaredType.trimmed().toLower();
    if (const qsizetype paren = base.indexOf(QLatin1Char('(')); paren >= 0)
        base = base.left(paren).trimmed();
    return base == QLatin1String("char") || base == QLatin1String("character") ||
           base == QLatin1String("bpchar") || base == QLatin1String("nchar") ||
           base == QLatin1String("national char") || base == QLatin1String("national character");
}

QVariant ValueComparer::canonical(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    if (m_asStored) // what the run writes is the stored value itself: text, or 0 and 1
        return ValueText::isInteger(value) || value.typeId() == QMetaType::Bool
                   ? QVariant(value.toLongLong())
                   : QVariant(textOf(value));
    switch (m_type.kind()) {
    case Kind::Integer:
        return canonicalInteger(value);
    case Kind::Decimal:
        return canonicalDecimal(value, m_keepsScale);
    case Kind::Real:
        return canonicalReal(value);
    case Kind::Boolean:
        return canonicalBoolean(value);
    case Kind::Date:
    case Kind::Time:
    case Kind::Timestamp:
    case Kind::TimestampTz:
        return canonicalTemporal(textOf(value));
    case Kind::Uuid:
        return canonicalUuid(value);
    case Kind::Json:
        return m_json == JsonForm::Jsonb
                   ? QVariant(JsonbText::of(textOf(value)).value_or(textOf(value)))
               : m_json == JsonForm::Document ? canonicalJson(value)
                                              : QVariant(textOf(value));
    case Kind::Blob:
        return value.typeId() == QMetaType::QByteArray ? value : QVariant(textOf(value).toUtf8());
    case Kind::Text:
        if (m_fixedLength)
            return QVariant(withoutTrailingSpaces(textOf(value)));
        break;
    case Kind::Unknown:
        break;
    }
    if (value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QByteArray)
        return value;
    return QVariant(textOf(value));
}

QVariant ValueComparer::canonicalTemporal(const QString &text) const
{
    if (m_type.kind() == Kind::Time) {
        const auto t = parseTime(text);
        if (!t)
            return QVariant(text);
        QString out = QStringLiteral("%1:%2:%3")
                          .arg(t->seconds / 3600, 2, 10, QLatin1Char('0'))
                          .arg(t->seconds / 60 % 60, 2, 10, QLatin1Char('0'))
                          .arg(t->seconds % 60, 2, 10, QLatin1Char('0'));
        const QString fraction =
            trimmedFraction(QStringLiteral("%1").arg(t->nanos, 9, 10, QLatin1Char('0')));
        return QVariant(fraction.isEmpty() ? out : out + QLatin1Char('.') + fraction);
    }
    auto parsed = IsoTimestamp::parse(text.trimmed());
    if (!parsed)
        return QVariant(text);
    if (m_type.kind() == Kind::Date)
        return QVariant(parsed->date.toString(Qt::ISODate));
    const bool utc = m_type.kind() == Kind::TimestampTz;
    const qint64 seconds =
        parsed->wallSeconds() - (utc && parsed->hasOffset ? parsed->offsetSeconds : 0);
    const QString suffix = utc                 ? QStringLiteral("Z")
                           : parsed->hasOffset ? offsetText(parsed->offsetSeconds)
                                               : QString();
    return QVariant(IsoTimestamp::format(seconds, trimmedFraction(parsed->fraction), suffix));
}

bool ValueComparer::equal(const QVariant &expected, const QVariant &actual) const
{
    if (expected.isNull() || actual.isNull())
        return expected.isNull() && actual.isNull();
    if (m_asStored)
        return expected == actual;
    switch (m_type.kind()) {
    case Kind::Decimal:
        if (m_keepsScale)
            return textOf(expected) == textOf(actual);
        return numbersEqual(expected, actual);
    case Kind::Integer:
        return numbersEqual(expected, actual);
    case Kind::Real:
        return realsEqual(expected, actual);
    case Kind::Time:
    case Kind::Timestamp:
    case Kind::TimestampTz:
        return temporalEqual(textOf(expected), textOf(actual));
    case Kind::Text:
    case Kind::Unknown:
        return textEqual(textOf(expected), textOf(actual));
    default:
        return expected == actual;
    }
}

bool ValueComparer::numbersEqual(const QVariant &a, const QVariant &b) const
{
    if (m_tolerance == 0)
        return compareNumbers(a, b) == 0 && ValueText::isNumber(a) == ValueText::isNumber(b);
    bool okA = false;
    bool okB = false;
    const double x = textOf(a).toDouble(&okA);
    const double y = textOf(b).toDouble(&okB);
    if (!okA || !okB)
        return textOf(a) == textOf(b);
    return x == y || std::abs(x - y) <= m_tolerance;
}

// Two IEEE values are equal when they are the same value: -0.0 is not 0.0 (a database that keeps
// the sign keeps it apart), every NaN is NaN, and Infinity is no large number.
bool ValueComparer::realsEqual(const QVariant &a, const QVariant &b) const
{
    if (a.typeId() != QMetaType::Double || b.typeId() != QMetaType::Double)
        return a.typeId() == b.typeId() && textOf(a) == textOf(b);
    const double x = a.toDouble();
    const double y = b.toDouble();
    if (std::isnan(x) || std::isnan(y))
        return std::isnan(x) && std::isnan(y);
    if (m_tolerance > 0)
        return x == y || std::abs(x - y) <= m_tolerance;
    return x == y && std::signbit(x) == std::signbit(y);
}

QVariant ValueComparer::canonicalReal(const QVariant &value) const
{
    double d = 0;
    if (value.typeId() == QMetaType::Double) {
        d = value.toDouble();
    } else {
        bool ok = false;
        d = textOf(value).trimmed().toDouble(&ok);
        if (!ok)
            return QVariant(textOf(value));
    }
    if (std::isnan(d))
        return QVariant(QStringLiteral("NaN")); // as a double, SQLite (the spool) makes it NULL
    return QVariant(m_singlePrecision ? singlePrecision(d, m_database) : d);
}

bool ValueComparer::temporalEqual(const QString &a, const QString &b) const
{
    const bool utc = m_type.kind() == Kind::TimestampTz;
    const auto x = m_type.kind() == Kind::Time ? parseTime(a) : parseTimestamp(a, utc);
    const auto y = m_type.kind() == Kind::Time ? parseTime(b) : parseTimestamp(b, utc);
    if (!x || !y)
        return a == b;
    if (x->offset != y->offset)
        return false; // 10:00 at +02:00 is another time than 10:00 without an offset
    const auto [xLow, xHigh] = roundings(nanosOf(*x));
    const auto [yLow, yHigh] = roundings(nanosOf(*y));
    return xLow == yLow || xLow == yHigh || xHigh == yLow || xHigh == yHigh;
}

// What a value may become in a column of m_precision digits: itself when it fits; else the
// nearest unit (both at a tie) where the database rounds (PostgreSQL), or the nearest and the
// unit below where it may cut instead (MySQL rounds, MariaDB truncates).
std::pair<Nanos, Nanos> ValueComparer::roundings(Nanos t) const
{
    const Nanos unit = Nanos(std::llround(std::pow(10.0, 9 - qBound(0, m_precision, 9))));
    Nanos rest = t % unit;
    if (rest < 0)
        rest += unit;
    if (rest == 0 || m_rounding == Rounding::None)
        return {t, t};
    const Nanos down = t - rest;
    const Nanos up = down + unit;
    if (m_rounding == Rounding::NearestOrDown)
        return {down, 2 * rest < unit ? down : up};
    if (2 * rest == unit)
        return {down, up};
    return 2 * rest < unit ? std::pair{down, down} : std::pair{up, up};
}

bool ValueComparer::textEqual(QString a, QString b) const
{
    if (m_ignoreTrailingSpaces) {
        a = withoutTrailingSpaces(a);
        b = withoutTrailingSpaces(b);
    }
    return QString::compare(a, b, m_ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
}

int ValueComparer::compare(const QVariant &a, const QVariant &b) const
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull() ? 0 : a.isNull() ? -1 : 1;
    if (m_type.isNumeric())
        return compareNumbers(a, b);
    if (a.typeId() == QMetaType::QByteArray && b.typeId() == QMetaType::QByteArray)
        return a.toByteArray().compare(b.toByteArray());
    return QString::compare(textOf(a), textOf(b));
}

QString ValueComparer::describe() const
{
    if (m_asStored)
        return QStringLiteral("exactly as SQLite keeps it");
    QStringList parts;
    switch (m_type.kind()) {
    case Kind::Integer:
    case Kind::Decimal:
    case Kind::Real:
        if (m_tolerance > 0)
            parts.append(QStringLiteral("within %1").arg(m_tolerance));
        else if (m_keepsScale)
            parts.append(QStringLiteral("exact value and scale"));
        else if (m_singlePrecision)
            parts.append(QStringLiteral("exact value in single precision"));
        else
            parts.append(QStringLiteral("exact value"));
        break;
    case Kind::Time:
    case Kind::Timestamp:
    case Kind::TimestampTz:
        parts.append(m_precision == 0   ? QStringLiteral("to the second")
                     : m_precision == 3 ? QStringLiteral("to the millisecond")
                     : m_precision == 6 ? QStringLiteral("to the microsecond")
                     : m_precision == 9
                         ? QStringLiteral("to the nanosecond")
                         : QStringLiteral("to %1 fractional digits").arg(m_precision));
        if (m_rounding == Rounding::NearestOrDown && m_precision < 9)
            parts.append(QStringLiteral("finer digits rounded or cut"));
        if (m_type.kind() == Kind::TimestampTz)
            parts.append(QStringLiteral("as UTC instants"));
        break;
    case Kind::Text:
    case Kind::Unknown:
        parts.append(QStringLiteral("exact text"));
        if (m_ignoreCase)
            parts.append(QStringLiteral("ignoring case"));
        if (m_ignoreTrailingSpaces)
            parts.append(QStringLiteral("ignoring trailing spaces"));
        break;
    case Kind::Json:
        parts.append(m_json == JsonForm::Jsonb ? QStringLiteral("same JSON as jsonb keeps it (key "
                                                                "order and spacing ignored)")
                     : m_json == JsonForm::Document
                         ? QStringLiteral("same JSON (key order ignored)")
                         : QStringLiteral("exact text"));
        break;
    case Kind::Uuid:
        parts.append(QStringLiteral("same UUID (case ignored)"));
        break;
    case Kind::Boolean:
        parts.append(QStringLiteral("same truth value"));
        break;
    case Kind::Date:
        parts.append(QStringLiteral("same date"));
        break;
    case Kind::Blob:
        parts.append(QStringLiteral("same bytes"));
        break;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace cutover

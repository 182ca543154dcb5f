#include "transform/functions/ValueFunctions.h"

#include "transform/functions/FunctionCall.h"
#include "transform/functions/TransformEnvironment.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <sqlite3.h>

namespace cutover {

namespace {

const QString kLookup = QStringLiteral("lookup");
const QString kToInt = QStringLiteral("to_int");
const QString kToDecimal = QStringLiteral("to_decimal");
const QString kToBool = QStringLiteral("to_bool");
constexpr int kMaxScale = 38;

struct DecimalParts
{
    bool negative = false;
    QString integer;  // digits, without grouping
    QString fraction; // digits
};

// Removes currency symbols, a currency code set apart by a space ("EUR 12", "12 EUR") and
// every kind of space (grouping such as "1 234,50"); keeps the rest.
QString stripCurrency(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("^[A-Z]{3}\\s+|\\s+[A-Z]{3}$"));
    QString trimmed = text.trimmed();
    trimmed.remove(code);
    QString kept;
    for (QChar c : trimmed)
        if (!c.isSpace() && c.category() != QChar::Symbol_Currency)
            kept += c;
    return kept;
}

bool groupedDigits(const QString &integer, QChar separator)
{
    const QStringList groups = integer.split(separator);
    if (groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i)
        if (groups.at(i).size() != 3)
            return false;
    return true;
}

bool allDigits(const QString &text)
{
    for (QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// Which of ',' and '.' is the decimal point in unsigned number text; '\0' for none, '?' when
// it cannot be told.
QChar decimalPoint(const QString &number)
{
    const qsizetype comma = number.lastIndexOf(QLatin1Char(','));
    const qsizetype dot = number.lastIndexOf(QLatin1Char('.'));
    if (comma >= 0 && dot >= 0)
        return comma > dot ? QLatin1Char(',') : QLatin1Char('.');
    const QChar only = comma >= 0 ? QLatin1Char(',') : QLatin1Char('.');
    const qsizetype at = qMax(comma, dot);
    if (at < 0)
        return QChar();
    if (number.count(only) > 1)
        return QChar(); // grouping only
    if (only == QLatin1Char('.'))
        return only;
    const QString before = number.left(at);
    const bool looksGrouped = number.size() - at - 1 == 3 && !before.isEmpty() &&
                              before.size() <= 3 && !before.startsWith(QLatin1Char('0'));
    return looksGrouped ? QLatin1Char('?') : only;
}

std::optional<DecimalParts> splitDecimal(QString number, QString *reason)
{
    DecimalParts parts;
    if (number.startsWith(QLatin1Char('-')) || number.startsWith(QLatin1Char('+'))) {
        parts.negative = number.startsWith(QLatin1Char('-'));
        number.remove(0, 1);
    }
    const QChar point = decimalPoint(number);
    if (point == QLatin1Char('?')) {
        *reason = QStringLiteral("'%1' is ambiguous: ',' may be a decimal comma or a thousands "
                                 "separator")
                      .arg(number);
        return std::nullopt;
    }
    const qsizetype at = point.isNull() ? -1 : number.lastIndexOf(point);
    QString integer = at < 0 ? number : number.left(at);
    parts.fraction = at < 0 ? QString() : number.mid(at + 1);
    const QChar other = point == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(',');
    const QChar grouping =
        point.isNull() && number.contains(QLatin1Char('.')) ? QLatin1Char('.') : other;
    if (integer.contains(grouping)) {
        if (!groupedDigits(integer, grouping)) {
            *reason = QStringLiteral("the digit grouping is not in threes");
            return std::nullopt;
        }
        integer.remove(grouping);
    }
    if ((integer.isEmpty() && parts.fraction.isEmpty()) || !allDigits(integer) ||
        !allDigits(parts.fraction)) {
        *reason = QStringLiteral("not a number");
        return std::nullopt;
    }
    parts.integer = integer;
    return parts;
}

QString trimmedIntegerDigits(const QString &digits)
{
    qsizetype i = 0;
    while (i < digits.size() - 1 && digits.at(i) == QLatin1Char('0'))
        ++i;
    return digits.isEmpty() ? QStringLiteral("0") : digits.mid(i);
}

bool isZero(const QString &digits)
{
    for (QChar c : digits)
        if (c != QLatin1Char('0'))
            return false;
    return true;
}

std::optional<bool> boolWord(const QString &word)
{
    static const QStringList yes{
        QStringLiteral("yes"), QStringLiteral("true"), QStringLiteral("y"),  QStringLiteral("t"),
        QStringLiteral("1"),   QStringLiteral("on"),   QStringLiteral("ja"), QStringLiteral("j")};
    static const QStringList no{
        QStringLiteral("no"), QStringLiteral("false"), QStringLiteral("n"),   QStringLiteral("f"),
        QStringLiteral("0"),  QStringLiteral("off"),   QStringLiteral("nein")};
    const QString key = word.trimmed().toLower();
    if (yes.contains(key))
        return true;
    if (no.contains(key))
        return false;
    return std::nullopt;
}

QString shortestText(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

// A REAL holds 15 significant decimal digits; what its shortest text shows beyond them
// (12.300000000000001 from cents * 0.01) is binary noise, not a digit the scale would cut.
QString realText(double value)
{
    return shortestText(QString::number(value, 'g', 15).toDouble());
}

// lookup()'s map for a constant map name, and the UTF-8 answers found so far by the UTF-8 of
// the key (FunctionCall::cache): converting key and answer row by row was most of lookup().
struct CachedLookup
{
    const LookupMap *map = nullptr;
    QHash<QByteArray, QByteArray> found;
};

// decimal(text, scale) for ASCII text that is only an optional sign, digits and at most one
// '.': what decimal() makes of it, step by step (nothing to strip, '.' is the point, no
// grouping). nullopt for anything else, errors included, which decimal() then handles.
std::optional<QByteArray> simpleDecimal(QByteArrayView text, int scale)
{
    qsizetype at = 0;
    bool negative = false;
    if (at < text.size() && (text[at] == '-' || text[at] == '+'))
        negative = text[at++] == '-';
    const qsizetype integerStart = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
        ++at;
    const QByteArrayView integer = text.sliced(integerStart, at - integerStart);
    QByteArrayView fraction;
    if (at < text.size() && text[at] == '.') {
        const qsizetype fractionStart = ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9')
            ++at;
        fraction = text.sliced(fractionStart, at - fractionStart);
    }
    if (at != text.size() || (integer.isEmpty() && fraction.isEmpty()))
        return std::nullopt;
    for (qsizetype i = scale; i < fraction.size(); ++i)
        if (fraction[i] != '0')
            return std::nullopt; // would be rounded: decimal() says so
    qsizetype skip = 0;
    while (skip < integer.size() - 1 && integer[skip] == '0')
        ++skip;
    QByteArray out;
    out.reserve(integer.size() + scale + 3);
    bool zero = true;
    if (integer.isEmpty()) {
        out.append('0');
    } else {
        for (qsizetype i = skip; i < integer.size(); ++i)
            zero = zero && integer[i] == '0';
        out.append(integer.sliced(skip));
    }
    if (scale > 0) {
        out.append('.');
        for (int i = 0; i < scale; ++i) {
            const char digit = i < fraction.size() ? fraction[i] : '0';
            zero = zero && digit == '0';
            out.append(digit);
        }
    }
    if (negative && !zero)
        out.prepend('-');
    return out;
}

} // namespace

int ValueFunctions::registerOn(sqlite3 *db, TransformEnvironment *env)
{
    int rc = FunctionCall::define(db, "lookup", 2, false, &ValueFunctions::lookup, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "lookup", 3, false, &ValueFunctions::lookup, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "to_int", 1, false, &ValueFunctions::toInt, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "to_decimal", 2, false, &ValueFunctions::toDecimal, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "to_bool", 1, false, &ValueFunctions::toBool, env);
    return rc;
}

std::optional<QString> ValueFunctions::decimal(const QString &text, int scale, QString *reason)
{
    const QString number = stripCurrency(text);
    if (number.isEmpty()) {
        *reason = text.trimmed().isEmpty() ? QStringLiteral("empty text is not a number")
                                           : QStringLiteral("not a number");
        return std::nullopt;
    }
    const std::optional<DecimalParts> parts = splitDecimal(number, reason);
    if (!parts)
        return std::nullopt;
    if (!isZero(parts->fraction.mid(scale))) {
        *reason = QStringLiteral("has more than %1 decimal places; it would be rounded").arg(scale);
        return std::nullopt;
    }
    const QString integer = trimmedIntegerDigits(parts->integer);
    const QString fraction = parts->fraction.left(scale).leftJustified(scale, QLatin1Char('0'));
    const bool zero = isZero(integer) && isZero(fraction);
    const QString sign = parts->negative && !zero ? QStringLiteral("-") : QString();
    return sign + integer + (scale > 0 ? QLatin1Char('.') + fraction : QString());
}

std::optional<qint64> ValueFunctions::integer(const QString &text, QString *reason)
{
    static const QRegularExpression form(QStringLiteral("^[+-]?\\d+(?:\\.0*)?$"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *reason = QStringLiteral("empty text is not an integer");
        return std::nullopt;
    }
    if (!form.match(trimmed).hasMatch()) {
        *reason = QStringLiteral("not an integer");
        return std::nullopt;
    }
    bool ok = false;
    const qint64 value = trimmed.section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
    if (!ok)
        *reason = QStringLiteral("out of the 64-bit integer range");
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

void ValueFunctions::lookup(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (auto *cached = const_cast<CachedLookup *>(call.cached<CachedLookup>(0))) {
        if (call.isNull(1))
            return call.setNull();
        const QByteArrayView key = call.utf8View(1);
        const auto known = cached->found.constFind(QByteArray::fromRawData(key.data(), key.size()));
        if (known != cached->found.constEnd())
            return call.setUtf8(*known, true);
        const auto entry = cached->map->entries.constFind(call.text(1));
        if (entry != cached->map->entries.constEnd()) {
            const QByteArray answer = entry->toUtf8();
            cached->found.insert(key.toByteArray(), answer);
            return call.setUtf8(answer, true);
        }
        if (argc > 2)
            return sqlite3_result_value(context, argv[2]);
        if (cached->map->hasDefault)
            return call.setText(cached->map->defaultValue);
        return call.refuseArgument(kLookup, 1,
                                   QStringLiteral("value '%1' is not in lookup '%2'")
                                       .arg(call.display(1), cached->map->name));
    }
    const QString name = call.text(0);
    const auto map = call.env().lookups.constFind(name);
    if (call.isNull(0) || map == call.env().lookups.constEnd())
        return call.refuseArgument(
            kLookup, 0,
            QStringLiteral("there is no lookup map named '%1' in the project")
                .arg(call.display(0)));
    if (call.isNull(1))
        return call.setNull();
    const QString key = call.text(1);
    const auto entry = map->entries.constFind(key);
    CachedLookup cache; // from the next row on: the map name was checked
    cache.map = &map.value();
    call.cache(0, cache);
    if (entry != map->entries.constEnd())
        return call.setText(*entry);
    if (argc > 2)
        return sqlite3_result_value(context, argv[2]);
    if (map->hasDefault)
        return call.setText(map->defaultValue);
    call.refuseArgument(
        kLookup, 1, QStringLiteral("value '%1' is not in lookup '%2'").arg(call.display(1), name));
}

void ValueFunctions::toInt(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    switch (call.type(0)) {
    case SQLITE_NULL:
        return call.setNull();
    case SQLITE_INTEGER:
        return call.setInteger(call.integer(0));
    case SQLITE_BLOB:
        return call.refuseArgument(kToInt, 0, QStringLiteral("binary data is not an integer"));
    case SQLITE_FLOAT: {
        const double value = call.real(0);
        // 2^63 is exactly representable; every double below it in magnitude fits qint64.
        if (std::trunc(value) == value && value >= -9223372036854775808.0 &&
            value < 9223372036854775808.0)
            return call.setInteger(qint64(value));
        return call.refuseArgument(kToInt, 0,
                                   std::isfinite(value) && std::trunc(value) == value
                                       ? QStringLiteral("out of the 64-bit integer range")
                                       : QStringLiteral("has a fraction; not an integer"));
    }
    default:
        break;
    }
    // Plain digits with an optional '-' and at most 18 of them (no overflow): what integer()
    // reads from them, without the pattern.
    if (const QByteArrayView text = call.utf8View(0); text.size() > 0 && text.size() <= 19) {
        const bool negative = text[0] == '-';
        qint64 value = 0;
        qsizetype i = negative ? 1 : 0;
        const bool plain =
            text.size() - i >= 1 && text.size() - i <= 18 &&
            std::all_of(text.begin() + i, text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (plain) {
            for (; i < text.size(); ++i)
                value = value * 10 + (text[i] - '0');
            return call.setInteger(negative ? -value : value);
        }
    }
    QString reason;
    const std::optional<qint64> value = integer(call.text(0), &reason);
    value ? call.setInteger(*value) : call.refuseArgument(kToInt, 0, reason);
}

void ValueFunctions::toDecimal(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    const qint64 scale = call.integer(1);
    if (call.type(1) != SQLITE_INTEGER || scale < 0 || scale > kMaxScale)
        return call.refuseArgument(
            kToDecimal, 1,
            QStringLiteral("the scale of to_decimal must be a whole number from 0 "
                           "to %1")
                .arg(kMaxScale));
    if (call.isNull(0))
        return call.setNull();
    if (call.type(0) == SQLITE_BLOB)
        return call.refuseArgument(kToDecimal, 0, QStringLiteral("binary data is not a number"));
    if (call.type(0) != SQLITE_FLOAT)
        if (const auto simple = simpleDecimal(call.utf8View(0), int(scale)))
            return call.setUtf8(*simple, true);
    const QString text = call.type(0) == SQLITE_FLOAT ? realText(call.real(0)) : call.text(0);
    QString reason;
    const std::optional<QString> value = decimal(text, int(scale), &reason);
    value ? call.setText(*value) : call.refuseArgument(kToDecimal, 0, reason);
}

void ValueFunctions::toBool(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.isNull(0))
        return call.setNull();
    const QString text = call.type(0) == SQLITE_FLOAT ? shortestText(call.real(0)) : call.text(0);
    const std::optional<bool> value = call.type(0) == SQLITE_BLOB ? std::nullopt : boolWord(text);
    if (value)
        return call.setInteger(*value ? 1 : 0);
    call.refuseArgument(
        kToBool, 0,
        QStringLiteral("not a yes/no value (use yes/no, true/false, y/n, t/f, 1/0, on/off "
                       "or ja/nein)"));
}

} // namespace cutover

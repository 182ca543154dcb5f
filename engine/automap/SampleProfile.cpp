#include "automap/SampleProfile.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

namespace cutover {

namespace {

const QStringList &dateCandidates()
{
    static const QStringList formats = {
        QStringLiteral("yyyy-MM-dd"), QStringLiteral("dd.MM.yyyy"), QStringLiteral("MM/dd/yyyy"),
        QStringLiteral("dd/MM/yyyy"), QStringLiteral("d MMM yyyy"), QStringLiteral("dd-MM-yyyy"),
        QStringLiteral("yyyy/MM/dd"), QStringLiteral("yyyyMMdd"),
    };
    return formats;
}

const QStringList &timestampCandidates()
{
    static const QStringList formats = {
        QStringLiteral("yyyy-MM-dd HH:mm:ss"),      QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"),
        QStringLiteral("yyyy-MM-dd HH:mm"),         QStringLiteral("dd.MM.yyyy HH:mm:ss"),
        QStringLiteral("dd.MM.yyyy HH:mm"),         QStringLiteral("MM/dd/yyyy HH:mm:ss"),
        QStringLiteral("dd/MM/yyyy HH:mm:ss"),      QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"),
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"),
    };
    return formats;
}

bool parses(const QString &value, const QString &format, bool withTime)
{
    return withTime ? QDateTime::fromString(value, format).isValid()
                    : QDate::fromString(value, format).isValid();
}

bool matches(const QString &value, const char *pattern)
{
    return QRegularExpression(QLatin1String(pattern)).match(value).hasMatch();
}

bool isFlag(const QString &value)
{
    static const QStringList flags = {"y",    "n", "j", "yes", "no",  "true", "false", "ja",
                                      "nein", "t", "f", "on",  "off", "0",    "1"};
    return flags.contains(value.toLower());
}

bool isDecimal(const QString &value)
{
    return matches(value, "^[+-]?(\\d{1,3}([.,]\\d{3})+|\\d+)([.,]\\d+)?$") &&
           !matches(value, "^[+-]?\\d+$");
}

bool isDecimalComma(const QString &value)
{
    return matches(value, "^[+-]?(\\d{1,3}(\\.\\d{3})+|\\d+),\\d+$");
}

QString withoutCurrency(QString value)
{
    static const QRegularExpression signs(QStringLiteral("(€|\\$|£|EUR|USD|GBP|CHF)"));
    return value.remove(signs).trimmed();
}

} // namespace

SampleProfile SampleProfile::of(const QStringList &values)
{
    SampleProfile p;
    QStringList trimmed;
    for (const QString &v : values) {
        p.add(v);
        if (!v.trimmed().isEmpty())
            trimmed << v.trimmed();
    }
    p.m_dateFormats = coveringFormats(trimmed, dateCandidates(), false);
    p.m_timestampFormats = coveringFormats(trimmed, timestampCandidates(), true);
    int american = 0, european = 0, both = 0;
    for (const QString &v : trimmed) {
        const bool us = parses(v, QStringLiteral("MM/dd/yyyy"), false);
        const bool eu = parses(v, QStringLiteral("dd/MM/yyyy"), false);
        american += us, european += eu, both += us && eu;
    }
    p.m_ambiguousDayMonth = both > 0 && both == american && both == european;
    return p;
}

void SampleProfile::add(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        ++m_blanks;
        return;
    }
    ++m_count;
    if (v != value || v.contains(QLatin1String("  ")))
        ++m_padded;
    const auto count = [this](Shape s) {
        ++m_counts[int(s)];
    };
    bool temporal = false;
    for (const QString &f : timestampCandidates())
        if (parses(v, f, true)) {
            count(Shape::Timestamp), temporal = true;
            break;
        }
    for (const QString &f : dateCandidates())
        if (!temporal && parses(v, f, false)) {
            count(Shape::Date), temporal = true;
            break;
        }
    if (matches(v, "^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"))
        count(Shape::Email);
    if (matches(v, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"))
        count(Shape::Uuid);
    if (!temporal && matches(v, "^[+-]?\\d+$"))
        count(Shape::Integer);
    if (isDecimal(v))
        count(Shape::Decimal);
    if (isDecimalComma(v))
        ++m_decimalComma;
    const QString bare = withoutCurrency(v);
    if (bare != v && (isDecimal(bare) || matches(bare, "^[+-]?\\d+$")))
        count(Shape::Money), ++m_currencySigns;
    if (isFlag(v))
        count(Shape::Flag);
    if (matches(v, "^[A-Za-z]{1,4}$"))
        count(Shape::Code);
    if (v.toUpper() != v && v.toLower() != v)
        m_mixedCase = true;
}

QStringList SampleProfile::coveringFormats(const QStringList &values, const QStringList &formats,
                                           bool withTime)
{
    QList<QList<bool>> fits(formats.size());
    for (qsizetype f = 0; f < formats.size(); ++f)
        for (const QString &v : values)
            fits[f] << parses(v, formats[f], withTime);
    QList<bool> covered(values.size(), false);
    QStringList chosen;
    for (;;) {
        qsizetype best = -1;
        int bestCount = 0;
        for (qsizetype f = 0; f < formats.size(); ++f) {
            int n = 0;
            for (qsizetype i = 0; i < values.size(); ++i)
                n += fits[f][i] && !covered[i];
            if (n > bestCount)
                best = f, bestCount = n;
        }
        if (best < 0)
            return chosen;
        chosen << formats[best];
        for (qsizetype i = 0; i < values.size(); ++i)
            covered[i] = covered[i] || fits[best][i];
    }
}

int SampleProfile::matching(Shape shape) const
{
    return m_counts[int(shape)];
}

double SampleProfile::share(Shape shape) const
{
    return m_count > 0 ? double(matching(shape)) / m_count : 0.0;
}

QString SampleProfile::shapeName(Shape shape)
{
    switch (shape) {
    case Shape::Date:
        return QStringLiteral("dates");
    case Shape::Timestamp:
        return QStringLiteral("timestamps");
    case Shape::Email:
        return QStringLiteral("e-mail addresses");
    case Shape::Uuid:
        return QStringLiteral("UUIDs");
    case Shape::Integer:
        return QStringLiteral("integers");
    case Shape::Decimal:
        return QStringLiteral("decimals");
    case Shape::Money:
        return QStringLiteral("amounts with a currency");
    case Shape::Flag:
        return QStringLiteral("Y/N flags");
    case Shape::Code:
        return QStringLiteral("short codes");
    }
    return {};
}

} // namespace cutover

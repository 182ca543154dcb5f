#include "connect/csv/CsvOptions.h"

#include <QFileInfo>
#include <QStringList>

#include <optional>

namespace cutover {

namespace {

const QString kEncodings =
    QStringLiteral("utf-8, utf-16, utf-16le, utf-16be, latin1 (iso-8859-1) or windows-1252");

Error badOption(const QString &name, const QString &value, const QString &allowed,
                const QString &where)
{
    return Error(Error::Code::Usage,
                 QStringLiteral("bad value '%1' for CSV option '%2'").arg(value, name), where,
                 QStringLiteral("%1 allows %2").arg(name, allowed));
}

std::optional<bool> parseBool(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// Encodings Qt handles itself, by the names users write. Anything else is passed to Qt's ICU
// backed converters (windows-1252, iso-8859-15, ...) and accepted when Qt knows it.
std::optional<QStringConverter::Encoding> builtinEncoding(const QString &name)
{
    static const QMap<QString, QStringConverter::Encoding> names = {
        {QStringLiteral("utf-8"), QStringConverter::Utf8},
        {QStringLiteral("utf8"), QStringConverter::Utf8},
        {QStringLiteral("utf-16"), QStringConverter::Utf16},
        {QStringLiteral("utf16"), QStringConverter::Utf16},
        {QStringLiteral("utf-16le"), QStringConverter::Utf16LE},
        {QStringLiteral("utf-16be"), QStringConverter::Utf16BE},
        {QStringLiteral("utf-32"), QStringConverter::Utf32},
        {QStringLiteral("utf-32le"), QStringConverter::Utf32LE},
        {QStringLiteral("utf-32be"), QStringConverter::Utf32BE},
        {QStringLiteral("latin1"), QStringConverter::Latin1},
        {QStringLiteral("latin-1"), QStringConverter::Latin1},
        {QStringLiteral("iso-8859-1"), QStringConverter::Latin1},
        {QStringLiteral("iso8859-1"), QStringConverter::Latin1},
    };
    const auto it = names.find(name);
    if (it == names.end())
        return std::nullopt;
    return it.value();
}

QString canonicalEncodingName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("cp1252"))
        return QStringLiteral("windows-1252");
    if (const auto builtin = builtinEncoding(lower)) {
        if (*builtin == QStringConverter::Latin1)
            return QStringLiteral("latin1");
        return QString::fromLatin1(QStringConverter::nameForEncoding(*builtin)).toLower();
    }
    return lower;
}

} // namespace

Result<CsvOptions> CsvOptions::fromSpec(const ConnectionSpec &spec)
{
    return fromMap(spec.options(), spec.displayName());
}

Result<CsvOptions> CsvOptions::fromMap(const QMap<QString, QString> &options, const QString &where)
{
    static const QStringList known = {QStringLiteral("header"), QStringLiteral("delimiter"),
                                      QStringLiteral("quote"),  QStringLiteral("encoding"),
                                      QStringLiteral("sample"), QStringLiteral("null")};
    CsvOptions result;
    for (auto it = options.begin(); it != options.end(); ++it) {
        const QString &name = it.key();
        const QString &value = it.value();
        if (name == QLatin1String("header")) {
            const auto flag = parseBool(value);
            if (!flag)
                return badOption(name, value, QStringLiteral("true or false"), where);
            result.m_header = *flag;
        } else if (name == QLatin1String("delimiter")) {
            QChar delimiter;
            const QString lower = value.toLower();
            if (lower == QLatin1String("tab") || value == QLatin1String("\\t"))
                delimiter = QLatin1Char('\t');
            else if (lower == QLatin1String("comma"))
                delimiter = QLatin1Char(',');
            else if (lower == QLatin1String("semicolon"))
                delimiter = QLatin1Char(';');
            else if (lower == QLatin1String("pipe"))
                delimiter = QLatin1Char('|');
            else if (value.size() == 1)
                delimiter = value.at(0);
            if (delimiter.isNull() || delimiter.isLetterOrNumber() || delimiter == u'\r' ||
                delimiter == u'\n')
                return badOption(name, value,
                                 QStringLiteral(", ; | tab (or \\t) or another single character "
                                                "that is not a letter, digit or line break"),
                                 where);
            result.m_delimiter = delimiter;
            result.m_delimiterExplicit = true;
        } else if (name == QLatin1String("quote")) {
            const QString lower = value.toLower();
            if (lower == QLatin1String("none") || value.isEmpty())
                result.m_quote = QChar();
            else if (value.size() == 1 && !value.at(0).isLetterOrNumber() && value.at(0) != u'\r' &&
                     value.at(0) != u'\n')
                result.m_quote = value.at(0);
            else
                return badOption(name, value,
                                 QStringLiteral("a single character such as \" or ', or none"),
                                 where);
        } else if (name == QLatin1String("encoding")) {
            if (!result.setEncoding(value))
                return badOption(name, value, kEncodings, where);
        } else if (name == QLatin1String("sample")) {
            bool ok = false;
            const int rows = value.trimmed().toInt(&ok);
            if (!ok || rows <= 0)
                return badOption(name, value, QStringLiteral("a positive number of records"),
                                 where);
            result.m_sampleRows = rows;
        } else if (name == QLatin1String("null")) {
            result.m_nullText = value;
        } else {
            return Error(Error::Code::Usage, QStringLiteral("unknown CSV option '%1'").arg(name),
                         where, QStringLiteral("CSV connections know %1").arg(known.join(u", ")));
        }
    }
    if (!result.m_quote.isNull() && result.m_quote == result.m_delimiter)
        return Error(Error::Code::Usage,
                     QStringLiteral("the CSV delimiter and quote are the same character '%1'")
                         .arg(result.m_delimiter),
                     where, QStringLiteral("choose a different quote, or quote=none"));
    return result;
}

CsvOptions CsvOptions::forFile(const QString &fileName) const
{
    CsvOptions result = *this;
    if (!m_delimiterExplicit &&
        QFileInfo(fileName).suffix().compare(QLatin1String("tsv"), Qt::CaseInsensitive) == 0)
        result.m_delimiter = QLatin1Char('\t');
    return result;
}

Result<void> CsvOptions::setEncoding(const QString &name)
{
    const QString canonical = canonicalEncodingName(name);
    if (canonical.isEmpty() || (!builtinEncoding(canonical) &&
                                !QStringDecoder(canonical.toLatin1().constData()).isValid()))
        return Error(Error::Code::Usage, QStringLiteral("unknown encoding '%1'").arg(name), {},
                     QStringLiteral("use %1").arg(kEncodings));
    m_encoding = canonical;
    m_encodingExplicit = true;
    return {};
}

QStringDecoder CsvOptions::makeDecoder() const
{
    if (const auto builtin = builtinEncoding(m_encoding))
        return QStringDecoder(*builtin);
    return QStringDecoder(m_encoding.toLatin1().constData());
}

} // namespace cutover

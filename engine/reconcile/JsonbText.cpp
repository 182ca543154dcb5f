#include "reconcile/JsonbText.h"

#include "core/DecimalText.h"

#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace cutover {

std::optional<QString> JsonbText::of(const QString &text)
{
    JsonbText parser(text);
    QString out;
    parser.skipSpace();
    if (!parser.value(out))
        return std::nullopt;
    parser.skipSpace();
    if (!parser.atEnd())
        return std::nullopt;
    return out;
}

void JsonbText::skipSpace()
{
    while (!atEnd() && (peek() == QLatin1Char(' ') || peek() == QLatin1Char('\t') ||
                        peek() == QLatin1Char('\n') || peek() == QLatin1Char('\r')))
        ++m_at;
}

bool JsonbText::value(QString &out)
{
    const QChar c = peek();
    if (c == QLatin1Char('{'))
        return object(out);
    if (c == QLatin1Char('['))
        return array(out);
    if (c == QLatin1Char('"')) {
        QString decoded;
        if (!string(decoded))
            return false;
        out += quoted(decoded);
        return true;
    }
    if (c == QLatin1Char('t'))
        return word(QLatin1StringView("true"), out);
    if (c == QLatin1Char('f'))
        return word(QLatin1StringView("false"), out);
    if (c == QLatin1Char('n'))
        return word(QLatin1StringView("null"), out);
    return number(out);
}

// Members sorted by key, the last of a repeated key kept, as jsonb does.
bool JsonbText::object(QString &out)
{
    ++m_at; // {
    QList<std::pair<QString, QString>> members;
    skipSpace();
    if (peek() != QLatin1Char('}')) {
        for (;;) {
            skipSpace();
            std::pair<QString, QString> member;
            if (peek() != QLatin1Char('"') || !string(member.first))
                return false;
            skipSpace();
            if (peek() != QLatin1Char(':'))
                return false;
            ++m_at;
            skipSpace();
            if (!value(member.second))
                return false;
            members.append(std::move(member));
            skipSpace();
            if (peek() == QLatin1Char('}'))
                break;
            if (peek() != QLatin1Char(','))
                return false;
            ++m_at;
        }
    }
    ++m_at; // }
    std::stable_sort(members.begin(), members.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i + 1 < members.size() && members.at(i + 1).first == members.at(i).first)
            continue;
        if (out.back() != QLatin1Char('{'))
            out += QLatin1Char(',');
        out += quoted(members.at(i).first) + QLatin1Char(':') + members.at(i).second;
    }
    out += QLatin1Char('}');
    return true;
}

bool JsonbText::array(QString &out)
{
    ++m_at; // [
    out += QLatin1Char('[');
    skipSpace();
    if (peek() == QLatin1Char(']')) {
        ++m_at;
        out += QLatin1Char(']');
        return true;
    }
    for (;;) {
        skipSpace();
        if (!value(out))
            return false;
        skipSpace();
        if (peek() == QLatin1Char(']')) {
            ++m_at;
            out += QLatin1Char(']');
            return true;
        }
        if (peek() != QLatin1Char(','))
            return false;
        ++m_at;
        out += QLatin1Char(',');
    }
}

bool JsonbText::hex4(char16_t &unit)
{
    if (m_at + 4 > m_text.size())
        return false;
    bool ok = false;
    unit = char16_t(m_text.mid(m_at, 4).toUShort(&ok, 16));
    m_at += 4;
    return ok;
}

bool JsonbText::string(QString &decoded)
{
    ++m_at; // "
    while (!atEnd()) {
        const QChar c = m_text.at(m_at++);
        if (c == QLatin1Char('"'))
            return true;
        if (c.unicode() < 0x20)
            return false;
        if (c != QLatin1Char('\\')) {
            decoded += c;
            continue;
        }
        if (atEnd())
            return false;
        const QChar e = m_text.at(m_at++);
        static const QString plain = QStringLiteral("\"\\/bfnrt");
        static const QString meant = QStringLiteral("\"\\/\b\f\n\r\t");
        if (const qsizetype i = plain.indexOf(e); i >= 0) {
            decoded += meant.at(i);
            continue;
        }
        char16_t unit = 0;
        if (e != QLatin1Char('u') || !hex4(unit) || unit == 0)
            return false; // jsonb refuses \u0000
        decoded += QChar(unit);
    }
    return false;
}

// A number as numeric_in reads it: the scale is the digits after the point less the exponent.
bool JsonbText::number(QString &out)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(-?(?:0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?)"));
    const auto m = pattern.match(m_text, m_at, QRegularExpression::NormalMatch,
                                 QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch())
        return false;
    m_at += m.capturedLength();
    const auto decimal = DecimalText::parse(m.captured());
    if (!decimal)
        return false;
    const qsizetype scale = m.capturedLength(1) - m.captured(2).toLongLong();
    out += decimal->toString(int(std::max<qsizetype>(0, scale)));
    return true;
}

bool JsonbText::word(QLatin1StringView word, QString &out)
{
    if (QStringView(m_text).mid(m_at, word.size()) != word)
        return false;
    m_at += word.size();
    out += word;
    return true;
}

QString JsonbText::quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace cutover

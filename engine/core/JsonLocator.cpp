#include "core/JsonLocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

namespace cutover {

JsonLocator::JsonLocator(const QByteArray &text)
    : m_text(text)
{
    qsizetype i = 0;
    skipSpace(i);
    if (i < m_text.size())
        scanValue(i, QString());
}

JsonLocator::Position JsonLocator::positionOf(const QString &path) const
{
    // Fall back to the nearest enclosing value that was found.
    QString probe = path;
    while (true) {
        auto it = m_offsets.constFind(probe);
        if (it != m_offsets.constEnd())
            return positionIn(m_text, it.value());
        if (probe.isEmpty())
            return {};
        const qsizetype cut =
            std::max(probe.lastIndexOf(QLatin1Char('.')), probe.lastIndexOf(QLatin1Char('[')));
        probe = cut > 0 ? probe.left(cut) : QString();
    }
}

JsonLocator::Position JsonLocator::positionIn(const QByteArray &text, qsizetype offset)
{
    Position position{1, 1};
    qsizetype lineStart = 0;
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            lineStart = i + 1;
        }
    }
    position.column = int(QString::fromUtf8(text.mid(lineStart, offset - lineStart)).size()) + 1;
    return position;
}

void JsonLocator::skipSpace(qsizetype &i) const
{
    while (i < m_text.size() &&
           (m_text[i] == ' ' || m_text[i] == '\n' || m_text[i] == '\r' || m_text[i] == '\t'))
        ++i;
}

void JsonLocator::scanValue(qsizetype &i, const QString &path)
{
    m_offsets.insert(path, i);
    if (i >= m_text.size())
        return;
    if (m_text[i] == '{')
        scanObject(i, path);
    else if (m_text[i] == '[')
        scanArray(i, path);
    else if (m_text[i] == '"')
        scanString(i);
    else
        skipScalar(i);
}

void JsonLocator::scanObject(qsizetype &i, const QString &path)
{
    ++i; // {
    skipSpace(i);
    QSet<QString> keys;
    while (i < m_text.size() && m_text[i] != '}') {
        const qsizetype keyAt = i;
        const QString key = scanString(i);
        if (keys.contains(key) && !m_duplicate)
            m_duplicate = DuplicateKey{path.isEmpty() ? key : path + QLatin1Char('.') + key, keyAt};
        keys.insert(key);
        skipSpace(i);
        ++i; // :
        skipSpace(i);
        scanValue(i, path.isEmpty() ? key : path + QLatin1Char('.') + key);
        skipSpace(i);
        if (i < m_text.size() && m_text[i] == ',') {
            ++i;
            skipSpace(i);
        }
    }
    ++i; // }
}

void JsonLocator::scanArray(qsizetype &i, const QString &path)
{
    ++i; // [
    skipSpace(i);
    int index = 0;
    while (i < m_text.size() && m_text[i] != ']') {
        scanValue(i, QStringLiteral("%1[%2]").arg(path).arg(index++));
        skipSpace(i);
        if (i < m_text.size() && m_text[i] == ',') {
            ++i;
            skipSpace(i);
        }
    }
    ++i; // ]
}

QString JsonLocator::scanString(qsizetype &i) const
{
    const qsizetype start = i;
    ++i; // opening quote
    while (i < m_text.size() && m_text[i] != '"') {
        if (m_text[i] == '\\')
            ++i;
        ++i;
    }
    ++i; // closing quote
    // Let Qt decode the escapes.
    const QByteArray literal = "[" + m_text.mid(start, i - start) + "]";
    return QJsonDocument::fromJson(literal).array().at(0).toString();
}

void JsonLocator::skipScalar(qsizetype &i) const
{
    while (i < m_text.size() && m_text[i] != ',' && m_text[i] != '}' && m_text[i] != ']' &&
           m_text[i] != ' ' && m_text[i] != '\n' && m_text[i] != '\r' && m_text[i] != '\t')
        ++i;
}

} // namespace cutover

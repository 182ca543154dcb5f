#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace cutover {

// Finds where a value sits in JSON text, so an error found after parsing (a wrong type, an unknown
// key) can name its line and column as well as its JSON path.
// Paths look like "mappings[2].columns[0].expression"; the root is "".
class JsonLocator
{
public:
    struct Position
    {
        int line = 0;   // 1-based; 0 when unknown
        int column = 0; // 1-based, in characters
    };

    explicit JsonLocator(const QByteArray &text);
    Position positionOf(const QString &path) const;
    // Line and column of a byte offset, e.g. QJsonParseError::offset; text need not be valid.
    static Position positionIn(const QByteArray &text, qsizetype offset);

private:
    void skipSpace(qsizetype &i) const;
    void scanValue(qsizetype &i, const QString &path);
    void scanObject(qsizetype &i, const QString &path);
    void scanArray(qsizetype &i, const QString &path);
    QString scanString(qsizetype &i) const;
    void skipScalar(qsizetype &i) const;

    QByteArray m_text;
    QHash<QString, qsizetype> m_offsets;
};

} // namespace cutover

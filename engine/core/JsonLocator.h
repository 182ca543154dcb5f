#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>

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

    // A key an object holds twice, which JSON parsers (QJsonDocument too) settle silently by
    // keeping one of the two.
    struct DuplicateKey
    {
        QString path;     // of the key's second occurrence, e.g. "mappings[0].mode"
        qsizetype offset; // of that occurrence in the text
    };

    explicit JsonLocator(const QByteArray &text);
    Position positionOf(const QString &path) const;
    const std::optional<DuplicateKey> &firstDuplicateKey() const { return m_duplicate; }
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
    std::optional<DuplicateKey> m_duplicate;
};

} // namespace cutover

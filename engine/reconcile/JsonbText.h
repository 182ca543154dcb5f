#pragma once

#include <QString>
#include <optional>

namespace cutover {

// JSON in the form PostgreSQL's jsonb keeps it: no whitespace between tokens, an object's keys in
// one order and only the last of a repeated key, strings with only the escapes JSON needs, and
// each number as the decimal numeric it is (numeric_in's scale: 1.50 stays 1.50, 1e2 is 100,
// 1.50e1 is 15.0), never through a double, so 0.10000000000000001 is not 0.1.
class JsonbText
{
public:
    // Empty when text is not one JSON value.
    static std::optional<QString> of(const QString &text);

private:
    explicit JsonbText(const QString &text)
        : m_text(text)
    {}
    bool value(QString &out);
    bool object(QString &out);
    bool array(QString &out);
    bool string(QString &decoded);
    bool hex4(char16_t &unit);
    bool number(QString &out);
    bool word(QLatin1StringView word, QString &out);
    void skipSpace();
    bool atEnd() const { return m_at >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_at); }
    static QString quoted(const QString &text);

    const QString &m_text;
    qsizetype m_at = 0;
};

} // namespace cutover

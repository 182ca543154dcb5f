#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;
struct sqlite3_value;

namespace cutover {

// Moves values between QVariant and SQLite without changing them: NULL <-> null QVariant,
// INTEGER <-> qint64, REAL <-> double, TEXT <-> QString, BLOB <-> QByteArray. Booleans bind as
// 0/1; dates and times bind as ISO 8601 text. column() reads TEXT whose bytes are not valid UTF-8
// as a QByteArray of them, never as a QString with U+FFFD in their place (SqliteCell).
class SqliteValue
{
public:
    static int bind(sqlite3_stmt *statement, int index, const QVariant &value);
    static QVariant column(sqlite3_stmt *statement, int index);
    static QVariant fromValue(sqlite3_value *value);
};

// One column's repeated short texts as one shared QString each: a run holds many batches of
// rows in memory at once, and columns such as codes, units or sites repeat a few values
// thousands of times (a QString of its own cost 48 bytes and an allocation per cell). Equal
// UTF-8 gives an equal QString, so a shared one is the same value. A column whose values rarely
// repeat is soon left alone. One per column, used on one thread.
class SqliteTextCache
{
public:
    static constexpr int kMaxBytes = 32;    // longer texts are not shared
    static constexpr int kMaxEntries = 512; // distinct texts kept per column
    static constexpr int kTrialLookups = 4096;

    // The text of utf8 as make(utf8, size) gives it, shared with an earlier equal text when
    // there is one. make must depend on the bytes alone.
    template <typename Make>
    QString text(const char *utf8, int size, Make make)
    {
        if (m_lookups == kTrialLookups && m_hits < kTrialLookups / 2) {
            m_off = true; // mostly distinct values: not worth a lookup per cell
            m_texts.clear();
        }
        if (m_off || size > kMaxBytes)
            return make(utf8, size);
        const bool trial = m_lookups < kTrialLookups;
        m_lookups += trial ? 1 : 0;
        const auto found = m_texts.constFind(QByteArray::fromRawData(utf8, size));
        if (found != m_texts.constEnd()) {
            m_hits += trial ? 1 : 0;
            return *found;
        }
        QString made = make(utf8, size);
        if (m_texts.size() < kMaxEntries)
            m_texts.insert(QByteArray(utf8, size), made);
        return made;
    }

private:
    QHash<QByteArray, QString> m_texts;
    int m_lookups = 0;
    int m_hits = 0;
    bool m_off = false;
};

} // namespace cutover

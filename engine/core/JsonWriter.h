#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

namespace cutover {

// Pretty-prints JSON for files meant to live in git: two-space indent, UTF-8, keys in a fixed
// order (the given ones first, in that order, then the rest alphabetically), short arrays of
// scalars on one line, a final newline. The same value always gives the same bytes.
class JsonWriter
{
public:
    explicit JsonWriter(QStringList keyOrder = {})
        : m_keyOrder(std::move(keyOrder))
    {}
    QByteArray write(const QJsonValue &value) const;
    // The value as write() writes it where it is nested `depth` levels deep (its lines after the
    // first indented for that depth), without the final newline: for a writer that streams the
    // elements of a large array one at a time.
    QByteArray writeNested(const QJsonValue &value, int depth) const;

private:
    void writeValue(QByteArray &out, const QJsonValue &value, int depth) const;
    void writeObject(QByteArray &out, const QJsonObject &object, int depth) const;
    void writeArray(QByteArray &out, const QJsonArray &array, int depth) const;
    QStringList orderedKeys(const QJsonObject &object) const;
    static void writeString(QByteArray &out, const QString &text);
    static void writeNumber(QByteArray &out, double number);

    QStringList m_keyOrder;
};

} // namespace cutover

#pragma once

#include "core/JsonObjectReader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <optional>

// What ProjectReader, ProjectWriter and RunbookJson share to read and write the project file.
namespace cutover::projectjson {

// An enumeration member spelled with one of names; absent gives fallback, another word fails.
template <typename E>
E choice(const JsonObjectReader &r, const QString &key, E fallback,
         std::optional<E> (*parse)(const QString &), const QStringList &names)
{
    const QString name = r.text(key);
    if (name.isEmpty())
        return fallback;
    if (auto value = parse(name))
        return *value;
    throw JsonReadError{
        r.memberPath(key),
        QStringLiteral("'%1' is not one of: %2").arg(name, names.join(QStringLiteral(", ")))};
}

// An array of objects, each read by readItem and refused if it holds an unknown member.
template <typename T, typename F>
QList<T> readList(const JsonObjectReader &parent, const QString &key, F readItem)
{
    QList<T> result;
    const QJsonArray items = parent.array(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        JsonObjectReader item(items[i], JsonObjectReader::itemPath(parent.memberPath(key), i));
        result.append(readItem(item));
        item.refuseUnknownMembers();
    }
    return result;
}

template <typename T, typename F>
QJsonArray arrayOf(const QList<T> &items, F toJson)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

// Sets key only when value is not empty, so the file stays short.
inline void putText(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o[QLatin1String(key)] = value;
}

} // namespace cutover::projectjson

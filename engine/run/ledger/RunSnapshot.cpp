#include "run/ledger/RunSnapshot.h"

#include "project/ProjectWriter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace cutover {

namespace {

// The items of an array of objects by the value of their key field, in the array's order.
QMap<QString, QJsonObject> byKey(const QJsonArray &items, const QString &key)
{
    QMap<QString, QJsonObject> map;
    for (const QJsonValue &item : items)
        map.insert(item.toObject().value(key).toString(), item.toObject());
    return map;
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return QLatin1Char('`') + value.toString() + QLatin1Char('`');
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("(none)");
    if (value.isDouble() || value.isBool())
        return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return QStringLiteral("(changed)");
}

// "field `a` is now `b`" for each field but the skipped ones that differs.
void compareFields(const QString &where, const QJsonObject &earlier, const QJsonObject &later,
                   const QStringList &skip, QStringList &changes)
{
    QStringList keys = earlier.keys() + later.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : keys)
        if (!skip.contains(key) && earlier.value(key) != later.value(key))
            changes << QStringLiteral("%1: %2 %3 is now %4")
                           .arg(where, key, text(earlier.value(key)), text(later.value(key)));
}

QString digest(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

QJsonObject RunSnapshot::of(const Project &project)
{
    const QJsonObject json = ProjectWriter::toJson(project);
    QJsonObject lookups;
    for (const QJsonValue &lookup : json.value(QLatin1String("lookups")).toArray())
        lookups.insert(lookup.toObject().value(QLatin1String("name")).toString(),
                       digest(lookup.toObject()));
    return QJsonObject{{QStringLiteral("mappings"), json.value(QLatin1String("mappings"))},
                       {QStringLiteral("rules"), json.value(QLatin1String("rules"))},
                       {QStringLiteral("lookups"), lookups}};
}

QStringList RunSnapshot::changes(const QJsonObject &earlier, const QJsonObject &later)
{
    QStringList changes;
    compareMappings(earlier, later, changes);
    compareNamed(QStringLiteral("rule"), earlier, later, changes);
    const QJsonObject before = earlier.value(QLatin1String("lookups")).toObject();
    const QJsonObject after = later.value(QLatin1String("lookups")).toObject();
    for (const QString &name : before.keys())
        if (!after.contains(name))
            changes << QStringLiteral("lookup map %1 removed").arg(name);
        else if (before.value(name) != after.value(name))
            changes << QStringLiteral("lookup map %1 changed").arg(name);
    for (const QString &name : after.keys())
        if (!before.contains(name))
            changes << QStringLiteral("lookup map %1 added").arg(name);
    return changes;
}

void RunSnapshot::compareMappings(const QJsonObject &earlier, const QJsonObject &later,
                                  QStringList &changes)
{
    const QString key = QStringLiteral("target");
    const auto before = byKey(earlier.value(QLatin1String("mappings")).toArray(), key);
    const auto after = byKey(later.value(QLatin1String("mappings")).toArray(), key);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key())) {
            changes << QStringLiteral("mapping to %1 removed").arg(it.key());
            continue;
        }
        const QJsonObject now = after.value(it.key());
        compareFields(it.key(), it.value(), now, {QStringLiteral("columns")}, changes);
        compareColumns(it.key(), it.value(), now, changes);
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            changes << QStringLiteral("mapping to %1 added").arg(it.key());
}

void RunSnapshot::compareColumns(const QString &table, const QJsonObject &earlier,
                                 const QJsonObject &later, QStringList &changes)
{
    const QString key = QStringLiteral("target");
    const auto before = byKey(earlier.value(QLatin1String("columns")).toArray(), key);
    const auto after = byKey(later.value(QLatin1String("columns")).toArray(), key);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QString where = table + QLatin1Char('.') + it.key();
        if (!after.contains(it.key()))
            changes << QStringLiteral("%1: no longer mapped").arg(where);
        else
            compareFields(where, it.value(), after.value(it.key()), {}, changes);
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            changes << QStringLiteral("%1.%2: now mapped from %3")
                           .arg(table, it.key(),
                                text(it.value().value(QLatin1String("expression"))));
}

void RunSnapshot::compareNamed(const QString &what, const QJsonObject &earlier,
                               const QJsonObject &later, QStringList &changes)
{
    const QString key = QStringLiteral("name");
    const QString list = what + QLatin1Char('s');
    const auto before = byKey(earlier.value(list).toArray(), key);
    const auto after = byKey(later.value(list).toArray(), key);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!after.contains(it.key()))
            changes << QStringLiteral("%1 %2 removed").arg(what, it.key());
        else
            compareFields(QStringLiteral("%1 %2").arg(what, it.key()), it.value(),
                          after.value(it.key()), {}, changes);
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            changes << QStringLiteral("%1 %2 added").arg(what, it.key());
}

} // namespace cutover

#include "ViolationJson.h"

#include <QJsonObject>

namespace cutover {

QString ViolationJson::kindName(Violation::Kind kind)
{
    switch (kind) {
    case Violation::Kind::Conversion:
        return QStringLiteral("conversion");
    case Violation::Kind::Rule:
        return QStringLiteral("rule");
    case Violation::Kind::Database:
        return QStringLiteral("database");
    case Violation::Kind::Function:
        break;
    }
    return QStringLiteral("function");
}

Violation::Kind ViolationJson::parseKind(const QString &name)
{
    if (name == QLatin1String("conversion"))
        return Violation::Kind::Conversion;
    if (name == QLatin1String("rule"))
        return Violation::Kind::Rule;
    if (name == QLatin1String("database"))
        return Violation::Kind::Database;
    return Violation::Kind::Function;
}

QJsonArray ViolationJson::toJson(const QList<Violation> &violations)
{
    QJsonArray array;
    for (const Violation &v : violations)
        array.append(QJsonObject{{QStringLiteral("kind"), kindName(v.kind)},
                                 {QStringLiteral("column"), v.column},
                                 {QStringLiteral("source"), v.source},
                                 {QStringLiteral("value"), v.value},
                                 {QStringLiteral("reason"), v.reason},
                                 {QStringLiteral("blocking"), v.blocking}});
    return array;
}

QList<Violation> ViolationJson::fromJson(const QJsonArray &array)
{
    QList<Violation> violations;
    for (const QJsonValue &entry : array) {
        if (!entry.isObject())
            continue;
        const QJsonObject o = entry.toObject();
        Violation v;
        v.kind = parseKind(o.value(QStringLiteral("kind")).toString());
        v.column = o.value(QStringLiteral("column")).toString();
        v.source = o.value(QStringLiteral("source")).toString();
        v.value = o.value(QStringLiteral("value")).toString();
        v.reason = o.value(QStringLiteral("reason")).toString();
        v.blocking = o.value(QStringLiteral("blocking")).toBool(true);
        violations.append(v);
    }
    return violations;
}

} // namespace cutover

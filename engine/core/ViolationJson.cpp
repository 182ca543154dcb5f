#include "core/ViolationJson.h"

#include <QJsonObject>
#include <QRegularExpression>

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

QString ViolationJson::formName(Violation::ValueForm form)
{
    switch (form) {
    case Violation::ValueForm::Literal:
        return QStringLiteral("literal");
    case Violation::ValueForm::None:
        return QStringLiteral("none");
    case Violation::ValueForm::Text:
        break;
    }
    return QStringLiteral("text");
}

// Violations stored before the form was: NULL and bytes (x'0a1b', or cut: x'0a1b… (603
// characters)) were literals, the rest text.
Violation::ValueForm ViolationJson::parseForm(const QJsonValue &name, const Violation &v)
{
    if (name == QLatin1String("literal"))
        return Violation::ValueForm::Literal;
    if (name == QLatin1String("none"))
        return Violation::ValueForm::None;
    if (name == QLatin1String("text"))
        return Violation::ValueForm::Text;
    static const QRegularExpression hex(
        QStringLiteral("^x'(([0-9a-f]{2})*'|[0-9a-f]*… \\(\\d+ characters\\))$"));
    if (v.value == QLatin1String("NULL") || hex.match(v.value).hasMatch())
        return Violation::ValueForm::Literal;
    if (v.value.isEmpty() && v.kind == Violation::Kind::Database)
        return Violation::ValueForm::None;
    return Violation::ValueForm::Text;
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
                                 {QStringLiteral("valueForm"), formName(v.valueForm)},
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
        v.valueForm = parseForm(o.value(QStringLiteral("valueForm")), v);
        violations.append(v);
    }
    return violations;
}

} // namespace cutover

#include "KeyFunctions.h"

#include "FunctionCall.h"
#include "KeyRecorder.h"
#include "TransformEnvironment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <sqlite3.h>

namespace cutover {

namespace {

const QString kUuid5 = QStringLiteral("uuid5");

// Length-prefixed, so no choice of key text can make two different key lists encode alike.
QByteArray encodeParts(const QStringList &parts)
{
    QByteArray encoded;
    for (const QString &part : parts) {
        const QByteArray utf8 = part.toUtf8();
        encoded += QByteArray::number(utf8.size()) + ':' + utf8;
    }
    return encoded;
}

} // namespace

int KeyFunctions::registerOn(sqlite3 *db, TransformEnvironment *env)
{
    int rc = FunctionCall::define(db, "uuid4", 0, false, &KeyFunctions::uuid4, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::defineRange(db, "uuid5", 2, FunctionCall::kMaxVariadicArgs, false,
                                       &KeyFunctions::uuid5, env);
    return rc;
}

QUuid KeyFunctions::rootNamespace()
{
    static const QUuid root =
        QUuid::createUuidV5(QUuid(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8")),
                            QByteArrayLiteral("https://cutover.dev/uuid5"));
    return root;
}

QString KeyFunctions::uuid5(const QString &keyNamespace, const QStringList &canonicalParts)
{
    const QUuid ns = QUuid::createUuidV5(rootNamespace(), keyNamespace.toUtf8());
    return QUuid::createUuidV5(ns, encodeParts(canonicalParts)).toString(QUuid::WithoutBraces);
}

QString KeyFunctions::sourceKey(const QStringList &canonicalParts)
{
    if (canonicalParts.size() == 1)
        return canonicalParts.first();
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(canonicalParts)).toJson(QJsonDocument::Compact));
}

QString KeyFunctions::canonicalPart(const FunctionCall &call, int i)
{
    switch (call.type(i)) {
    case SQLITE_INTEGER:
        return QString::number(call.integer(i));
    case SQLITE_FLOAT:
        return QString::number(call.real(i), 'f', QLocale::FloatingPointShortest);
    case SQLITE_BLOB:
        return call.display(i);
    default:
        return call.text(i);
    }
}

void KeyFunctions::uuid4(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    FunctionCall(context, argc, argv).setText(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void KeyFunctions::uuid5(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (argc < 2)
        return call.refuse(kUuid5, QString(),
                           QStringLiteral("uuid5 needs a namespace name and at least one key "
                                          "value, e.g. uuid5('patients', id)"));
    if (call.isNull(0) || call.text(0).trimmed().isEmpty())
        return call.refuse(kUuid5, call.display(0),
                           QStringLiteral("the namespace of uuid5 must be a non-empty name, "
                                          "e.g. 'patients'"));
    if (call.anyNull())
        return call.setNull();
    const QString keyNamespace = call.text(0);
    QStringList parts;
    for (int i = 1; i < argc; ++i)
        parts.append(canonicalPart(call, i));
    const QString id = uuid5(keyNamespace, parts);
    if (KeyRecorder *keys = call.env().keys)
        keys->record(keyNamespace, sourceKey(parts), id);
    call.setText(id);
}

} // namespace cutover

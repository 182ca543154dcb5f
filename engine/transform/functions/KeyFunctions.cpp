#include "transform/functions/KeyFunctions.h"

#include "transform/KeyRecorder.h"
#include "transform/functions/FunctionCall.h"
#include "transform/functions/TransformEnvironment.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QVarLengthArray>
#include <charconv>
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

// A namespace argument of uuid5 that was checked, with its v5 UUID, kept while the argument
// stays the same (FunctionCall::cache): deriving it again cost a third of uuid5.
struct Uuid5Namespace
{
    QString name;
    QByteArray rfc4122;
};

// v5 of encoded under ns, as QUuid::createUuidV5 makes it, in its lower-case text form.
void uuid5Text(const QByteArray &ns, QByteArrayView encoded, char text[36])
{
    thread_local QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.reset();
    sha1.addData(ns);
    sha1.addData(encoded);
    const QByteArrayView hash = sha1.resultView();
    uchar bytes[16];
    memcpy(bytes, hash.data(), 16);
    bytes[6] = uchar((bytes[6] & 0x0F) | 0x50); // version 5
    bytes[8] = uchar((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    static const char digits[] = "0123456789abcdef";
    int at = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text[at++] = '-';
        text[at++] = digits[bytes[i] >> 4];
        text[at++] = digits[bytes[i] & 0x0F];
    }
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
        return call.refuseCall(kUuid5,
                               QStringLiteral("uuid5 needs a namespace name and at least one key "
                                              "value, e.g. uuid5('patients', id)"));
    const Uuid5Namespace *ns = call.cached<Uuid5Namespace>(0);
    if (!ns && (call.isNull(0) || call.text(0).trimmed().isEmpty()))
        return call.refuseArgument(
            kUuid5, 0,
            QStringLiteral("the namespace of uuid5 must be a non-empty name, "
                           "e.g. 'patients'"));
    if (call.anyNull())
        return call.setNull();
    Uuid5Namespace made;
    if (!ns) {
        made.name = call.text(0);
        made.rfc4122 = QUuid::createUuidV5(rootNamespace(), made.name.toUtf8()).toRfc4122();
        ns = &made;
    }
    // The parts as encodeParts() writes them; an integer or ASCII text without a QString.
    QVarLengthArray<char, 128> encoded;
    const auto append = [&encoded](QByteArrayView bytes) {
        char length[24];
        const auto end = std::to_chars(length, length + sizeof length, bytes.size()).ptr;
        encoded.append(length, end - length);
        encoded.append(':');
        encoded.append(bytes.data(), bytes.size());
    };
    KeyRecorder *keys = call.env().keys;
    const bool recording = keys && keys->wants(ns->name);
    QStringList parts; // for the recorder only
    if (recording)
        parts.reserve(argc - 1);
    for (int i = 1; i < argc; ++i) {
        char digits[24];
        QByteArrayView utf8;
        if (call.type(i) == SQLITE_INTEGER) {
            const auto end = std::to_chars(digits, digits + sizeof digits, call.integer(i)).ptr;
            utf8 = QByteArrayView(digits, end - digits);
        } else if (call.type(i) != SQLITE_TEXT || !FunctionCall::isAscii(utf8 = call.utf8View(i))) {
            const QString part = canonicalPart(call, i);
            append(part.toUtf8());
            if (recording)
                parts.append(part);
            continue;
        }
        append(utf8);
        if (recording)
            parts.append(QString::fromLatin1(utf8));
    }
    char text[37];
    uuid5Text(ns->rfc4122, QByteArrayView(encoded.constData(), encoded.size()), text);
    text[36] = 0;
    const QString keyNamespace = ns->name;
    if (ns == &made) // last: SQLite may drop what it caches at once
        call.cache(0, made);
    if (recording)
        keys->record(keyNamespace, sourceKey(parts), QString::fromLatin1(text, 36));
    call.setUtf8(QByteArrayView(text, 36), true);
}

} // namespace cutover

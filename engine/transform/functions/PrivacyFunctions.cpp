#include "transform/functions/PrivacyFunctions.h"

#include "transform/functions/FunctionCall.h"
#include "transform/functions/KeyFunctions.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <sqlite3.h>

namespace cutover {

namespace {

const QString kMask = QStringLiteral("mask");
const QString kPseudonym = QStringLiteral("pseudonym");

} // namespace

int PrivacyFunctions::registerOn(sqlite3 *db, TransformEnvironment *env)
{
    int rc = FunctionCall::define(db, "sha256_hex", 1, true, &PrivacyFunctions::sha256Hex, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "mask", 2, false, &PrivacyFunctions::maskFn, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "pseudonym", 2, false, &PrivacyFunctions::pseudonymFn, env);
    return rc;
}

QString PrivacyFunctions::mask(const QString &text, qint64 keepLast)
{
    const std::u32string chars = text.toStdU32String();
    const qsizetype size = qsizetype(chars.size());
    const qsizetype hidden = qMax<qsizetype>(0, size - keepLast);
    return QString(hidden, QLatin1Char('*')) +
           QString::fromUcs4(chars.data() + hidden, size - hidden);
}

QString PrivacyFunctions::pseudonym(const QString &canonicalKey, const QString &salt)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(canonicalKey.toUtf8(), salt.toUtf8(),
                                                            QCryptographicHash::Sha256);
    return QStringLiteral("p_") + QString::fromLatin1(mac.toHex().left(16));
}

void PrivacyFunctions::sha256Hex(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.isNull(0))
        return call.setNull();
    const QByteArray bytes =
        call.type(0) == SQLITE_BLOB
            ? QByteArray(static_cast<const char *>(sqlite3_value_blob(argv[0])),
                         sqlite3_value_bytes(argv[0]))
            : call.utf8(0);
    call.setText(
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

void PrivacyFunctions::maskFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.isNull(1) || call.type(1) != SQLITE_INTEGER || call.integer(1) < 0)
        return call.refuseArgument(kMask, 1,
                                   QStringLiteral("keep_last of mask must be a whole number >= 0"));
    if (call.isNull(0))
        return call.setNull();
    call.setText(mask(call.text(0), call.integer(1)));
}

void PrivacyFunctions::pseudonymFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.isNull(1) || call.text(1).isEmpty())
        return call.refuseArgument(
            kPseudonym, 1,
            QStringLiteral("pseudonym needs a non-empty salt, e.g. a secret of "
                           "the project"));
    if (call.isNull(0))
        return call.setNull();
    call.setText(pseudonym(KeyFunctions::canonicalPart(call, 0), call.text(1)));
}

} // namespace cutover

#include "audit/AuditEntry.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace cutover {

namespace {

QJsonObject withoutHash(const AuditEntry &e)
{
    QJsonObject o;
    o[QStringLiteral("seq")] = e.seq;
    o[QStringLiteral("time")] = e.time.toUTC().toString(Qt::ISODateWithMs);
    o[QStringLiteral("who")] = e.who;
    o[QStringLiteral("kind")] = e.kind;
    o[QStringLiteral("summary")] = e.summary;
    o[QStringLiteral("data")] = e.data;
    o[QStringLiteral("prev")] = e.prev;
    return o;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool isText(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).isString();
}

} // namespace

QString AuditEntry::genesis()
{
    return QString(64, QLatin1Char('0'));
}

QByteArray AuditEntry::hashedBytes() const
{
    return QJsonDocument(withoutHash(*this)).toJson(QJsonDocument::Compact);
}

QString AuditEntry::computeHash() const
{
    return sha256(hashedBytes());
}

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o = withoutHash(*this);
    o[QStringLiteral("hash")] = hash;
    return o;
}

QByteArray AuditEntry::line() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

bool AuditEntry::parse(const QByteArray &line, AuditEntry &entry, QString &error,
                       QString *contentHash)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject()) {
        error = parseError.error != QJsonParseError::NoError
                    ? QStringLiteral("not JSON (%1)").arg(parseError.errorString())
                    : QStringLiteral("not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    for (const char *key : {"time", "who", "kind", "summary", "prev", "hash"})
        if (!isText(o, key)) {
            error = QStringLiteral("no text '%1'").arg(QLatin1String(key));
            return false;
        }
    const QJsonValue seq = o.value(QStringLiteral("seq"));
    if (!seq.isDouble() || seq.toDouble() < 1 || seq.toDouble() != double(qint64(seq.toDouble()))) {
        error = QStringLiteral("no whole number 'seq'");
        return false;
    }
    entry.seq = qint64(seq.toDouble());
    entry.time =
        QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    entry.who = o.value(QStringLiteral("who")).toString();
    entry.kind = o.value(QStringLiteral("kind")).toString();
    entry.summary = o.value(QStringLiteral("summary")).toString();
    entry.data = o.value(QStringLiteral("data")).toObject();
    entry.prev = o.value(QStringLiteral("prev")).toString();
    entry.hash = o.value(QStringLiteral("hash")).toString();
    if (contentHash) {
        QJsonObject content = o;
        content.remove(QStringLiteral("hash"));
        *contentHash = sha256(QJsonDocument(content).toJson(QJsonDocument::Compact));
    }
    return true;
}

} // namespace cutover

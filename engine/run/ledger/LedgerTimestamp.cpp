#include "run/ledger/LedgerTimestamp.h"

namespace cutover {

QString LedgerTimestamp::of(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime LedgerTimestamp::parse(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QString text = value.typeId() == QMetaType::QByteArray
                             ? QString::fromUtf8(value.toByteArray())
                             : value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace cutover

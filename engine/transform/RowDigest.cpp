#include "transform/RowDigest.h"

#include <QStringList>

namespace cutover {

namespace {

const QString kScheme = QStringLiteral("xxh3-128");

QString hex64(quint64 value)
{
    return QStringLiteral("%1").arg(value, 16, 16, QLatin1Char('0'));
}

} // namespace

void RowDigest::add(const Hash &row)
{
    ++m_rows;
    m_low += row.low;
    m_high += row.high;
}

void RowDigest::add(const RowDigest &other)
{
    m_rows += other.m_rows;
    m_low += other.m_low;
    m_high += other.m_high;
}

QString RowDigest::toText() const
{
    return kScheme + QLatin1Char(':') + QString::number(m_rows) + QLatin1Char(':') + hex64(m_high) +
           hex64(m_low);
}

std::optional<RowDigest> RowDigest::fromText(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts.at(0) != kScheme || parts.at(2).size() != 32)
        return std::nullopt;
    bool rowsOk = false;
    bool highOk = false;
    bool lowOk = false;
    RowDigest digest;
    digest.m_rows = parts.at(1).toLongLong(&rowsOk);
    digest.m_high = parts.at(2).left(16).toULongLong(&highOk, 16);
    digest.m_low = parts.at(2).mid(16).toULongLong(&lowOk, 16);
    if (!rowsOk || !highOk || !lowOk || digest.m_rows < 0)
        return std::nullopt;
    return digest;
}

} // namespace cutover

#include "QuarantinedRow.h"

#include "ViolationJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cutover {

void QuarantinedRow::render()
{
    m_rawValuesJson = QString::fromUtf8(QJsonDocument(rawValues).toJson(QJsonDocument::Compact));
    m_violationsJson = QString::fromUtf8(
        QJsonDocument(ViolationJson::toJson(violations)).toJson(QJsonDocument::Compact));
}

QString QuarantinedRow::rawValuesJson() const
{
    if (!m_rawValuesJson.isEmpty())
        return m_rawValuesJson;
    return QString::fromUtf8(QJsonDocument(rawValues).toJson(QJsonDocument::Compact));
}

QString QuarantinedRow::violationsJson() const
{
    if (!m_violationsJson.isEmpty())
        return m_violationsJson;
    return QString::fromUtf8(
        QJsonDocument(ViolationJson::toJson(violations)).toJson(QJsonDocument::Compact));
}

} // namespace cutover

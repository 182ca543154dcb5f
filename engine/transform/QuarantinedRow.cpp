#include "transform/QuarantinedRow.h"

#include "core/ViolationJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cutover {

namespace {

QString compact(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

} // namespace

void QuarantinedRow::render()
{
    m_rawValuesJson = compact(QJsonDocument(rawValues));
    m_violationsJson = compact(QJsonDocument(ViolationJson::toJson(violations)));
}

QString QuarantinedRow::rawValuesJson() const
{
    return m_rawValuesJson.isEmpty() ? compact(QJsonDocument(rawValues)) : m_rawValuesJson;
}

QString QuarantinedRow::violationsJson() const
{
    return m_violationsJson.isEmpty() ? compact(QJsonDocument(ViolationJson::toJson(violations)))
                                      : m_violationsJson;
}

} // namespace cutover

#pragma once

#include <QMap>
#include <QString>

namespace cutover {

// A named map of source values onto target values, used by lookup('name', value).
struct LookupMap
{
    QString name;
    QMap<QString, QString> entries;
    QString defaultValue;
    bool hasDefault = false; // without a default an unmapped value is a violation

    bool operator==(const LookupMap &) const = default;
};

} // namespace cutover

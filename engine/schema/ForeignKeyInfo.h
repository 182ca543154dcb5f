#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

struct ForeignKeyInfo
{
    QString name;
    QStringList columns;
    QString referencedTable;
    QStringList referencedColumns;

    bool operator==(const ForeignKeyInfo &) const = default;
};

} // namespace cutover

#pragma once

#include <QString>

namespace cutover {

// How many rows the demo generator wrote into one table.
struct DemoTableCount
{
    QString table;
    qint64 rows = 0;

    bool operator==(const DemoTableCount &) const = default;
};

} // namespace cutover

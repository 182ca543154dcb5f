#pragma once

#include <QList>
#include <QString>

namespace cutover {

// Finds the calls lookup('map', <value expression> [, default]) in a transform expression, so
// the edge-case sample can look for source rows whose value is not a key of the map
// (SqlTextScanner: string literals, quoted identifiers and comments are skipped, nested calls
// found). The map name is taken only when it is a string literal.
class LookupCallFinder
{
public:
    struct Call
    {
        QString map;        // the lookup map's name
        QString expression; // the value argument, as written
        bool hasDefault = false;

        bool operator==(const Call &) const = default;
    };

    static QList<Call> find(const QString &expression);
};

} // namespace cutover

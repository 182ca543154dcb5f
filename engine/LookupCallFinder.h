#pragma once

#include <QList>
#include <QString>

namespace cutover {

// Finds the calls lookup('map', <value expression> [, default]) in a transform expression, so
// the edge-case sample can look for source rows whose value is not a key of the map. A plain
// scanner, not a parser: it skips string literals, quoted identifiers and comments, and takes
// the map name only when it is a string literal. Nested calls are found too.
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

private:
    static qsizetype skipQuoted(const QString &text, qsizetype at);
    static qsizetype skipSpace(const QString &text, qsizetype at);
    static qsizetype argumentEnd(const QString &text, qsizetype at);
    static bool readCall(const QString &text, qsizetype open, Call &call);
};

} // namespace cutover

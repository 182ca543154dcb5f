#pragma once

#include "core/Result.h"

#include <QMap>
#include <QString>

namespace cutover {

// Reads lookup entries from a CSV file of two columns, source value then target value. The first
// line is a header, and skipped, when it names the columns (key/value, source/target, from/to,
// code/label...); any other first line is an entry. Lines with another number of fields are
// skipped and counted. Against the entries a map has, says how many the file adds and replaces.
class LookupCsvImport
{
public:
    struct Outcome
    {
        QMap<QString, QString> entries; // every entry of the file (a later line wins)
        int added = 0;                  // keys the map lacks
        int replaced = 0;               // keys the map has with another value
        int unchanged = 0;              // keys the map has with this value
        int skipped = 0;                // lines that are not two fields
        bool hadHeader = false;
    };

    static Result<Outcome> read(const QString &path, const QMap<QString, QString> &existing);
    // Whether a first record names the two columns rather than holding an entry.
    static bool isHeader(const QString &first, const QString &second);
};

} // namespace cutover

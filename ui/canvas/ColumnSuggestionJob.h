#pragma once

#include "automap/AutoMapper.h"
#include "project/Project.h"
#include "schema/DatabaseSchema.h"

#include <QList>
#include <QString>

namespace cutover {

class PasswordProvider;

// The canvas's auto-map of one table mapping, on the thread that calls run() (a QtConcurrent
// worker): AutoMapper's column suggestions for the target table, with sample values read from
// the source on the worker's own connection. When the source cannot be read, the suggestions
// come from names and types alone and the notice says why.
class ColumnSuggestionJob
{
public:
    struct Input
    {
        Project project; // its source connection and lookups
        DatabaseSchema sourceSchema;
        DatabaseSchema targetSchema;
        QString sourceTable;
        QString targetTable;
        int sampleSize = 200;
    };
    struct Outcome
    {
        QList<AutoMapper::ColumnSuggestion> suggestions;
        QString notice; // empty when samples were read
    };

    static Outcome run(const Input &input, const PasswordProvider *passwords);
};

} // namespace cutover

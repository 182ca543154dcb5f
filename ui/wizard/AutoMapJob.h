#pragma once

#include "automap/AutoMapper.h"
#include "core/Error.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "schema/DatabaseSchema.h"

#include <QList>
#include <QStringList>

namespace cutover {

class PasswordProvider;

// The wizard's auto-map, on the thread that calls run() (a QtConcurrent worker): AutoMapper's
// suggestions for every target table, with sample values read from the source on the worker's
// own connection, and ProjectInitializer's definitions of the source tables that no suggestion
// reads and the target lacks, for the user to create (as `cutover-cli automap` does).
class AutoMapJob
{
public:
    struct Input
    {
        ConnectionSpec source;
        DatabaseSchema sourceSchema;
        ConnectionSpec target;
        DatabaseSchema targetSchema;
        int sampleSize = 200;
    };
    struct Outcome
    {
        QList<AutoMapper::MappingSuggestion> suggestions;
        Project creatable;
        QStringList notices;
        Error error;
        bool ok = false;
    };

    static Outcome run(const Input &input, const PasswordProvider *passwords);

private:
    static Outcome suggest(const Input &input, const PasswordProvider *passwords);
    static void addCreatable(const Input &input, Outcome &outcome);
};

} // namespace cutover

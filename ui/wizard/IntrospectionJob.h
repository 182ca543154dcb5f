#pragma once

#include "core/Error.h"
#include "dialect/ConnectionSpec.h"
#include "schema/DatabaseSchema.h"

#include <optional>

namespace cutover {

class PasswordProvider;

// Reads the schemas of the wizard's source and target, on the thread that calls run() (a
// QtConcurrent worker); a target that is to be a new SQLite file is an empty schema and is not
// touched. Copies of everything it reads go in, so nothing is shared with the GUI thread but
// the PasswordProvider, which must outlive the job.
class IntrospectionJob
{
public:
    struct Side
    {
        std::optional<DatabaseSchema> schema; // empty when reading failed
        Error error;
    };
    struct Outcome
    {
        Side source;
        Side target;
    };

    static Outcome run(const ConnectionSpec &source, const ConnectionSpec &target, bool targetIsNew,
                       const PasswordProvider *passwords);

private:
    static Side read(const ConnectionSpec &spec, const PasswordProvider *passwords);
};

} // namespace cutover

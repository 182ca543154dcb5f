#pragma once

#include "core/Error.h"

namespace cutover {

class ConnectionSpec;

// Turns a driver's message about a failed connection into words a user can act on: which
// server did not answer and what to check, that the password was refused, that the database or
// file does not exist. A message it does not recognise is kept, with a general hint; an error
// that is not about connecting (a query that failed once connected) is returned as it is.
class ConnectionErrorText
{
public:
    static Error explain(const ConnectionSpec &spec, const Error &error);

private:
    static Error explainServer(const ConnectionSpec &spec, const QString &text);
    static Error explainFile(const ConnectionSpec &spec, const Error &error);
};

} // namespace cutover

#include "transform/functions/TransformFunctions.h"

#include "transform/functions/BoundedPrintf.h"
#include "transform/functions/KeyFunctions.h"
#include "transform/functions/PrivacyFunctions.h"
#include "transform/functions/TextFunctions.h"
#include "transform/functions/TimeFunctions.h"
#include "transform/functions/ValueFunctions.h"

#include <sqlite3.h>

namespace cutover {

Result<void> TransformFunctions::registerAll(sqlite3 *db, TransformEnvironment *env)
{
    using Register = int (*)(sqlite3 *, TransformEnvironment *);
    const Register groups[] = {&KeyFunctions::registerOn,     &TimeFunctions::registerOn,
                               &TextFunctions::registerOn,    &ValueFunctions::registerOn,
                               &PrivacyFunctions::registerOn, &BoundedPrintf::registerOn};
    for (Register registerOn : groups) {
        const int rc = registerOn(db, env);
        if (rc != SQLITE_OK)
            return Error(Error::Code::Internal,
                         QStringLiteral("cannot register the transform functions: %1")
                             .arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    return {};
}

} // namespace cutover

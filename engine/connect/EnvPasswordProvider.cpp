#include "connect/EnvPasswordProvider.h"

#include "dialect/ConnectionSpec.h"

#include <QtGlobal>

namespace cutover {

std::optional<QString> EnvPasswordProvider::password(const ConnectionSpec &spec) const
{
    if (qEnvironmentVariableIsSet("CUTOVER_PASSWORD"))
        return qEnvironmentVariable("CUTOVER_PASSWORD");
    const char *driverVariable = spec.kind() == ConnectionSpec::Kind::PostgreSql ? "PGPASSWORD"
                                 : spec.kind() == ConnectionSpec::Kind::MySql    ? "MYSQL_PWD"
                                                                                 : nullptr;
    if (driverVariable && qEnvironmentVariableIsSet(driverVariable))
        return qEnvironmentVariable(driverVariable);
    return std::nullopt;
}

} // namespace cutover

#pragma once

#include "connect/PasswordProvider.h"

namespace cutover {

// Reads CUTOVER_PASSWORD, then the driver's own variable (PGPASSWORD, MYSQL_PWD).
class EnvPasswordProvider : public PasswordProvider
{
public:
    std::optional<QString> password(const ConnectionSpec &spec) const override;
};

} // namespace cutover

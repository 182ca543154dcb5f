#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "run/target/TargetSession.h"

#include <memory>

namespace cutover {

class PasswordProvider;

// Opens the TargetSession for a connection's kind, on the calling thread (which then owns it).
class TargetSessionFactory
{
public:
    // passwords may be null (SQLite, or libpq finding one itself); it is asked only here.
    static Result<std::unique_ptr<TargetSession>> open(const ConnectionSpec &spec,
                                                       const PasswordProvider *passwords = nullptr);
};

} // namespace cutover

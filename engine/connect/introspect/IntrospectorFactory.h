#pragma once

#include "connect/introspect/Introspector.h"
#include "dialect/ConnectionSpec.h"

#include <memory>

namespace cutover {

class PasswordProvider;

class IntrospectorFactory
{
public:
    // The introspector for spec's kind. passwords may be null; it must outlive the introspector.
    static std::unique_ptr<Introspector> create(const ConnectionSpec &spec,
                                                const PasswordProvider *passwords = nullptr);
};

} // namespace cutover

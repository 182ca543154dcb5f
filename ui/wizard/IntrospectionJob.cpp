#include "wizard/IntrospectionJob.h"

#include "connect/introspect/IntrospectorFactory.h"

#include <QFileInfo>
#include <exception>

namespace cutover {

IntrospectionJob::Outcome IntrospectionJob::run(const ConnectionSpec &source,
                                                const ConnectionSpec &target, bool targetIsNew,
                                                const PasswordProvider *passwords)
{
    Outcome outcome;
    outcome.source = read(source, passwords);
    if (targetIsNew && !QFileInfo::exists(target.path()))
        outcome.target.schema = DatabaseSchema();
    else
        outcome.target = read(target, passwords);
    return outcome;
}

IntrospectionJob::Side IntrospectionJob::read(const ConnectionSpec &spec,
                                              const PasswordProvider *passwords)
{
    Side side;
    try {
        auto schema = IntrospectorFactory::create(spec, passwords)->introspect();
        if (schema)
            side.schema = std::move(*schema);
        else
            side.error = schema.error();
    } catch (const std::exception &e) {
        side.error =
            Error(Error::Code::Internal, QString::fromLocal8Bit(e.what()), spec.displayName());
    }
    return side;
}

} // namespace cutover

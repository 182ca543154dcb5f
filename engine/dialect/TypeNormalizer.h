#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/NormalizedType.h"

namespace cutover {

// Maps a declared column type of SQLite, PostgreSQL or MySQL/MariaDB onto a NormalizedType.
class TypeNormalizer
{
public:
    static NormalizedType normalize(const QString &declaredType, ConnectionSpec::Kind dialect);
};

} // namespace cutover

#pragma once

#include "core/Result.h"
#include "project/TableMapping.h"

#include <QHash>
#include <QStringList>

namespace cutover {

// The source columns a table mapping's column encodings apply to. A column mapping with an
// `encoding` says the source text its expression reads is in that encoding: the source columns
// it reads (its lineage, which SQLite itself reports) are decoded with it before any expression
// sees them, so every expression reading them sees the decoded text.
class ColumnEncodings
{
public:
    // Source column -> encoding name, for the mapping's column mappings over sourceColumns; an
    // Error when two column mappings name different encodings for one source column. A column
    // mapping whose expression does not compile decodes nothing (validation reports it).
    static Result<QHash<QString, QString>> resolve(const TableMapping &mapping,
                                                   const QStringList &sourceColumns);
    // True when any column mapping names an encoding.
    static bool any(const TableMapping &mapping);
};

} // namespace cutover

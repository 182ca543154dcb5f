#pragma once

#include "LookupMap.h"
#include "ViolationSink.h"

#include <QHash>
#include <QString>

namespace cutover {

class KeyRecorder;

// What transform functions need beyond their arguments: the project's lookup maps, where to
// report violations, and optionally where to record old-key to new-key pairs made by uuid5.
// Owned by the TransformProgram that registered the functions; lives as long as it.
struct TransformEnvironment
{
    QHash<QString, LookupMap> lookups; // by name
    ViolationSink sink;
    KeyRecorder *keys = nullptr; // may be null: then uuid5 records nothing
};

} // namespace cutover

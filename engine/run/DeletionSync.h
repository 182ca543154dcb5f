#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "run/target/TargetSession.h"
#include "schema/TableInfo.h"

#include <atomic>

namespace cutover {

class PasswordProvider;

// The deletion half of incremental sync, for a mapping with syncDeletes: a target row whose key
// no source row maps to any more was deleted at the source, so it is deleted in the target.
// The keys the source maps to are computed with the mapping's own key expression over a full
// scan of the source and kept in a temporary SQLite file (memory stays flat); the target's keys
// are then read in key order, a chunk at a time, and the missing ones deleted, one transaction
// per chunk. Only single-column target keys; a dry run counts without deleting.
class DeletionSync
{
public:
    struct Setup
    {
        const Project *project = nullptr;
        const TableMapping *mapping = nullptr;
        TableInfo target;
        const PasswordProvider *passwords = nullptr;
        bool dryRun = false;
        int chunkSize = 1000;
        const std::atomic<bool> *stop = nullptr;
    };

    // Returns the number of target rows deleted (or that would be, in a dry run).
    static Result<qint64> run(const Setup &setup, TargetSession &target);
};

} // namespace cutover

#pragma once

#include "core/ViolationSink.h"
#include "project/LookupMap.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <atomic>
#include <memory>

namespace cutover {

class BoundedPrintf;
class KeyRecorder;

// What transform functions need beyond their arguments: the project's lookup maps, where to
// report violations, and optionally where to record old-key to new-key pairs made by uuid5.
// Owned by the TransformProgram that registered the functions; lives as long as it.
struct TransformEnvironment
{
    // The largest value an expression may make: at least kMinValueBytes, or kInputFactor times
    // the largest value of the row it reads (SQLITE_LIMIT_LENGTH, set per row). It bounds
    // what one row can cost: randomblob(1e9) or printf('%.*c', 999999999, 'x') is refused at
    // once instead of filling gigabytes.
    static constexpr qint64 kMinValueBytes = 16 * 1024 * 1024;
    static constexpr qint64 kInputFactor = 4;
    // A row whose expressions still run after this long is stopped and quarantined.
    static constexpr int kRowMilliseconds = 5000;

    // The row being evaluated: when it started, and whether it is to stop (cancelled, or past
    // its time). Every function call looks first (FunctionCall::define), so a row of slow calls
    // stops at the next one; SQLite's progress handler looks between rows.
    struct RowClock
    {
        QElapsedTimer started;
        int limitMilliseconds = kRowMilliseconds;
        bool overran = false;
        const std::atomic<bool> *cancelled = nullptr;

        void start()
        {
            started.start();
            overran = false;
            calls = 0;
        }
        bool stopped()
        {
            if (cancelled && cancelled->load(std::memory_order_relaxed))
                return true;
            // The clock costs more than most functions: it is read every 16th call.
            if ((++calls & 15) == 0 && started.isValid() && started.elapsed() > limitMilliseconds)
                overran = true;
            return overran;
        }
        unsigned calls = 0;
    };
    RowClock rowClock;

    QHash<QString, LookupMap> lookups; // by name
    ViolationSink sink;
    KeyRecorder *keys = nullptr;           // may be null: then uuid5 records nothing
    std::shared_ptr<BoundedPrintf> printf; // printf() and format() (BoundedPrintf)
};

} // namespace cutover

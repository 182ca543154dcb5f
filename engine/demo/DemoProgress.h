#pragma once

#include <QString>
#include <atomic>
#include <functional>

namespace cutover {

// How far the demo generator is. Called on the generator's thread; a GUI forwards it with a
// queued signal.
struct DemoProgress
{
    QString step;     // what is being written, e.g. "legacy.sqlite"
    qint64 done = 0;  // patients written so far
    qint64 total = 0; // patients to write
};

using DemoProgressCallback = std::function<void(const DemoProgress &)>;
// Set from any thread to stop the generator at its next batch boundary.
using DemoCancelFlag = std::atomic_bool;

} // namespace cutover

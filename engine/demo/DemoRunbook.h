#pragma once

#include "project/RunbookPlan.h"

namespace cutover {

// The demo's cutover runbook: a phased cutover of the clinic in an 8-hour window, with the
// checks the planning documents ask for, a go / no-go signed off by the clinical director and
// the data steward, and a rollback kept as a contingency.
class DemoRunbook
{
public:
    static RunbookPlan plan();
};

} // namespace cutover

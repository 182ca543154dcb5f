#pragma once

#include "reconcile/ReconcileReport.h"

namespace cutover::test {

// Reconciliation reports built by hand for the export and store tests: every field set, a
// failing table with differences of each kind, a passing one, hostile text in values.
class ReportFixture
{
public:
    static ReconcileReport report();
    static TableReconciliation failingTable();
    static TableReconciliation passingTable();
};

} // namespace cutover::test

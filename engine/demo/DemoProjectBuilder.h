#pragma once

#include "project/Project.h"

namespace cutover {

// The demo project: the legacy clinic (sqlite:legacy.sqlite) mapped onto the modern schema
// (sqlite:modern.sqlite), with lookups, rules, phases, settings and a cutover runbook. It shows
// the transform functions on the dirt the source has; some dirt is deliberately left for the
// rules to quarantine (retired status codes, DST gaps, duplicate e-mails, orphans).
class DemoProjectBuilder
{
public:
    static Project build(qint64 patients, quint64 seed);

private:
    static TableMapping practitionerMapping();
    static TableMapping patientMapping();
    static TableMapping encounterMapping();
    static TableMapping observationMapping();
    static TableMapping invoiceMapping();
    static QList<LookupMap> lookups();
    static QList<Rule> rules();
    static QList<Phase> phases();
};

} // namespace cutover

#include "runbook/StrategyCatalog.h"

#include "project/RunbookVocabulary.h"

#include <initializer_list>

namespace cutover {

namespace {

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

StrategyCatalog::Strategy named(const char *name)
{
    StrategyCatalog::Strategy s;
    s.name = QLatin1String(name);
    s.title = RunbookVocabulary::strategyTitle(s.name);
    return s;
}

} // namespace

const QList<StrategyCatalog::Strategy> &StrategyCatalog::strategies()
{
    static const QList<Strategy> all = {bigBang(), phased(), parallelRun(), blueGreen()};
    return all;
}

const StrategyCatalog::Strategy *StrategyCatalog::strategy(const QString &name)
{
    for (const Strategy &s : strategies())
        if (s.name == name)
            return &s;
    return nullptr;
}

StrategyCatalog::Strategy StrategyCatalog::bigBang()
{
    Strategy s = named("big-bang");
    s.description = QStringLiteral(
        "Migrate all data at once during a maintenance window: the organisation switches from the "
        "existing system to the new one at one single point in time, after a period of planning, "
        "engineering and training leading up to it.");
    s.pros = texts({
        "Simple and clean: a single cutover point",
        "Can be the fastest option",
        "No dual-write complexity and limited active-active synchronization",
        "Less \"throwaway\" engineering work",
    });
    s.cons = texts({
        "Requires downtime",
        "Higher risk: the most risky option",
        "All-or-nothing, with a high penalty for failure",
    });
    s.whenToUse = texts({
        "Small data volumes (small databases)",
        "An acceptable downtime window",
        "Low tolerance for data inconsistency between two systems",
        "Small or early-stage projects without significant operational complexity; Medplum does "
        "not recommend it for large organisations with significant active operations",
    });
    s.process = texts({"Stop", "Migrate", "Validate", "Start"});
    return s;
}

StrategyCatalog::Strategy StrategyCatalog::phased()
{
    Strategy s = named("phased");
    s.description = QStringLiteral(
        "Migrate data in phases (by table, module, feature or data type, by date range or by "
        "tenant): a predetermined sequence of small, \"bite-sized\" cutovers, usually business "
        "unit by business unit or team by team, with both systems running in the meantime.");
    s.pros = texts({
        "Lower risk per phase: the safest option",
        "Gradual validation: each phase is validated before the next",
        "Smaller rollback scope and a low penalty for bugs or errors",
        "More opportunity for feedback from the people using the system",
    });
    s.cons = texts({
        "Complex coordination",
        "Longer overall timeline: a prolonged migration period",
        "Data inconsistency between phases",
        "High engineering cost to build and maintain active-active synchronization",
    });
    s.whenToUse = texts({
        "Large systems and databases",
        "Minimal risk tolerance",
        "Complex schema",
        "Zero-downtime requirement",
        "Moderately complex deployments: Medplum recommends phased adoption in most cases, as "
        "the lowest risk to business operations",
    });
    s.process = texts({"Migrate one phase (module, feature or data type)", "Validate it",
                       "Cut it over", "Next phase"});
    return s;
}

StrategyCatalog::Strategy StrategyCatalog::parallelRun()
{
    Strategy s = named("parallel-run");
    s.description = QStringLiteral(
        "Write to both the old and the new system (dual write), keep them in sync and gradually "
        "shift reads to the new one; cut over once it is validated against live data.");
    s.pros = texts({
        "Zero downtime",
        "Safe, easy rollback",
        "Live validation before the cutover",
    });
    s.cons = texts({
        "Complex sync: data sync challenges",
        "Complex application logic",
        "Resource intensive, with a temporary performance impact",
    });
    s.whenToUse = texts({
        "Zero-downtime requirement",
        "Critical, mission-critical systems",
        "High data volume",
    });
    s.process = texts({"Dual writes", "Sync", "Validate", "Cutover"});
    return s;
}

StrategyCatalog::Strategy StrategyCatalog::blueGreen()
{
    Strategy s = named("blue-green");
    s.description = QStringLiteral(
        "Set up the new system (green) beside the current one (blue), migrate the data into it, "
        "then switch traffic; blue stays ready until green has proved itself.");
    s.pros = texts({
        "Instant, easy rollback",
        "Minimal or zero downtime",
        "Full testing before the cutover",
    });
    s.cons = texts({
        "Double resources and double resource cost",
        "Complex setup, and complex sync during the migration",
        "Requires a load balancer",
    });
    s.whenToUse = texts({
        "Cloud environments and cloud migrations",
        "Automated infrastructure",
        "Infrastructure changes",
        "High availability requirements",
    });
    s.process = texts({"Build parallel", "Sync", "Switch", "Teardown"});
    return s;
}

} // namespace cutover

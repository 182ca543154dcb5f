#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

// The four migration strategies as the planning documents describe them (a data engineer's
// "Create Data Migration Strategy" guide, a migration strategy template and Medplum's
// "Planning your Migration"): what each is, its pros and cons, when to use it and its process.
// The documents' lists are merged, each point once.
class StrategyCatalog
{
public:
    struct Strategy
    {
        QString name;  // as RunbookPlan::strategy holds it: "big-bang", "phased", ...
        QString title; // "Big Bang", "Phased", ...
        QString description;
        QStringList pros;
        QStringList cons;
        QStringList whenToUse;
        QStringList process; // the steps in order, e.g. Stop, Migrate, Validate, Start
    };

    // In RunbookVocabulary::strategyNames() order.
    static const QList<Strategy> &strategies();
    // nullptr for a name that is no strategy.
    static const Strategy *strategy(const QString &name);

private:
    static Strategy bigBang();
    static Strategy phased();
    static Strategy parallelRun();
    static Strategy blueGreen();
};

} // namespace cutover

#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

namespace cutover {

// The strategy advisor's questions, from the migration-planning documents: data volume and
// growth, downtime tolerance, risk tolerance, rollback needs, organisation size and complexity,
// whether source and target can run side by side, cloud or on-premises. A number below zero and
// Level::Unknown mean "not answered". The engine measures rows, sizeMb and rehearsalMinutes.
struct AdvisorAnswers
{
    enum class Level
    {
        Unknown,
        Low,
        Medium,
        High
    };
    enum class Hosting
    {
        Unknown,
        Cloud,
        OnPremises,
        Hybrid
    };
    enum class Answer
    {
        Unknown,
        No,
        Yes
    };

    qint64 rows = -1;   // rows in the source's mapped tables
    double sizeMb = -1; // their size
    double growthPercentPerMonth = -1;
    int downtimeMinutes = -1; // downtime the business accepts; 0: none at all
    Level riskTolerance = Level::Unknown;
    Level rollbackNeed = Level::Unknown; // High: instant rollback must be possible
    Level complexity = Level::Unknown;   // size and complexity of the organisation
    Answer sideBySide = Answer::Unknown; // can source and target run side by side
    Hosting hosting = Hosting::Unknown;
    double rehearsalMinutes = -1; // the last rehearsal run's duration

    bool operator==(const AdvisorAnswers &) const = default;
};

// The advisor's answers and recommendation, as kept in the project.
struct AdvisorRecord
{
    AdvisorAnswers answers;
    QString recommended;       // a strategy name, as RunbookPlan::strategy
    QMap<QString, int> scores; // strategy name -> score out of 100
    QDateTime decidedAt;       // UTC

    bool isEmpty() const { return recommended.isEmpty() && answers == AdvisorAnswers{}; }
    bool operator==(const AdvisorRecord &) const = default;
};

} // namespace cutover

#pragma once

#include "project/ProjectSettings.h"
#include "project/TableMapping.h"
#include "run/RunOptions.h"
#include "run/TableProgress.h"

#include <QList>
#include <QString>
#include <utility>

namespace cutover {

// A run's automatic rollback triggers, the project's or the run's own (--max-error-rate,
// --max-quarantined): each table's share of quarantined rows, each table's count when its
// mapping has a limit, and the whole run's count and share. A share is judged once it rests on
// enough rows (rejects cluster in key order, QuarantineShare).
class RunThresholds
{
public:
    struct Table
    {
        TableProgress progress;
        const TableMapping *mapping = nullptr;
    };

    RunThresholds(const ProjectSettings &settings, const RunOptions &options);

    // What is over its limit, or empty.
    QString exceeded(const QList<Table> &tables) const;

    // The share limit of a table and the setting it comes from: this run's, else its mapping's
    // own, else the project's (a negative share: no limit).
    std::pair<double, QString> tableRateLimit(const TableMapping &mapping) const;
    // The most quarantined rows of the whole run (-1: no limit) and the setting it comes from.
    std::pair<int, QString> quarantinedLimit() const;
    // The share limit of all rows read (negative: no limit) and the setting it comes from.
    std::pair<double, QString> runRateLimit() const;

private:
    ProjectSettings m_settings;
    std::optional<double> m_maxErrorRate;
    std::optional<int> m_maxQuarantined;
};

} // namespace cutover

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

private:
    // The share limit of a table: this run's, else its mapping's own, else the project's.
    std::pair<double, QString> tableRateLimit(const TableMapping &mapping) const;

    ProjectSettings m_settings;
    std::optional<double> m_maxErrorRate;
    std::optional<int> m_maxQuarantined;
};

} // namespace cutover

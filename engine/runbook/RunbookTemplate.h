#pragma once

#include "core/Result.h"
#include "project/AdvisorAnswers.h"
#include "project/Project.h"
#include "project/RunbookPlan.h"

#include <QString>
#include <QStringList>

namespace cutover {

// The runbook a strategy starts from, in the sections of the planning documents: pre-migration
// checklist, execution (one run per phase for Phased, an initial load and incremental sync for
// Parallel Run, build / sync / switch for Blue-Green), post-migration validation, the go/no-go
// decision, monitoring, rollback as a contingency and decommission. The plan is the user's to
// edit afterwards. Durations of the engine's steps come from the last rehearsal, else the row
// count, else a default.
class RunbookTemplate
{
public:
    // A planning figure for a batched load without a rehearsal yet (5,000 rows a second).
    static constexpr qint64 kRowsPerMinute = 300'000;
    static constexpr int kMinimumLoadMinutes = 5;
    static constexpr int kDefaultLoadMinutes = 60;

    // answers: the advisor's (project.advisor.answers by default), for the durations and the
    // window. Fails for an unknown strategy and for Phased on a project without phases.
    static Result<RunbookPlan> generate(const QString &strategy, const Project &project,
                                        const AdvisorAnswers &answers);
    static Result<RunbookPlan> generate(const QString &strategy, const Project &project);

    // The roles the go/no-go gate needs a sign-off from.
    static QStringList goNoGoSignoffs();
    // How long loading all the data is planned to take.
    static int loadMinutes(const AdvisorAnswers &answers);
    // "Wave 1 (Berlin)" -> "wave-1-berlin": for step ids.
    static QString kebab(const QString &text);

private:
    static Result<void> refuseUnfit(const QString &strategy, const Project &project);
    static Result<void> checkConsistent(const RunbookPlan &plan);
};

} // namespace cutover

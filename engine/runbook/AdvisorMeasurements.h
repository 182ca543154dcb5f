#pragma once

#include "core/Result.h"
#include "project/AdvisorAnswers.h"
#include "project/Project.h"
#include "run/ledger/RunRecord.h"
#include "schema/DatabaseSchema.h"

#include <QList>

namespace cutover {

class PasswordProvider;

// What the strategy advisor can measure instead of ask: the rows and size of the source's
// mapped tables (introspected) and how long the last rehearsal run took (the run ledger in the
// target). The I/O half of the advisor; StrategyAdvisor stays a pure function. Opens its
// connections on the calling thread.
class AdvisorMeasurements
{
public:
    // Guesses for the size of a value whose type says little about it; a planning figure.
    static constexpr int kTextBytes = 32;
    static constexpr int kDocumentBytes = 256; // JSON and blobs
    static constexpr int kUnknownBytes = 16;

    struct Volume
    {
        qint64 rows = -1;   // -1: the project maps no table
        double sizeMb = -1; // estimated from the column types
    };

    explicit AdvisorMeasurements(Project project, const PasswordProvider *passwords = nullptr);

    // answers with rows, sizeMb and rehearsalMinutes filled in where they are not answered
    // (below zero): what the user answered stays, since production may be larger than the
    // database at hand.
    Result<AdvisorAnswers> fillIn(AdvisorAnswers answers) const;

    Result<Volume> volume() const;
    // -1 when there is no finished rehearsal (or no target, or no ledger in it yet).
    Result<double> rehearsalMinutes() const;

    // The newest finished run that loaded (not a dry run, nor a retry of quarantined rows),
    // in minutes; when the newest is one phase's, the newest of each phase added up, since
    // together they are the whole migration. runs: newest first. -1 when there is none.
    static double rehearsalMinutes(const QList<RunRecord> &runs);
    static double estimatedRowBytes(const TableInfo &table);
    static int estimatedValueBytes(const NormalizedType &type);

private:
    Result<DatabaseSchema> sourceSchema() const;
    // Rows and bytes of one mapping's source; a query (or a table without a row estimate) is
    // counted.
    Result<Volume> mappingVolume(const TableMapping &mapping, const DatabaseSchema &schema) const;
    Result<qint64> countRows(const TableMapping &mapping) const;
    bool targetMissing() const;

    Project m_project;
    const PasswordProvider *m_passwords;
};

} // namespace cutover

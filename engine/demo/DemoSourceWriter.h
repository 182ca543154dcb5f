#pragma once

#include "core/Result.h"
#include "demo/DemoProgress.h"
#include "demo/DemoTableCount.h"

#include <QList>
#include <cstdint>

namespace cutover {

class DemoDatabase;
class DemoDirt;
class SeededRandom;
class DemoPatientRows;
class DemoVisitRows;

// Writes the legacy clinic database of the demo: schema, status codes, practitioners
// (patients / 50, at least 5), then each patient with their visits, streamed in large
// transactions so memory stays flat for any number of patients. Same seed, same bytes.
class DemoSourceWriter
{
public:
    DemoSourceWriter(std::uint64_t seed, qint64 patients);

    Result<QList<DemoTableCount>> write(const QString &path, const DemoProgressCallback &progress,
                                        const DemoCancelFlag *cancel);
    static qint64 practitionerCount(qint64 patients);

private:
    struct Writers
    {
        SeededRandom &random;
        DemoDirt &dirt;
        DemoDatabase &db;
        DemoPatientRows &people;
        DemoVisitRows &visits;
    };
    // The rows, with statements that are finalized before the database is closed.
    Result<QList<DemoTableCount>> writeRows(DemoDatabase &db, const DemoProgressCallback &progress,
                                            const DemoCancelFlag *cancel);
    Result<void> writePatients(Writers &writers, const DemoProgressCallback &progress,
                               const DemoCancelFlag *cancel);

    std::uint64_t m_seed = 0;
    qint64 m_patients = 0;
};

} // namespace cutover

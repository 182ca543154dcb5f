#include "demo/DemoSourceWriter.h"

#include "demo/DemoDatabase.h"
#include "demo/DemoDirt.h"
#include "demo/DemoNames.h"
#include "demo/DemoPatientRows.h"
#include "demo/DemoSourceSchema.h"
#include "demo/DemoVisitRows.h"

#include <QFileInfo>

namespace cutover {

namespace {

constexpr qint64 kProgressEvery = 1000; // patient slots between progress reports
constexpr qint64 kCommitEvery = 25000;  // patient slots per transaction (~475k rows)

std::string_view siteFor(SeededRandom &random)
{
    const auto r = random.below(100);
    const auto sites = DemoNames::siteCodes();
    return r < 40 ? sites[0] : r < 75 ? sites[1] : sites[2];
}

} // namespace

DemoSourceWriter::DemoSourceWriter(std::uint64_t seed, qint64 patients)
    : m_seed(seed)
    , m_patients(patients)
{}

qint64 DemoSourceWriter::practitionerCount(qint64 patients)
{
    return std::max<qint64>(5, patients / 50);
}

Result<QList<DemoTableCount>> DemoSourceWriter::write(const QString &path,
                                                      const DemoProgressCallback &progress,
                                                      const DemoCancelFlag *cancel)
{
    DemoDatabase db;
    Result<void> step = db.open(path);
    if (step)
        step = DemoSourceSchema::create(db);
    if (!step)
        return step.error();
    auto counts = writeRows(db, progress, cancel);
    if (!counts)
        return counts;
    if (auto done = db.close(); !done)
        return done.error();
    return counts;
}

Result<QList<DemoTableCount>> DemoSourceWriter::writeRows(DemoDatabase &db,
                                                          const DemoProgressCallback &progress,
                                                          const DemoCancelFlag *cancel)
{
    SeededRandom random(m_seed);
    DemoDirt dirt(random);
    const qint64 practitioners = practitionerCount(m_patients);
    DemoPatientRows people(random, dirt);
    DemoVisitRows visits(random, dirt, practitioners);
    Result<void> step = people.prepare(db);
    if (step)
        step = visits.prepare(db);
    if (step)
        step = db.begin();
    if (!step)
        return step.error();
    auto codes = DemoSourceSchema::writeStatusCodes(db);
    if (!codes)
        return codes.error();
    for (qint64 id = 1; id <= practitioners; ++id)
        if (auto done = people.writePractitioner(id); !done)
            return done.error();
    Writers writers{random, dirt, db, people, visits};
    if (auto done = writePatients(writers, progress, cancel); !done)
        return done.error();
    const auto &c = visits.counts();
    return QList<DemoTableCount>{
        {QStringLiteral("STATUS_CODES"), *codes}, {QStringLiteral("Practitioners"), practitioners},
        {QStringLiteral("PATIENTS"), m_patients}, {QStringLiteral("ENCOUNTERS"), c.encounters},
        {QStringLiteral("obs"), c.observations},  {QStringLiteral("tblInvoice"), c.invoices}};
}

Result<void> DemoSourceWriter::writePatients(Writers &w, const DemoProgressCallback &progress,
                                             const DemoCancelFlag *cancel)
{
    const QString step = QStringLiteral("legacy.sqlite");
    qint64 written = 0;
    for (qint64 slot = 1; written < m_patients; ++slot) {
        w.dirt.beginSlot(slot);
        const std::string_view site = siteFor(w.random);
        if (!w.dirt.hit(DemoDirtKind::PatientDeleted)) {
            if (auto done = w.people.writePatient(slot, site); !done)
                return done;
            ++written;
        }
        if (auto done = w.visits.writeFor(slot, site); !done)
            return done;
        if (slot % kCommitEvery == 0) {
            if (auto done = w.db.commit(); !done)
                return done;
            if (auto done = w.db.begin(); !done)
                return done;
        }
        if (slot % kProgressEvery == 0) {
            if (cancel && cancel->load())
                return Error(Error::Code::Cancelled, QStringLiteral("demo generation cancelled"));
            if (progress)
                progress({step, written, m_patients});
        }
    }
    if (progress)
        progress({step, written, m_patients});
    return w.db.commit();
}

} // namespace cutover

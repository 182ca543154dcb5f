#pragma once

#include "core/Result.h"
#include "core/SeededRandom.h"
#include "demo/DemoCalendar.h"
#include "demo/DemoDatabase.h"
#include "demo/DemoDirt.h"

#include <memory>
#include <string>
#include <string_view>

namespace cutover {

// Writes what happens to a patient: ENCOUNTERS (about 3 per patient), obs (about 4 per
// encounter) and tblInvoice (about 1 per encounter), with local Europe/Berlin times across DST
// changes, retired status codes, money as REAL and as typed text, and the other visit dirt.
class DemoVisitRows
{
public:
    struct Counts
    {
        std::int64_t encounters = 0;
        std::int64_t observations = 0;
        std::int64_t invoices = 0;
    };

    DemoVisitRows(SeededRandom &random, DemoDirt &dirt, std::int64_t practitioners);

    Result<void> prepare(DemoDatabase &db);
    // All visits of one patient (also of a deleted one: their rows become orphans).
    Result<void> writeFor(std::int64_t patientId, std::string_view site);
    const Counts &counts() const { return m_counts; }

private:
    Result<void> writeEncounter(std::int64_t patientId, std::string_view site, bool first);
    Result<void> writeObservation(std::int64_t encounterId, std::string_view site);
    Result<void> writeInvoice(std::int64_t encounterId, std::string_view site);
    DemoDateTime visitTime(bool first);
    std::string_view encounterStatus(bool first);
    void appendObservationValue(std::string &out, int kindIndex, bool first);
    void appendInvoiceTotal(std::string &out, bool first);
    int invoiceCount();

    SeededRandom &m_random;
    DemoDirt &m_dirt;
    std::int64_t m_practitioners = 0;
    Counts m_counts;
    std::unique_ptr<DemoStatement> m_encounter;
    std::unique_ptr<DemoStatement> m_observation;
    std::unique_ptr<DemoStatement> m_invoice;
    DemoDateTime m_visit;           // the visit being written
    bool m_firstObservation = true; // of the current patient slot
    bool m_firstInvoice = true;
    std::string m_text;
    std::string m_other;
};

} // namespace cutover

#pragma once

#include "core/SeededRandom.h"

#include <cstdint>

namespace cutover {

// The kinds of dirt in the demo's legacy data, each at a known rate in basis points (1/100 %).
// Besides its random occurrences, every kind is forced once on an early patient ("showcase
// slot" 2 + kind, which carries no other dirt), so even a small demo has one of each. Slot 1 is
// clean.
enum class DemoDirtKind
{
    PatientDeleted, // encounters keep the id of a deleted patient: orphaned foreign keys
    NameWhitespace, // leading, trailing or doubled spaces
    NameUpper,      // ANNA MüLLER (ASCII letters only, as old systems did)
    NameLower,
    NameNull,          // NULL in a required field
    NameInternational, // Müller, Dvořák, Ñúñez, Øster, 李, Σωκράτης ...
    DobGerman,         // 07.03.1984
    DobAmerican,       // 03/07/1984
    DobMonthName,      // 7 Mar 1984
    DobNull,
    DobPlaceholder,   // 01.01.1900, the "unknown" of the old front end
    EmailMissing,     // NULL or ''
    EmailDuplicate,   // the address of the previous patient (a family sharing one)
    EmailInvalid,     // n/a, anna(at)example.com, ...
    EmailMessy,       // ' Anna.schmidt16@EXAMPLE.COM'
    CreatedZeroDate,  // 0000-00-00 00:00:00
    CreatedDstGap,    // a local time that does not exist in Europe/Berlin
    PatientRetired,   // status M (merged): retired in STATUS_CODES, unmapped in the lookup
    EncounterRetired, // status NS / ZZ, retired
    EncounterMessy,   // ' fin' instead of FIN
    VisitDstGap,      // 2021-03-28 02:30 and the like
    VisitDstOverlap,  // 2021-10-31 02:30 and the like
    VisitNull,
    DoctorUnknown, // DOC_ID_FK = 0, the old "no doctor" marker
    CopayNegative,
    CopayNull,
    ObservationComma,        // 36,8
    ObservationNotAvailable, // n/a
    InvoiceGerman,           // 1.234,50
    InvoiceEuroSign,         // € 12.00
    InvoiceCurrencyCode,     // EUR 12.00
    InvoiceEuroSuffix,       // 12,00 €
    InvoiceBlank,            // '' in a required amount
    InvoiceNegative,         // -25.00 (a credit note typed into the invoice table)
    CurrencyMissing,
    Count
};

class DemoDirt
{
public:
    explicit DemoDirt(SeededRandom &random)
        : m_random(random)
    {}

    void beginSlot(std::int64_t slot) { m_slot = slot; }
    std::int64_t slot() const { return m_slot; }
    // Draws the dirt's random chance (always, so the random stream does not depend on the
    // showcase). On a showcase slot only that slot's kind hits, on its first row (first).
    bool hit(DemoDirtKind kind, bool first = true);
    static int rate(DemoDirtKind kind);
    static std::int64_t showcaseSlot(DemoDirtKind kind) { return 2 + static_cast<int>(kind); }
    bool isShowcaseSlot() const { return m_slot < showcaseSlot(DemoDirtKind::Count); }

private:
    SeededRandom &m_random;
    std::int64_t m_slot = 0;
};

} // namespace cutover

#include "demo/DemoVisitRows.h"

#include "demo/DemoFormat.h"
#include "demo/DemoNames.h"

namespace cutover {

namespace {

using Kind = DemoDirtKind;
using Money = DemoFormat::MoneyStyle;

std::int64_t day(int year, int month, int dayOfMonth)
{
    return DemoCalendar::daysFromCivil(year, month, dayOfMonth);
}

std::int64_t secondsOfDay(const DemoDateTime &t)
{
    return t.hour * 3600 + t.minute * 60 + t.second;
}

DemoDateTime plusMinutes(const DemoDateTime &t, std::int64_t minutes)
{
    return DemoCalendar::at(DemoCalendar::dayNumber(t), secondsOfDay(t) + minutes * 60);
}

constexpr int kTemperature = 3; // index of TEMP in DemoNames::observationKinds()

} // namespace

DemoVisitRows::DemoVisitRows(SeededRandom &random, DemoDirt &dirt, std::int64_t practitioners)
    : m_random(random)
    , m_dirt(dirt)
    , m_practitioners(practitioners)
{}

Result<void> DemoVisitRows::prepare(DemoDatabase &db)
{
    auto encounter = db.prepare("INSERT INTO ENCOUNTERS VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!encounter)
        return encounter.error();
    auto observation = db.prepare("INSERT INTO obs VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!observation)
        return observation.error();
    auto invoice = db.prepare("INSERT INTO tblInvoice VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!invoice)
        return invoice.error();
    m_encounter = std::move(*encounter);
    m_observation = std::move(*observation);
    m_invoice = std::move(*invoice);
    return {};
}

Result<void> DemoVisitRows::writeFor(std::int64_t patientId, std::string_view site)
{
    m_firstObservation = true;
    m_firstInvoice = true;
    const auto encounters = 1 + m_random.below(5);
    for (std::uint64_t i = 0; i < encounters; ++i)
        if (auto done = writeEncounter(patientId, site, i == 0); !done)
            return done;
    return {};
}

DemoDateTime DemoVisitRows::visitTime(bool first)
{
    // Appointments every five minutes from 07:00 to 19:55, local time in Berlin.
    const std::int64_t visitDay = m_random.between(day(2015, 1, 1), day(2023, 12, 31));
    DemoDateTime t = DemoCalendar::at(visitDay, (7 * 60 + 5 * m_random.between(0, 155)) * 60);
    const bool gap = m_dirt.hit(Kind::VisitDstGap, first);
    const bool overlap = m_dirt.hit(Kind::VisitDstOverlap, first);
    if (gap || overlap) {
        // The last Sunday of March (02:00-03:00 does not exist) or of October (it happens twice).
        t.month = gap ? 3 : 10;
        t.day = DemoCalendar::lastSunday(t.year, t.month);
        t.hour = 2;
    }
    return t;
}

std::string_view DemoVisitRows::encounterStatus(bool first)
{
    const auto r = m_random.below(1000);
    if (m_dirt.hit(Kind::EncounterRetired, first))
        return r < 800 ? "NS" : "ZZ";
    if (m_dirt.hit(Kind::EncounterMessy, first)) {
        static constexpr std::string_view kMessy[] = {" fin", "fin", "Fin ", "cxl", "FIN "};
        return kMessy[r % 5];
    }
    return r < 60 ? "PL" : r < 90 ? "AR" : r < 110 ? "IP" : r < 170 ? "CXL" : "FIN";
}

Result<void> DemoVisitRows::writeEncounter(std::int64_t patientId, std::string_view site,
                                           bool first)
{
    const std::int64_t id = ++m_counts.encounters;
    const bool unknownDoctor = m_dirt.hit(Kind::DoctorUnknown, first);
    const std::int64_t doctor = m_random.between(1, m_practitioners);
    m_visit = visitTime(first);
    const bool visitNull = m_dirt.hit(Kind::VisitNull, first);
    m_text.clear();
    DemoFormat::appendTimestamp(m_text, m_visit);
    const std::string_view status = encounterStatus(first);
    const bool hasReason = m_random.chance(8000);
    const std::string_view reason = m_random.pick(DemoNames::visitReasons());
    m_encounter->integer(id).integer(patientId).integer(unknownDoctor ? 0 : doctor);
    m_encounter->optionalText(!visitNull, m_text).text(status).optionalText(hasReason, reason);
    const auto copay = m_random.below(100);
    const std::int64_t cents = m_random.between(50, 5000);
    if (m_dirt.hit(Kind::CopayNull, first))
        m_encounter->null();
    else if (m_dirt.hit(Kind::CopayNegative, first))
        m_encounter->real(-10.0);
    else // cents * 0.01 keeps the binary-fraction noise (12.300000000000001) real data has.
        m_encounter->real(copay < 40 ? 10.0 : copay < 70 ? 0.0 : static_cast<double>(cents) * 0.01);
    m_other.clear();
    DemoFormat::appendTimestamp(
        m_other, DemoCalendar::at(DemoCalendar::dayNumber(m_visit) + m_random.between(0, 14),
                                  secondsOfDay(m_visit)));
    if (auto done = m_encounter->text(site).text(m_other).run(); !done)
        return done;
    const auto observations = 1 + m_random.below(7);
    for (std::uint64_t i = 0; i < observations; ++i)
        if (auto done = writeObservation(id, site); !done)
            return done;
    const int invoices = invoiceCount();
    for (int i = 0; i < invoices; ++i)
        if (auto done = writeInvoice(id, site); !done)
            return done;
    return {};
}

void DemoVisitRows::appendObservationValue(std::string &out, int kindIndex, bool first)
{
    const DemoObservationKind &kind = DemoNames::observationKinds()[kindIndex];
    const std::int64_t tenths = m_random.between(kind.minimum, kind.maximum);
    const bool comma = m_dirt.hit(Kind::ObservationComma, first);
    if (m_dirt.hit(Kind::ObservationNotAvailable, first)) {
        out += "n/a";
        return;
    }
    DemoFormat::appendInt(out, tenths / 10);
    if (kind.decimal) {
        out += comma ? ',' : '.';
        DemoFormat::appendInt(out, tenths % 10);
    }
}

Result<void> DemoVisitRows::writeObservation(std::int64_t encounterId, std::string_view site)
{
    const bool first = m_firstObservation;
    m_firstObservation = false;
    const std::int64_t id = ++m_counts.observations;
    int kindIndex = static_cast<int>(m_random.below(DemoNames::observationKinds().size()));
    if (first && m_dirt.slot() == DemoDirt::showcaseSlot(Kind::ObservationComma))
        kindIndex = kTemperature; // a kind with decimals, so the comma shows
    m_text.clear();
    appendObservationValue(m_text, kindIndex, first);
    m_other.clear();
    DemoFormat::appendTimestamp(m_other, plusMinutes(m_visit, m_random.between(0, 45)));
    const DemoObservationKind &kind = DemoNames::observationKinds()[kindIndex];
    m_observation->integer(id).integer(encounterId).text(kind.code).text(m_text);
    return m_observation->text(kind.unit).text(m_other).text(site).run();
}

int DemoVisitRows::invoiceCount()
{
    const auto r = m_random.below(10000);
    if (m_dirt.isShowcaseSlot())
        return 1;
    return r < 500 ? 0 : r < 9700 ? 1 : 2;
}

void DemoVisitRows::appendInvoiceTotal(std::string &out, bool first)
{
    const bool large = m_random.chance(500) ||
                       (first && m_dirt.slot() == DemoDirt::showcaseSlot(Kind::InvoiceGerman));
    std::int64_t cents = large ? m_random.between(100000, 500000) : m_random.between(1500, 45000);
    Money style = Money::Plain;
    if (m_dirt.hit(Kind::InvoiceGerman, first))
        style = Money::GermanGrouped;
    else if (m_dirt.hit(Kind::InvoiceEuroSign, first))
        style = Money::EuroSignPrefix;
    else if (m_dirt.hit(Kind::InvoiceCurrencyCode, first))
        style = Money::CurrencyCodePrefix;
    else if (m_dirt.hit(Kind::InvoiceEuroSuffix, first))
        style = Money::EuroSignSuffix;
    if (m_dirt.hit(Kind::InvoiceBlank, first))
        return;
    if (m_dirt.hit(Kind::InvoiceNegative, first))
        cents = -2500;
    DemoFormat::appendMoney(out, cents, style);
}

Result<void> DemoVisitRows::writeInvoice(std::int64_t encounterId, std::string_view site)
{
    const bool first = m_firstInvoice;
    m_firstInvoice = false;
    const std::int64_t id = ++m_counts.invoices;
    m_text.clear();
    appendInvoiceTotal(m_text, first);
    m_other.clear();
    const DemoDateTime issued =
        DemoCalendar::civilFromDays(DemoCalendar::dayNumber(m_visit) + m_random.between(0, 30));
    DemoFormat::appendDate(m_other, issued,
                           m_random.chance(7000) ? DemoFormat::DateStyle::German
                                                 : DemoFormat::DateStyle::Iso);
    const auto r = m_random.below(100);
    const std::string_view paid = r < 70 ? "Y" : r < 92 ? "N" : r < 97 ? "V" : "";
    const bool currencyMissing = m_dirt.hit(Kind::CurrencyMissing, first);
    const std::string_view currency = currencyMissing ? "" : r % 50 == 0 ? "eur" : "EUR";
    m_invoice->integer(id + 100000).integer(encounterId).text(m_text);
    m_invoice->optionalText(!currencyMissing || r % 2 == 0, currency).text(m_other);
    return m_invoice->optionalText(!paid.empty(), paid).text(site).run();
}

} // namespace cutover

#include "demo/DemoPatientRows.h"

#include "demo/DemoCalendar.h"
#include "demo/DemoFormat.h"

namespace cutover {

namespace {

using Kind = DemoDirtKind;
using Style = DemoFormat::DateStyle;

std::int64_t day(int year, int month, int dayOfMonth)
{
    return DemoCalendar::daysFromCivil(year, month, dayOfMonth);
}

} // namespace

DemoPatientRows::DemoPatientRows(SeededRandom &random, DemoDirt &dirt)
    : m_random(random)
    , m_dirt(dirt)
{}

Result<void> DemoPatientRows::prepare(DemoDatabase &db)
{
    auto practitioner = db.prepare("INSERT INTO Practitioners VALUES (?, ?, ?, ?, ?, ?)");
    if (!practitioner)
        return practitioner.error();
    auto patient = db.prepare("INSERT INTO PATIENTS VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!patient)
        return patient.error();
    m_practitioner = std::move(*practitioner);
    m_patient = std::move(*patient);
    return {};
}

void DemoPatientRows::pickName(DemoName &first, DemoName &last, bool international)
{
    first = m_random.pick(DemoNames::firstNames());
    last = m_random.pick(DemoNames::lastNames());
    if (international) {
        const DemoName &otherFirst = m_random.pick(DemoNames::internationalFirstNames());
        last = m_random.pick(DemoNames::internationalLastNames());
        if (m_random.chance(5000))
            first = otherFirst;
    }
}

Result<void> DemoPatientRows::writePractitioner(std::int64_t id)
{
    DemoName first, last;
    pickName(first, last, m_random.chance(1000));
    m_name.clear();
    if (m_random.chance(6000))
        m_name += "Dr. ";
    m_name.append(first.display).append(" ").append(last.display);
    if (m_random.chance(500))
        m_name += "  ";
    m_date.clear();
    const DemoDateTime hired =
        DemoCalendar::civilFromDays(m_random.between(day(1985, 1, 1), day(2023, 12, 31)));
    DemoFormat::appendDate(m_date, hired, m_random.chance(6000) ? Style::German : Style::Iso);
    std::string license = "LANR";
    DemoFormat::appendInt(license, 100000000 + id * 37);
    static constexpr std::string_view kActive[] = {"Y", "Y", "Y",   "Y", "Y", "Y",
                                                   "Y", "N", "yes", "1", "0"};
    const bool activeKnown = m_random.chance(9500);
    m_practitioner->integer(id).text(m_name).text(m_random.pick(DemoNames::specialtyCodes()));
    m_practitioner->text(license).optionalText(activeKnown, m_random.pick(std::span(kActive)));
    return m_practitioner->text(m_date).run();
}

bool DemoPatientRows::makePatientName(const DemoName &first, const DemoName &last)
{
    m_name.clear();
    m_name.append(first.display).append(" ").append(last.display);
    if (m_dirt.hit(Kind::NameNull))
        return false;
    if (m_dirt.hit(Kind::NameUpper))
        DemoFormat::toAsciiUpper(m_name);
    else if (m_dirt.hit(Kind::NameLower))
        DemoFormat::toAsciiLower(m_name);
    if (m_dirt.hit(Kind::NameWhitespace)) {
        switch (m_random.below(3)) {
        case 0:
            m_name.insert(0, "  ");
            break;
        case 1:
            m_name += "   ";
            break;
        default:
            m_name.insert(first.display.size(), "  ");
            break;
        }
    }
    return true;
}

bool DemoPatientRows::makeBirthDate()
{
    m_date.clear();
    const DemoDateTime dob =
        DemoCalendar::civilFromDays(m_random.between(day(1925, 1, 1), day(2022, 12, 31)));
    if (m_dirt.hit(Kind::DobNull))
        return false;
    if (m_dirt.hit(Kind::DobPlaceholder))
        m_date = "01.01.1900";
    else if (m_dirt.hit(Kind::DobGerman))
        DemoFormat::appendDate(m_date, dob, Style::German);
    else if (m_dirt.hit(Kind::DobAmerican))
        DemoFormat::appendDate(m_date, dob, Style::American);
    else if (m_dirt.hit(Kind::DobMonthName))
        DemoFormat::appendDate(m_date, dob, Style::DayMonthName);
    else
        DemoFormat::appendDate(m_date, dob, Style::Iso);
    return true;
}

bool DemoPatientRows::makeEmail(std::int64_t id, const DemoName &first, const DemoName &last)
{
    m_email.clear();
    const std::string_view domain = m_random.pick(DemoNames::emailDomains());
    m_email.append(first.ascii).append(".").append(last.ascii);
    DemoFormat::appendInt(m_email, id);
    m_email.append("@").append(domain);
    if (m_dirt.hit(Kind::EmailMissing)) {
        const bool blank = m_random.chance(5000);
        m_email.clear();
        return blank;
    }
    if (m_dirt.hit(Kind::EmailDuplicate) && !m_lastEmail.empty()) {
        m_email = m_lastEmail;
    } else if (m_dirt.hit(Kind::EmailInvalid)) {
        static constexpr std::string_view kInvalid[] = {"n/a", "keine", "-", "@"};
        const auto at = m_email.find('@');
        switch (m_random.below(3)) {
        case 0:
            m_email = m_random.pick(std::span(kInvalid));
            break;
        case 1:
            m_email.replace(at, 1, "(at)");
            break;
        default:
            m_email.resize(at + 1);
            break;
        }
        return true;
    } else if (m_dirt.hit(Kind::EmailMessy)) {
        const auto at = m_email.find('@');
        std::string domainPart = m_email.substr(at);
        DemoFormat::toAsciiUpper(domainPart);
        m_email.replace(at, std::string::npos, domainPart);
        m_email[0] = static_cast<char>(m_email[0] - 'a' + 'A');
        m_email.insert(0, " ");
    }
    m_lastEmail = m_email;
    return true;
}

void DemoPatientRows::makeInsuranceNumber()
{
    m_insurance.clear();
    m_insurance += static_cast<char>('A' + m_random.below(26));
    DemoFormat::appendInt(m_insurance, m_random.between(0, 999999999), 9);
    if (m_random.chance(500)) {
        m_insurance.insert(7, " ");
        m_insurance.insert(4, " ");
        m_insurance.insert(1, " ");
    } else if (m_random.chance(300)) {
        DemoFormat::toAsciiLower(m_insurance);
    }
}

void DemoPatientRows::makePhone()
{
    m_phone.clear();
    const std::int64_t number = m_random.between(1000000, 9999999);
    switch (m_random.below(3)) {
    case 0:
        m_phone = "+49 30 ";
        break;
    case 1:
        m_phone = "040/";
        break;
    default:
        m_phone = "(089) ";
        break;
    }
    DemoFormat::appendInt(m_phone, number);
}

void DemoPatientRows::makeCreated()
{
    m_created.clear();
    m_updated.clear();
    const std::int64_t createdDay = m_random.between(day(2005, 1, 1), day(2023, 12, 31));
    DemoDateTime created = DemoCalendar::at(createdDay, m_random.between(8 * 3600, 18 * 3600));
    const std::int64_t updatedDay =
        std::min(createdDay + m_random.between(0, 3000), day(2024, 6, 30));
    DemoFormat::appendTimestamp(
        m_updated, DemoCalendar::at(updatedDay, m_random.between(8 * 3600, 20 * 3600)));
    if (m_dirt.hit(Kind::CreatedZeroDate)) {
        m_created = "0000-00-00 00:00:00";
        return;
    }
    if (m_dirt.hit(Kind::CreatedDstGap)) {
        created.month = 3;
        created.day = DemoCalendar::lastSunday(created.year, 3);
        created.hour = 2;
    }
    DemoFormat::appendTimestamp(m_created, created);
}

std::string_view DemoPatientRows::sex()
{
    const auto r = m_random.below(100);
    if (r < 46)
        return "M";
    if (r < 86)
        return "F";
    static constexpr std::string_view kOdd[] = {"W", "W", "W", "W", "m", "m", "f",
                                                "f", "U", "U", "D", "X", ""};
    return r < 99 ? m_random.pick(std::span(kOdd)) : std::string_view();
}

std::string_view DemoPatientRows::patientStatus()
{
    const auto r = m_random.below(100);
    if (m_dirt.hit(Kind::PatientRetired))
        return "M";
    return r < 85 ? "A" : r < 95 ? "I" : "D";
}

Result<void> DemoPatientRows::writePatient(std::int64_t id, std::string_view site)
{
    DemoName first, last;
    pickName(first, last, m_dirt.hit(Kind::NameInternational));
    const bool hasName = makePatientName(first, last);
    const bool hasDob = makeBirthDate();
    const std::string_view sexCode = sex();
    const bool hasEmail = makeEmail(id, first, last);
    makePhone();
    makeInsuranceNumber();
    makeCreated();
    const bool hasPhone = m_random.chance(9000);
    const bool hasInsurance = m_random.chance(9000);
    m_patient->integer(id).optionalText(hasName, m_name).optionalText(hasDob, m_date);
    m_patient->optionalText(sexCode.data() != nullptr, sexCode).optionalText(hasEmail, m_email);
    m_patient->optionalText(hasPhone, m_phone).optionalText(hasInsurance, m_insurance);
    m_patient->text(site).text(patientStatus()).text(m_created).text(m_updated);
    return m_patient->run();
}

} // namespace cutover

#pragma once

#include "core/Result.h"
#include "core/SeededRandom.h"
#include "demo/DemoDatabase.h"
#include "demo/DemoDirt.h"
#include "demo/DemoNames.h"

#include <memory>
#include <string>
#include <string_view>

namespace cutover {

// Writes the people of the demo clinic, one row at a time: Practitioners and PATIENTS, with
// the patient-level dirt (names, birth dates, e-mails, creation times, retired status codes).
class DemoPatientRows
{
public:
    DemoPatientRows(SeededRandom &random, DemoDirt &dirt);

    Result<void> prepare(DemoDatabase &db);
    Result<void> writePractitioner(std::int64_t id);
    Result<void> writePatient(std::int64_t id, std::string_view site);

private:
    void pickName(DemoName &first, DemoName &last, bool international);
    bool makePatientName(const DemoName &first, const DemoName &last);
    bool makeBirthDate();
    bool makeEmail(std::int64_t id, const DemoName &first, const DemoName &last);
    void makeInsuranceNumber();
    void makePhone();
    void makeCreated();
    std::string_view sex();
    std::string_view patientStatus();

    SeededRandom &m_random;
    DemoDirt &m_dirt;
    std::unique_ptr<DemoStatement> m_practitioner;
    std::unique_ptr<DemoStatement> m_patient;
    std::string m_lastEmail; // the previous patient's address, for the duplicates
    std::string m_name;
    std::string m_date;
    std::string m_email;
    std::string m_insurance;
    std::string m_phone;
    std::string m_created;
    std::string m_updated;
};

} // namespace cutover

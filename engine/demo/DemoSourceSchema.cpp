#include "demo/DemoSourceSchema.h"

namespace cutover {

namespace {

constexpr const char *kSchema = R"sql(
CREATE TABLE STATUS_CODES (
    CODE        VARCHAR(4) NOT NULL,
    CATEGORY    VARCHAR(10),
    DESCRIPTION VARCHAR(40),
    RETIRED     CHAR(1) DEFAULT 'N',
    RETIRED_ON  VARCHAR(10)
);
CREATE TABLE Practitioners (
    DocID     INTEGER PRIMARY KEY,
    DocName   TEXT,
    Specialty TEXT,
    LicenseNo TEXT,
    Active    TEXT,
    HiredOn   TEXT
);
CREATE TABLE PATIENTS (
    PAT_ID    INTEGER PRIMARY KEY,
    PAT_NAME  VARCHAR(80),
    DOB       VARCHAR(20),
    SEX       CHAR(1),
    EMAIL     VARCHAR(120),
    PHONE     VARCHAR(30),
    INS_NO    VARCHAR(14),
    SITE_CODE CHAR(3),
    STATUS    VARCHAR(4),
    CREATED   VARCHAR(19),
    LAST_UPD  VARCHAR(19)
);
CREATE TABLE ENCOUNTERS (
    ENC_ID    INTEGER PRIMARY KEY,
    PAT_ID_FK INTEGER,
    DOC_ID_FK INTEGER,
    VISIT_TS  VARCHAR(19),
    STATUS    VARCHAR(4),
    REASON    TEXT,
    COPAY     REAL,
    SITE_CODE CHAR(3),
    LAST_UPD  VARCHAR(19)
);
CREATE TABLE obs (
    obs_id    INTEGER PRIMARY KEY,
    enc_id    INT,
    obs_code  VARCHAR(8),
    obs_value VARCHAR(20),
    unit      VARCHAR(10),
    taken_at  VARCHAR(19),
    site_code CHAR(3)
);
CREATE TABLE tblInvoice (
    InvoiceNo    INTEGER PRIMARY KEY,
    EncounterRef INTEGER,
    Total        VARCHAR(20),
    Currency     VARCHAR(3),
    InvDate      VARCHAR(10),
    PaidFlag     CHAR(1),
    SITE_CODE    CHAR(3)
);
)sql";

struct StatusCode
{
    const char *code;
    const char *category;
    const char *description;
    const char *retiredOn; // nullptr while in use
};

constexpr StatusCode kStatusCodes[] = {
    {"A", "PATIENT", "Active", nullptr},
    {"I", "PATIENT", "Inactive", nullptr},
    {"D", "PATIENT", "Deceased", nullptr},
    {"M", "PATIENT", "Merged into another record", "2012-06-30"},
    {"PL", "VISIT", "Planned", nullptr},
    {"AR", "VISIT", "Arrived", nullptr},
    {"IP", "VISIT", "In progress", nullptr},
    {"FIN", "VISIT", "Finished", nullptr},
    {"CXL", "VISIT", "Cancelled", nullptr},
    {"NS", "VISIT", "No show (billed)", "2016-12-31"},
    {"ZZ", "VISIT", "Converted from DOS system", "2009-01-01"},
};

} // namespace

Result<void> DemoSourceSchema::create(DemoDatabase &db)
{
    return db.exec(kSchema);
}

Result<int> DemoSourceSchema::writeStatusCodes(DemoDatabase &db)
{
    auto insert = db.prepare("INSERT INTO STATUS_CODES VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const StatusCode &s : kStatusCodes) {
        (*insert)->text(s.code).text(s.category).text(s.description);
        (*insert)
            ->text(s.retiredOn ? "Y" : "N")
            .optionalText(s.retiredOn, s.retiredOn ? s.retiredOn : "");
        if (auto done = (*insert)->run(); !done)
            return done.error();
    }
    return static_cast<int>(std::size(kStatusCodes));
}

} // namespace cutover

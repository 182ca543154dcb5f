#include "demo/DemoTargetSchema.h"

#include "demo/DemoDatabase.h"

namespace cutover {

namespace {

// SQLite has no date types: timestamps are TEXT checked for the shape of 2021-03-28T01:30:00Z
// (optionally with fractions), dates for 2021-03-28. Money is integer cents.
constexpr const char *kSchema = R"sql(
CREATE TABLE practitioner (
    id             TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36),
    legacy_id      INTEGER NOT NULL UNIQUE,
    full_name      TEXT NOT NULL CHECK (length(full_name) > 0),
    specialty      TEXT NOT NULL CHECK (specialty IN ('general-practice', 'cardiology',
                       'dermatology', 'pediatrics', 'orthopedics')),
    license_number TEXT NOT NULL UNIQUE,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    hired_on       TEXT
                       CHECK (hired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE TABLE patient (
    id               TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36),
    legacy_id        INTEGER NOT NULL UNIQUE,
    full_name        TEXT NOT NULL CHECK (length(full_name) > 0),
    birth_date       TEXT NOT NULL
                         CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex              TEXT NOT NULL DEFAULT 'unknown'
                         CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    email            TEXT UNIQUE CHECK (email IS NULL OR email LIKE '_%@_%._%'),
    phone            TEXT,
    insurance_number TEXT CHECK (insurance_number IS NULL OR length(insurance_number) = 10),
    site             TEXT NOT NULL CHECK (site IN ('BER', 'HAM', 'MUC')),
    status           TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'deceased')),
    created_at       TEXT NOT NULL
                         CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
    updated_at       TEXT NOT NULL
                         CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
);
CREATE TABLE encounter (
    id              TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36),
    legacy_id       INTEGER NOT NULL UNIQUE,
    patient_id      TEXT NOT NULL REFERENCES patient (id),
    practitioner_id TEXT REFERENCES practitioner (id),
    started_at      TEXT NOT NULL
                        CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
    status          TEXT NOT NULL CHECK (status IN ('planned', 'arrived', 'in-progress',
                        'finished', 'cancelled')),
    reason          TEXT,
    copay_cents     INTEGER NOT NULL DEFAULT 0 CHECK (copay_cents >= 0),
    site            TEXT NOT NULL CHECK (site IN ('BER', 'HAM', 'MUC')),
    updated_at      TEXT NOT NULL
                        CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
);
CREATE INDEX encounter_patient ON encounter (patient_id);
CREATE INDEX encounter_practitioner ON encounter (practitioner_id);
CREATE TABLE observation (
    id           TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36),
    legacy_id    INTEGER NOT NULL UNIQUE,
    encounter_id TEXT NOT NULL REFERENCES encounter (id),
    code         TEXT NOT NULL CHECK (code IN ('bp-systolic', 'bp-diastolic', 'heart-rate',
                     'body-temperature', 'body-weight', 'body-height', 'glucose')),
    value        TEXT,
    unit         TEXT NOT NULL,
    observed_at  TEXT NOT NULL
                     CHECK (observed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
);
CREATE INDEX observation_encounter ON observation (encounter_id);
CREATE TABLE invoice (
    id            TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 36),
    legacy_number INTEGER NOT NULL UNIQUE,
    encounter_id  TEXT NOT NULL REFERENCES encounter (id),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
    currency      TEXT NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
    issued_on     TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status        TEXT NOT NULL CHECK (status IN ('open', 'paid', 'void'))
);
CREATE INDEX invoice_encounter ON invoice (encounter_id);
)sql";

} // namespace

QStringList DemoTargetSchema::tables()
{
    return {QStringLiteral("practitioner"), QStringLiteral("patient"), QStringLiteral("encounter"),
            QStringLiteral("observation"), QStringLiteral("invoice")};
}

Result<QList<DemoTableCount>> DemoTargetSchema::write(const QString &path)
{
    DemoDatabase db;
    Result<void> step = db.open(path);
    if (step)
        step = db.exec(kSchema);
    if (step)
        step = db.close();
    if (!step)
        return step.error();
    QList<DemoTableCount> counts;
    for (const QString &table : tables())
        counts.append({table, 0});
    return counts;
}

} // namespace cutover

#include "demo/DemoProjectBuilder.h"

#include "demo/DemoRunbook.h"

namespace cutover {

namespace {

using Strategy = TableMapping::KeyStrategy;

ColumnMapping column(const char *target, const char *expression, const char *note = nullptr)
{
    ColumnMapping c;
    c.target = QString::fromUtf8(target);
    c.expression = QString::fromUtf8(expression);
    if (note)
        c.note = QString::fromUtf8(note);
    return c;
}

ColumnMapping withDefault(ColumnMapping c, const char *value)
{
    c.defaultValue = QString::fromUtf8(value);
    c.hasDefault = true;
    return c;
}

ColumnMapping sensitive(ColumnMapping c)
{
    c.sensitive = true;
    return c;
}

TableMapping table(const char *target, const char *source, const char *key, const char *note)
{
    TableMapping m;
    m.target = QString::fromUtf8(target);
    m.source = QString::fromUtf8(source);
    m.sourceKey = QString::fromUtf8(key);
    m.keyStrategy = Strategy::RemapUuid;
    m.keyNamespace = m.target;
    m.mode = TableMapping::Mode::Upsert;
    m.note = QString::fromUtf8(note);
    return m;
}

LookupMap lookup(const char *name,
                 std::initializer_list<std::pair<const char *, const char *>> entries,
                 const char *defaultValue = nullptr)
{
    LookupMap l;
    l.name = QString::fromUtf8(name);
    for (const auto &[from, to] : entries)
        l.entries.insert(QString::fromUtf8(from), QString::fromUtf8(to));
    if (defaultValue) {
        l.defaultValue = QString::fromUtf8(defaultValue);
        l.hasDefault = true;
    }
    return l;
}

Rule rule(const char *name, const char *tableName, const char *columnName, Rule::Kind kind,
          Rule::Severity severity, const char *message)
{
    Rule r;
    r.name = QString::fromUtf8(name);
    r.table = QString::fromUtf8(tableName);
    r.column = QString::fromUtf8(columnName);
    r.kind = kind;
    r.severity = severity;
    r.message = QString::fromUtf8(message);
    return r;
}

} // namespace

Project DemoProjectBuilder::build(qint64 patients, quint64 seed)
{
    Project p;
    p.name = QStringLiteral("Clinic demo");
    p.description =
        QStringLiteral(
            "A legacy clinic system (%1 patients, seed %2, written by 'cutover-cli demo') "
            "moved onto the modern patient record schema in two waves.")
            .arg(patients)
            .arg(seed);
    p.connections = {
        {QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite"),
         QStringLiteral(
             "The old clinic database (Access front end, later MySQL), as a SQLite copy.")},
        {QStringLiteral("modern"), QStringLiteral("sqlite:modern.sqlite"),
         QStringLiteral("The new patient record schema, empty.")},
    };
    p.sourceConnection = QStringLiteral("legacy");
    p.targetConnection = QStringLiteral("modern");
    p.mappings = {practitionerMapping(), patientMapping(), encounterMapping(), observationMapping(),
                  invoiceMapping()};
    p.lookups = lookups();
    p.rules = rules();
    p.phases = phases();
    p.settings.batchSize = 1000;
    p.settings.parallelTables = 2;
    p.settings.maxErrorRate = 0.1;
    p.settings.maxQuarantined = -1;
    p.settings.sampleRows = 500;
    p.runbook = DemoRunbook::plan();
    return p;
}

TableMapping DemoProjectBuilder::practitionerMapping()
{
    TableMapping m =
        table("practitioner", "Practitioners", "DocID", "Reference data, loaded before the waves.");
    m.columns = {
        column("id", "uuid5('practitioner', DocID)"),
        column("legacy_id", "DocID"),
        column("full_name", "title_case(normalize_space(DocName))"),
        column("specialty", "lookup('specialty', upper(trim(Specialty)))"),
        column("license_number", "upper(trim(LicenseNo))"),
        withDefault(column("active", "to_bool(Active)",
                           "Y, N, yes, 1, 0 and NULL in the old data; unknown counts as inactive."),
                    "0"),
        column("hired_on", "date(parse_datetime(HiredOn, 'dd.MM.yyyy', 'yyyy-MM-dd'))"),
    };
    return m;
}

TableMapping DemoProjectBuilder::patientMapping()
{
    TableMapping m = table("patient", "PATIENTS", "PAT_ID",
                           "Ids become UUIDs; the legacy id is kept for support calls.");
    m.watermark = QStringLiteral("LAST_UPD");
    m.columns = {
        column("id", "uuid5('patient', PAT_ID)"),
        column("legacy_id", "PAT_ID"),
        column("full_name", "title_case(normalize_space(PAT_NAME))"),
        column("birth_date",
               "date(parse_datetime(DOB, 'yyyy-MM-dd', 'dd.MM.yyyy', 'MM/dd/yyyy', 'd MMM yyyy'))",
               "Four date formats were typed into DOB over the years."),
        withDefault(column("sex", "lookup('gender', upper(trim(SEX)))"), "'unknown'"),
        sensitive(column("email", "lower(trim(null_if_blank(EMAIL)))")),
        sensitive(column("phone", "null_if_blank(normalize_space(PHONE))")),
        sensitive(column("insurance_number", "upper(replace(null_if_blank(INS_NO), ' ', ''))")),
        column("site", "upper(trim(SITE_CODE))"),
        column("status", "lookup('patient_status', upper(trim(STATUS)))",
               "M (merged) is retired and deliberately unmapped: merged records go to quarantine."),
        column("created_at", "to_utc(CREATED, 'Europe/Berlin', 'earlier')"),
        column("updated_at", "to_utc(LAST_UPD, 'Europe/Berlin', 'earlier')"),
    };
    return m;
}

TableMapping DemoProjectBuilder::encounterMapping()
{
    TableMapping m = table("encounter", "ENCOUNTERS", "ENC_ID",
                           "Visits. Patients deleted in the old system left their visits behind.");
    m.watermark = QStringLiteral("LAST_UPD");
    m.columns = {
        column("id", "uuid5('encounter', ENC_ID)"),
        column("legacy_id", "ENC_ID"),
        column("patient_id", "uuid5('patient', PAT_ID_FK)"),
        column("practitioner_id",
               "CASE WHEN DOC_ID_FK > 0 THEN uuid5('practitioner', DOC_ID_FK) END",
               "0 meant 'no doctor recorded'."),
        column("started_at", "to_utc(VISIT_TS, 'Europe/Berlin', 'error')",
               "Local Berlin time. Visits inside a DST gap or overlap are quarantined until the "
               "clinic says which instant was meant."),
        column("status", "lookup('status_codes', upper(trim(STATUS)))",
               "NS and ZZ are retired and deliberately unmapped."),
        column("reason", "null_if_blank(normalize_space(REASON))"),
        withDefault(
            column("copay_cents", "to_int(replace(to_decimal(COPAY, 2), '.', ''))",
                   "COPAY is REAL euros (12.300000000000001); exact cents via decimal text."),
            "0"),
        column("site", "upper(trim(SITE_CODE))"),
        column("updated_at", "to_utc(LAST_UPD, 'Europe/Berlin', 'earlier')"),
    };
    return m;
}

TableMapping DemoProjectBuilder::observationMapping()
{
    TableMapping m = table("observation", "obs", "obs_id", "Vital signs taken during a visit.");
    m.columns = {
        column("id", "uuid5('observation', obs_id)"),
        column("legacy_id", "obs_id"),
        column("encounter_id", "uuid5('encounter', enc_id)"),
        column("code", "lookup('observation_code', upper(trim(obs_code)))"),
        column("value",
               "to_decimal(null_if_blank(replace(replace(obs_value, 'n/a', ''), ',', '.')), 1)",
               "Decimal commas (36,8) and n/a in the old data."),
        column("unit", "trim(unit)"),
        column("observed_at", "to_utc(taken_at, 'Europe/Berlin', 'earlier')"),
    };
    return m;
}

TableMapping DemoProjectBuilder::invoiceMapping()
{
    TableMapping m = table("invoice", "tblInvoice", "InvoiceNo",
                           "Totals were typed as text: 1.234,50 / € 12.00 / EUR 12.00 / 12,00 €.");
    m.columns = {
        column("id", "uuid5('invoice', InvoiceNo)"),
        column("legacy_number", "InvoiceNo"),
        column("encounter_id", "uuid5('encounter', EncounterRef)"),
        column("amount_cents",
               "to_int(replace(to_decimal(trim(replace(replace(Total, '€', ''), 'EUR', '')), 2), "
               "'.', ''))"),
        column("currency", "coalesce(upper(null_if_blank(Currency)), 'EUR')"),
        column("issued_on", "date(parse_datetime(InvDate, 'dd.MM.yyyy', 'yyyy-MM-dd'))"),
        column(
            "status",
            "CASE upper(trim(PaidFlag)) WHEN 'Y' THEN 'paid' WHEN 'V' THEN 'void' ELSE 'open' END"),
    };
    return m;
}

QList<LookupMap> DemoProjectBuilder::lookups()
{
    return {
        lookup("status_codes", {{"PL", "planned"},
                                {"AR", "arrived"},
                                {"IP", "in-progress"},
                                {"FIN", "finished"},
                                {"CXL", "cancelled"}}),
        lookup("patient_status", {{"A", "active"}, {"I", "inactive"}, {"D", "deceased"}}),
        lookup("gender",
               {{"M", "male"},
                {"F", "female"},
                {"W", "female"},
                {"D", "other"},
                {"X", "other"},
                {"U", "unknown"}},
               "unknown"),
        lookup("specialty", {{"GP", "general-practice"},
                             {"CARD", "cardiology"},
                             {"DERM", "dermatology"},
                             {"PED", "pediatrics"},
                             {"ORTH", "orthopedics"}}),
        lookup("observation_code", {{"BPS", "bp-systolic"},
                                    {"BPD", "bp-diastolic"},
                                    {"HR", "heart-rate"},
                                    {"TEMP", "body-temperature"},
                                    {"WT", "body-weight"},
                                    {"HT", "body-height"},
                                    {"GLU", "glucose"}}),
    };
}

QList<Rule> DemoProjectBuilder::rules()
{
    using K = Rule::Kind;
    const auto blocking = Rule::Severity::Blocking;
    const auto warning = Rule::Severity::Warning;
    Rule email = rule("patient-email-format", "patient", "email", K::Pattern, blocking,
                      "Not an e-mail address (n/a, (at), cut off): correct it or clear it in the "
                      "legacy system.");
    email.pattern = QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$");
    Rule plausible = rule("patient-birth-date-plausible", "patient", "", K::Expression, blocking,
                          "01.01.1900 was the old front end's 'unknown': ask the clinic for the "
                          "real date of birth.");
    plausible.expression = QStringLiteral("birth_date > '1900-01-01'");
    Rule sex = rule("patient-sex-allowed", "patient", "sex", K::AllowedValues, blocking,
                    "Sex outside the new enumeration.");
    sex.allowed = {QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("other"),
                   QStringLiteral("unknown")};
    Rule amount = rule("invoice-amount-range", "invoice", "amount_cents", K::Range, blocking,
                       "Negative or implausible invoice total: credit notes belong in the new "
                       "credit-note table.");
    amount.minimum = QStringLiteral("0");
    amount.maximum = QStringLiteral("10000000");
    Rule copay = rule("encounter-copay-range", "encounter", "copay_cents", K::Range, blocking,
                      "Negative co-payment.");
    copay.minimum = QStringLiteral("0");
    copay.maximum = QStringLiteral("100000");
    Rule patientRef =
        rule("encounter-patient-exists", "encounter", "patient_id", K::ReferenceExists, blocking,
             "Visit of a patient deleted in the old system (orphan).");
    patientRef.reference = QStringLiteral("patient.id");
    Rule encounterRef = rule("observation-encounter-exists", "observation", "encounter_id",
                             K::ReferenceExists, blocking, "Observation of a missing visit.");
    encounterRef.reference = QStringLiteral("encounter.id");
    Rule invoiceRef = rule("invoice-encounter-exists", "invoice", "encounter_id",
                           K::ReferenceExists, blocking, "Invoice of a missing visit.");
    invoiceRef.reference = QStringLiteral("encounter.id");
    return {
        rule("patient-name-required", "patient", "full_name", K::NotNull, blocking,
             "Patient without a name."),
        rule("patient-birth-date-required", "patient", "birth_date", K::NotNull, blocking,
             "Missing or unreadable date of birth."),
        plausible,
        sex,
        rule("patient-email-unique", "patient", "email", K::Unique, blocking,
             "Two patients share this address (often a family): the new portal needs one "
             "login each, so the second record waits for the data steward."),
        email,
        rule("encounter-started-required", "encounter", "started_at", K::NotNull, blocking,
             "Visit without a time, or a local time inside a DST change."),
        rule("encounter-practitioner-known", "encounter", "practitioner_id", K::NotNull, warning,
             "Visit without a recorded doctor."),
        patientRef,
        copay,
        encounterRef,
        invoiceRef,
        amount,
    };
}

QList<Phase> DemoProjectBuilder::phases()
{
    const QStringList clinical = {QStringLiteral("patient"), QStringLiteral("encounter"),
                                  QStringLiteral("observation"), QStringLiteral("invoice")};
    return {
        {QStringLiteral("reference-data"),
         QStringLiteral("Practitioners, needed by every site."),
         {QStringLiteral("practitioner")},
         {}},
        {QStringLiteral("wave-1"), QStringLiteral("The Berlin site (BER) goes first."), clinical,
         QStringLiteral("SITE_CODE = 'BER'")},
        {QStringLiteral("wave-2"),
         QStringLiteral("Hamburg and Munich, after wave 1 is signed off."), clinical,
         QStringLiteral("SITE_CODE <> 'BER'")},
    };
}

} // namespace cutover

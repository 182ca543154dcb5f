#include "ReportFixture.h"

namespace cutover::test {

TableReconciliation ReportFixture::failingTable()
{
    TableReconciliation t;
    t.table = QStringLiteral("patient");
    t.source = QStringLiteral("PATIENTS");
    t.key = {QStringLiteral("id")};
    t.method = QStringLiteral("exact merge");
    t.notes = {QStringLiteral("keys remapped through the key crosswalk")};
    t.sourceRows = 1012;
    t.skipped = 2;
    t.quarantined = 7;
    t.expectedRows = 1003;
    t.targetRows = 1001;
    t.matched = 995;
    t.missing = 3;
    t.extra = 1;
    t.modified = 5;
    t.duplicateKeys = 1;
    t.rowsTransferred = 1001;
    t.columns = {
        {QStringLiteral("id"), QStringLiteral("uuid"), QStringLiteral("exact"), 0, false},
        {QStringLiteral("name"), QStringLiteral("text"), QStringLiteral("ignoring trailing spaces"),
         4, false},
        {QStringLiteral("email"), QStringLiteral("text"), QStringLiteral("exact"), 1, true},
        {QStringLiteral("balance"), QStringLiteral("decimal(10,2)"), QStringLiteral("within 0.005"),
         0, false},
        {QStringLiteral("born"), QStringLiteral("date"), QStringLiteral("exact"), 0, false}};
    t.expectedProfiles = {
        {QStringLiteral("name"), 0, 990, QStringLiteral("Aaron"), QStringLiteral("Zoe"), false},
        {QStringLiteral("email"), 12, 980, QStringLiteral("a@example.org"),
         QStringLiteral("z@example.org"), false},
        {QStringLiteral("born"), 4, 870, QStringLiteral("1931-02-03"), QStringLiteral("2019-12-30"),
         true}};
    t.targetProfiles = {
        {QStringLiteral("name"), 0, 988, QStringLiteral("Aaron"), QStringLiteral("Zoe"), false},
        {QStringLiteral("email"), 13, 979, QStringLiteral("a@example.org"),
         QStringLiteral("z@example.org"), false},
        {QStringLiteral("born"), 4, 869, QStringLiteral("1931-02-03"), QStringLiteral("2019-12-30"),
         true}};
    t.expectedNulls = 16;
    t.targetNulls = 17;
    t.missingSamples = {{QStringLiteral("17"), QStringLiteral("P-17")},
                        {QStringLiteral("18"), QStringLiteral("P-18")},
                        {QStringLiteral("19"), QStringLiteral("P-19")}};
    t.extraSamples = {{QStringLiteral("9001"), QString()}};
    t.modifiedSamples = {
        {{QStringLiteral("42"), QStringLiteral("P-42")},
         {QStringLiteral("name"), QStringLiteral("email")},
         {QStringLiteral("Ada | Lovelace"), QStringLiteral("ada@example.org")},
         {QStringLiteral("<script>alert(1)</script>"), QStringLiteral("eve@example.org")}}};
    t.duplicates = {{QStringLiteral("id"), 1, {QStringLiteral("42")}}};
    t.orphans = {{QStringLiteral("practitioner_id"),
                  QStringLiteral("practitioner"),
                  QStringLiteral("id"),
                  2,
                  {QStringLiteral("77"), QStringLiteral("78")}}};
    t.ruleViolations = {{QStringLiteral("email_format"),
                         QStringLiteral("email"),
                         1,
                         {QStringLiteral("not-an-email")}}};
    SampleRow matched;
    matched.row = {QStringLiteral("5"), QStringLiteral("P-5")};
    matched.outcome = QStringLiteral("matched");
    matched.columns = {QStringLiteral("name"), QStringLiteral("email")};
    matched.expected = {QStringLiteral("Bob"), QStringLiteral("bob@example.org")};
    matched.actual = matched.expected;
    matched.equal = {true, true};
    SampleRow modified = matched;
    modified.row = {QStringLiteral("42"), QStringLiteral("P-42")};
    modified.outcome = QStringLiteral("modified");
    modified.expected = {QStringLiteral("Ada"), QStringLiteral("ada@example.org")};
    modified.actual = {QStringLiteral("Ada "), QStringLiteral("eve@example.org")};
    modified.equal = {true, false};
    t.sample = {matched, modified};
    t.ledger =
        LedgerCheck{QStringLiteral("5e6f7a8b-0000-4000-8000-000000000001"), 1012, 1003, 7, 2};
    t.status = ReconcileStatus::Fail;
    t.reasons = {QStringLiteral("3 rows missing (at most 0 allowed)"),
                 QStringLiteral("5 rows modified (at most 0 allowed)")};
    t.durationMs = 1234;
    return t;
}

TableReconciliation ReportFixture::passingTable()
{
    TableReconciliation t;
    t.table = QStringLiteral("practitioner");
    t.source = QStringLiteral("DOCTORS");
    t.key = {QStringLiteral("id")};
    t.method = QStringLiteral("segment checksums");
    t.sourceRows = 40;
    t.expectedRows = 40;
    t.targetRows = 40;
    t.matched = 40;
    t.rowsTransferred = 0;
    t.columns = {
        {QStringLiteral("id"), QStringLiteral("integer"), QStringLiteral("exact"), 0, false}};
    t.expectedProfiles = {{QStringLiteral("hired"), 0, 40, QStringLiteral("2001-01-01T08:00:00Z"),
                           QStringLiteral("2023-06-30T17:00:00Z"), true}};
    t.targetProfiles = t.expectedProfiles;
    t.status = ReconcileStatus::Pass;
    t.durationMs = 56;
    return t;
}

ReconcileReport ReportFixture::report()
{
    ReconcileReport r;
    r.reportId = QStringLiteral("1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d");
    r.project = QStringLiteral("demo <clinic>");
    r.runId = QStringLiteral("5e6f7a8b-0000-4000-8000-000000000001");
    r.createdAt = QDateTime(QDate(2024, 5, 17), QTime(9, 30, 15, 250), Qt::UTC);
    r.source = QStringLiteral("sqlite:legacy.db");
    r.target = QStringLiteral("postgresql://app@db:5432/clinic");
    r.masked = true;
    r.settings.sampleRows = 2;
    r.settings.seed = 9007199254740993ULL; // above 2^53: must survive as text
    r.settings.thresholds.maxDuplicates = 0;
    r.settings.thresholds.maxInvalid = 3;
    r.settings.thresholds.maxQuarantinedRate = 0.05;
    ColumnCompareOverride balance;
    balance.tolerance = 0.005;
    ColumnCompareOverride name;
    name.ignoreTrailingSpaces = true;
    name.ignoreCase = false;
    r.settings.columns.insert(QStringLiteral("patient.balance"), balance);
    r.settings.columns.insert(QStringLiteral("patient.name"), name);
    r.tables = {passingTable(), failingTable()};
    r.status = ReconcileStatus::Fail;
    r.durationMs = 4321;
    return r;
}

} // namespace cutover::test

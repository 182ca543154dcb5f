#include "automap/SynonymTable.h"

namespace cutover {

namespace {

QList<QStringList> standardGroups()
{
    const auto g = [](std::initializer_list<const char *> words) {
        QStringList group;
        for (const char *w : words)
            group << QLatin1String(w);
        return group;
    };
    return {
        g({"name", "full_name", "fullname", "display_name", "complete_name"}),
        g({"first_name", "given_name", "forename", "fname", "firstname"}),
        g({"last_name", "family_name", "surname", "lname", "lastname"}),
        g({"dob", "birth_date", "date_of_birth", "birthdate", "birthday", "born", "born_on",
           "birth_dt", "bdate"}),
        g({"email", "e_mail", "mail", "email_address", "mail_address", "e_mail_address"}),
        g({"phone", "tel", "telephone", "phone_number", "phone_no", "tel_no", "telephone_number",
           "phone_nr", "tel_nr"}),
        g({"mobile", "cell", "mobile_phone", "cell_phone", "mobile_number"}),
        g({"zip", "zip_code", "zipcode", "postcode", "postal_code", "plz"}),
        g({"street", "address", "addr", "street_address", "address_line"}),
        g({"city", "town"}),
        g({"created", "created_at", "created_on", "inserted", "inserted_at", "creation_date",
           "create_date", "created_date", "date_created", "insert_date", "crt_dt", "created_ts"}),
        g({"updated", "updated_at", "updated_on", "modified", "modified_at", "modified_on",
           "last_upd", "last_update", "last_updated", "last_modified", "upd", "mod_date", "changed",
           "changed_at", "updated_ts", "last_change"}),
        g({"deleted", "deleted_at", "is_deleted"}),
        g({"id", "key", "no", "number", "nr", "num", "ref", "reference"}),
        g({"gender", "sex"}),
        g({"amount", "amt", "total", "sum", "total_amount"}),
        g({"price", "cost", "fee"}),
        g({"quantity", "qty", "count"}),
        g({"description", "desc", "descr"}),
        g({"comment", "note", "remark", "memo"}),
        g({"active", "is_active", "enabled", "active_flag", "is_enabled"}),
        g({"status", "state"}),
        g({"type", "kind", "category"}),
        g({"code", "cd"}),
        g({"doctor", "doc", "practitioner", "physician", "provider"}),
        g({"patient", "pat", "client"}),
        g({"customer", "cust", "buyer"}),
        g({"encounter", "visit", "appointment"}),
        g({"observation", "obs", "measurement", "vital"}),
        g({"started", "start", "begin", "started_at", "start_time", "begin_at"}),
        g({"ended", "end", "finish", "ended_at", "end_time"}),
        g({"observed", "taken", "measured", "recorded"}),
        g({"issued_on", "issued_at", "issue_date", "invoice_date", "inv_date", "billed_on",
           "bill_date", "invoiced_on"}),
        g({"hired_on", "hire_date", "hired", "employed_since", "hired_at"}),
        g({"license", "licence", "lic"}),
        g({"country", "country_code", "nation"}),
        g({"currency", "currency_code", "cur", "ccy"}),
        g({"paid", "is_paid", "paid_flag"}),
        g({"site", "site_code", "location", "branch"}),
    };
}

} // namespace

const SynonymTable &SynonymTable::standard()
{
    static const SynonymTable table(standardGroups());
    return table;
}

SynonymTable::SynonymTable(const QList<QStringList> &groups)
{
    for (int i = 0; i < groups.size(); ++i)
        for (const QString &phrase : groups[i])
            m_groups.insert(phrase, i);
}

int SynonymTable::groupOf(const QString &phrase) const
{
    return m_groups.value(phrase, -1);
}

bool SynonymTable::areSynonyms(const QString &a, const QString &b) const
{
    const int group = groupOf(a);
    return group >= 0 && group == groupOf(b);
}

} // namespace cutover

#include "LookupCsvImport.h"

#include "connect/csv/CsvReader.h"

namespace cutover {

bool LookupCsvImport::isHeader(const QString &first, const QString &second)
{
    static const QStringList keys = {QStringLiteral("key"),  QStringLiteral("source"),
                                     QStringLiteral("from"), QStringLiteral("code"),
                                     QStringLiteral("old"),  QStringLiteral("source value"),
                                     QStringLiteral("value")};
    static const QStringList values = {
        QStringLiteral("value"),       QStringLiteral("target"), QStringLiteral("to"),
        QStringLiteral("label"),       QStringLiteral("new"),    QStringLiteral("maps to"),
        QStringLiteral("mapped"),      QStringLiteral("name"),   QStringLiteral("description"),
        QStringLiteral("target value")};
    return keys.contains(first.trimmed().toLower()) && values.contains(second.trimmed().toLower());
}

Result<LookupCsvImport::Outcome> LookupCsvImport::read(const QString &path,
                                                       const QMap<QString, QString> &existing)
{
    CsvOptions options;
    options.setHeader(false);
    CsvReader reader(options);
    if (auto opened = reader.open(path); !opened)
        return opened.error();
    Outcome outcome;
    CsvRecord record;
    bool first = true;
    while (reader.readRecord(record)) {
        const bool pair = record.ok() && record.fields.size() == 2;
        if (first && pair && isHeader(record.fields.at(0), record.fields.at(1))) {
            outcome.hadHeader = true;
            first = false;
            continue;
        }
        first = false;
        if (!pair) {
            ++outcome.skipped;
            continue;
        }
        outcome.entries.insert(record.fields.at(0), record.fields.at(1));
    }
    if (reader.hasError())
        return reader.error();
    for (auto it = outcome.entries.begin(); it != outcome.entries.end(); ++it) {
        if (!existing.contains(it.key()))
            ++outcome.added;
        else if (existing.value(it.key()) != it.value())
            ++outcome.replaced;
        else
            ++outcome.unchanged;
    }
    return outcome;
}

} // namespace cutover

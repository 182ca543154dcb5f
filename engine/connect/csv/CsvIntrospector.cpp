#include "connect/csv/CsvIntrospector.h"

#include "connect/csv/CsvReader.h"
#include "connect/csv/CsvTypeInferrer.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace cutover {

Result<DatabaseSchema> CsvIntrospector::introspect()
{
    auto options = CsvOptions::fromSpec(m_spec);
    if (!options)
        return options.error();

    const QFileInfo folder(m_spec.path());
    if (!folder.exists())
        return Error(Error::Code::Connection, QStringLiteral("the CSV folder does not exist"),
                     m_spec.path(), QStringLiteral("check the path of the csv: connection"));
    if (!folder.isDir())
        return Error(Error::Code::Connection, QStringLiteral("not a folder"), m_spec.path(),
                     QStringLiteral("a csv: connection names a folder of *.csv and *.tsv files"));
    const QDir dir(folder.absoluteFilePath());
    if (!folder.isReadable() || !dir.isReadable())
        return Error(Error::Code::Connection, QStringLiteral("cannot read the CSV folder"),
                     m_spec.path());

    const QFileInfoList files = dir.entryInfoList(
        {QStringLiteral("*.csv"), QStringLiteral("*.tsv")}, QDir::Files, QDir::Name);
    QHash<QString, QString> fileOfTable;
    DatabaseSchema schema;
    for (const QFileInfo &file : files) {
        const QString table = file.completeBaseName();
        if (fileOfTable.contains(table))
            return Error(Error::Code::Schema,
                         QStringLiteral("two files make the table '%1': %2 and %3")
                             .arg(table, fileOfTable.value(table), file.fileName()),
                         m_spec.path(), QStringLiteral("rename or move one of them"));
        fileOfTable.insert(table, file.fileName());
        auto info = readTable(file, options->forFile(file.fileName()));
        if (!info)
            return info.error();
        schema.tables.append(std::move(info.value()));
    }
    std::sort(schema.tables.begin(), schema.tables.end(),
              [](const TableInfo &a, const TableInfo &b) { return a.name < b.name; });
    return schema;
}

Result<TableInfo> CsvIntrospector::readTable(const QFileInfo &file, const CsvOptions &options) const
{
    CsvReader reader(options);
    if (auto opened = reader.open(file.absoluteFilePath()); !opened)
        return opened.error();

    TableInfo table;
    table.name = file.completeBaseName();
    const QStringList names = reader.columnNames();
    QList<CsvTypeInferrer> inferrers(names.size());
    qint64 records = 0;
    CsvRecord record;
    while (reader.readRecord(record)) {
        if (!record.ok())
            return record.error(file.absoluteFilePath());
        if (record.undecodable) // a run would quarantine the row: say it now, with the fix
            return Error(Error::Code::Parse,
                         QStringLiteral("the record on line %1 has bytes that are not valid %2")
                             .arg(record.line)
                             .arg(options.encoding()),
                         QStringLiteral("%1:%2").arg(file.absoluteFilePath()).arg(record.line),
                         QStringLiteral("set the encoding option, e.g. encoding=latin1 or "
                                        "encoding=windows-1252"));
        if (records < options.sampleRows())
            for (qsizetype i = 0; i < inferrers.size(); ++i)
                inferrers[i].add(record.fields.at(i));
        ++records;
    }
    if (reader.hasError())
        return reader.error();

    for (qsizetype i = 0; i < names.size(); ++i) {
        ColumnInfo column;
        column.name = names.at(i);
        column.type = inferrers.at(i).type();
        column.declaredType = QStringLiteral("csv:") + column.type.toString();
        column.nullable = inferrers.at(i).nullable();
        table.columns.append(column);
    }
    table.rowEstimate = records;
    return table;
}

} // namespace cutover

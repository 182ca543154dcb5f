#include "InspectCommand.h"

#include "CommandLine.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "core/JsonWriter.h"
#include "dialect/ConnectionSpec.h"

namespace cutover::cli {

namespace {

QString columnLine(const TableInfo &table, const ColumnInfo &c)
{
    QStringList notes;
    if (c.primaryKeyPosition > 0)
        notes << (table.primaryKey.size() > 1 ? QStringLiteral("pk#%1").arg(c.primaryKeyPosition)
                                              : QStringLiteral("pk"));
    if (!c.nullable)
        notes << QStringLiteral("not null");
    if (c.autoIncrement)
        notes << QStringLiteral("auto");
    if (c.hasDefault)
        notes << QStringLiteral("default ") + c.defaultValue;
    return QStringLiteral("    %1 %2 %3%4")
        .arg(c.name.leftJustified(24), c.type.toString().leftJustified(16),
             c.declaredType.leftJustified(18),
             notes.isEmpty() ? QString() : QStringLiteral(" ") + notes.join(QStringLiteral(", ")));
}

} // namespace

void InspectCommand::printText(QTextStream &out, const DatabaseSchema &schema)
{
    for (const TableInfo &table : schema.tables) {
        out << (table.isView ? "view " : "table ") << table.name;
        if (table.rowEstimate >= 0)
            out << "  (" << table.rowEstimate << " rows)";
        out << '\n';
        for (const ColumnInfo &c : table.columns)
            out << columnLine(table, c).trimmed().prepend(QStringLiteral("    ")) << '\n';
        for (const ForeignKeyInfo &fk : table.foreignKeys)
            out << "    foreign key (" << fk.columns.join(QStringLiteral(", ")) << ") -> "
                << fk.referencedTable << " (" << fk.referencedColumns.join(QStringLiteral(", "))
                << ")\n";
        for (const IndexInfo &index : table.indexes)
            out << "    " << (index.unique ? "unique " : "") << "index " << index.name << " ("
                << index.columns.join(QStringLiteral(", ")) << ")\n";
        out << '\n';
    }
    out << schema.tables.size() << " table(s) and view(s)\n";
}

int InspectCommand::run(CliContext &context)
{
    CommandLine line(name(), QStringLiteral("Shows the tables, views, columns (declared and "
                                            "normalized types), keys, indexes and row estimates "
                                            "of a connection."));
    line.addPositional(QStringLiteral("CONN"),
                       QStringLiteral("sqlite:PATH, postgresql://user@host:port/db, "
                                      "mysql://user@host:port/db or csv:DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    line.addOption(json);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;

    auto spec = ConnectionSpec::parse(line.parser().positionalArguments().first());
    if (!spec)
        return fail(context, spec.error());
    auto schema = IntrospectorFactory::create(*spec, context.passwords)->introspect();
    if (!schema)
        return fail(context, schema.error());
    if (line.parser().isSet(json)) {
        QJsonObject root = schema->toJson();
        root[QStringLiteral("connection")] = spec->displayName();
        root[QStringLiteral("kind")] = spec->kindName();
        context.out << QString::fromUtf8(
            JsonWriter({QStringLiteral("connection"), QStringLiteral("name"),
                        QStringLiteral("kind"), QStringLiteral("type"),
                        QStringLiteral("declaredType"), QStringLiteral("nullable"),
                        QStringLiteral("default")})
                .write(root));
    } else {
        printText(context.out, *schema);
    }
    return Ok;
}

} // namespace cutover::cli

#include "source/RowSourceFactory.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "source/ColumnEncodings.h"
#include "source/CsvRowSource.h"
#include "source/DecodingRowSource.h"
#include "source/SqlRowSource.h"

namespace cutover {

Result<ConnectionSpec> RowSourceFactory::sourceSpec(const Project &project)
{
    const ConnectionDef *def = project.connection(project.sourceConnection);
    if (!def)
        return Error(Error::Code::Usage,
                     QStringLiteral("the project has no source connection named '%1'")
                         .arg(project.sourceConnection),
                     project.name,
                     QStringLiteral("set sourceConnection to one of its connections"));
    auto spec = ConnectionSpec::parse(def->url, project.baseDir);
    if (!spec)
        return Error(Error::Code::Connection, spec.error().message(), spec.error().where(),
                     spec.error().hint());
    return spec;
}

Result<std::unique_ptr<RowSource>> RowSourceFactory::open(const Project &project,
                                                          const TableMapping &mapping,
                                                          const RowQuery &query,
                                                          const PasswordProvider *passwords)
{
    auto source = openPlain(project, mapping, query, passwords);
    if (!source || !ColumnEncodings::any(mapping))
        return source;
    // The column mappings' lineage is over every source column, not only the ones read here.
    QStringList columns = (*source)->columns();
    if (!query.columns.isEmpty()) {
        RowQuery probe;
        probe.limit = 0;
        auto all = openPlain(project, mapping, probe, passwords);
        if (!all)
            return all.error();
        columns = (*all)->columns();
    }
    auto encodings = ColumnEncodings::resolve(mapping, columns);
    if (!encodings)
        return encodings.error();
    return DecodingRowSource::wrap(std::move(*source), *encodings);
}

Result<std::unique_ptr<RowSource>> RowSourceFactory::openPlain(const Project &project,
                                                               const TableMapping &mapping,
                                                               const RowQuery &query,
                                                               const PasswordProvider *passwords)
{
    auto spec = sourceSpec(project);
    if (!spec)
        return spec.error();
    if (spec->kind() == ConnectionSpec::Kind::Csv) {
        auto source = CsvRowSource::open(*spec, mapping, query, project.lookups);
        if (!source)
            return source.error();
        return std::unique_ptr<RowSource>(std::move(source.value()));
    }
    auto source = SqlRowSource::open(*spec, mapping, query, passwords);
    if (!source)
        return source.error();
    return std::unique_ptr<RowSource>(std::move(source.value()));
}

Result<QStringList> RowSourceFactory::keyColumns(const Project &project,
                                                 const TableMapping &mapping,
                                                 const PasswordProvider *passwords)
{
    QStringList keys;
    for (const QString &part : mapping.sourceKey.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            keys.append(part.trimmed());
    if (!keys.isEmpty() || mapping.source.isEmpty() || !mapping.query.trimmed().isEmpty())
        return keys;
    auto spec = sourceSpec(project);
    if (!spec)
        return spec.error();
    if (spec->kind() == ConnectionSpec::Kind::Csv)
        return keys;
    auto schema = IntrospectorFactory::create(*spec, passwords)->introspect();
    if (!schema)
        return schema.error();
    if (const TableInfo *table = schema->table(mapping.source))
        keys = table->primaryKey;
    return keys;
}

} // namespace cutover

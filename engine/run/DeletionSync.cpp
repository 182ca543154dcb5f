#include "run/DeletionSync.h"

#include "core/ValueText.h"
#include "dialect/ConnectionSpec.h"
#include "run/target/TargetSessionFactory.h"
#include "source/RowSourceFactory.h"
#include "transform/TransformProgram.h"

#include <QTemporaryDir>

namespace cutover {

namespace {

Error cannot(const QString &table, const QString &why)
{
    return Error(Error::Code::Usage,
                 QStringLiteral("cannot find deleted rows of %1: %2").arg(table, why), table);
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// Fills keys (a table in the scratch database) with the target key of every source row.
Result<void> collectSourceKeys(const DeletionSync::Setup &setup, const QString &expression,
                               TargetSession &scratch)
{
    auto source = RowSourceFactory::open(*setup.project, *setup.mapping, {}, setup.passwords);
    if (!source)
        return source.error();
    QList<TransformProgram::CompileError> errors;
    auto program = TransformProgram::compile(
        (*source)->columns(), {{QStringLiteral("k"), expression}}, setup.project->lookups, &errors);
    if (!program)
        return cannot(setup.mapping->target,
                      errors.isEmpty() ? QStringLiteral("the key expression does not compile")
                                       : errors.first().message);
    for (;;) {
        if (setup.stop && setup.stop->load())
            return Error(Error::Code::Cancelled, QStringLiteral("stopped"));
        auto batch = (*source)->next(5000);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return {};
        auto keys = program->run(*batch);
        if (!keys)
            return keys.error();
        QList<QVariantList> rows;
        for (const QVariantList &row : std::as_const(keys->values.rows))
            if (!row.value(0).isNull())
                rows.append({ValueText::of(row.value(0))});
        if (auto begun = scratch.begin(); !begun)
            return begun;
        if (auto written = scratch.upsertRows(QStringLiteral("k"), {QStringLiteral("key")},
                                              {QStringLiteral("key")}, rows);
            !written)
            return written.error();
        if (auto committed = scratch.commit(); !committed)
            return committed;
    }
}

} // namespace

Result<qint64> DeletionSync::run(const Setup &setup, TargetSession &target)
{
    const QString table = setup.mapping->target;
    if (setup.target.primaryKey.size() != 1)
        return cannot(table, QStringLiteral("only a single-column primary key is supported"));
    const QString keyColumn = setup.target.primaryKey.first();
    const ColumnMapping *key = setup.mapping->column(keyColumn);
    if (!key)
        return cannot(table, QStringLiteral("its key %1 is not mapped").arg(keyColumn));

    QTemporaryDir dir;
    auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                      dir.filePath(QStringLiteral("keys.sqlite")));
    if (!spec)
        return spec.error();
    auto scratch = TargetSessionFactory::open(*spec, nullptr);
    if (!scratch)
        return scratch.error();
    if (auto made = (*scratch)->execute(
            QStringLiteral("CREATE TABLE k (key TEXT PRIMARY KEY) WITHOUT ROWID"));
        !made)
        return made.error();
    if (auto collected = collectSourceKeys(setup, key->expression, **scratch); !collected)
        return collected.error();

    const QString q = target.quote(keyColumn);
    const QString page = QStringLiteral("SELECT %1 FROM %2 WHERE %1 > ? ORDER BY %1 LIMIT %3")
                             .arg(q, target.quote(table))
                             .arg(setup.chunkSize);
    const QString first = QStringLiteral("SELECT %1 FROM %2 ORDER BY %1 LIMIT %3")
                              .arg(q, target.quote(table))
                              .arg(setup.chunkSize);
    qint64 deleted = 0;
    QVariant last;
    for (bool start = true;; start = false) {
        auto rows = start ? target.query(first) : target.query(page, {last});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return deleted;
        last = rows->last().value(0);
        QVariantList texts;
        for (const QVariantList &row : std::as_const(*rows))
            texts.append(ValueText::of(row.value(0)));
        auto present = (*scratch)->query(
            QStringLiteral("SELECT key FROM k WHERE key IN (%1)").arg(placeholders(texts.size())),
            texts);
        if (!present)
            return present.error();
        QSet<QString> found;
        for (const QVariantList &row : std::as_const(*present))
            found.insert(row.value(0).toString());
        QVariantList gone;
        for (const QVariantList &row : std::as_const(*rows))
            if (!found.contains(ValueText::of(row.value(0))))
                gone.append(row.value(0));
        if (gone.isEmpty() || setup.dryRun) {
            deleted += gone.size();
            continue;
        }
        const QString sql = QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                .arg(target.quote(table), q, placeholders(gone.size()));
        if (auto begun = target.begin(); !begun)
            return begun.error();
        if (auto done = target.execute(sql, gone); !done) {
            (void)target.rollback();
            return done.error();
        }
        if (auto committed = target.commit(); !committed)
            return committed.error();
        deleted += gone.size();
    }
}

} // namespace cutover

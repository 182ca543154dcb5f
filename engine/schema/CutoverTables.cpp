#include "schema/CutoverTables.h"

namespace cutover {

const QStringList &CutoverTables::names()
{
    static const QStringList tables = {
        QStringLiteral("cutover_runs"),         QStringLiteral("cutover_run_tables"),
        QStringLiteral("cutover_checkpoints"),  QStringLiteral("cutover_quarantine"),
        QStringLiteral("cutover_written_keys"), QStringLiteral("cutover_table_digests"),
        QStringLiteral("cutover_run_lock"),     QStringLiteral("cutover_key_crosswalk"),
        QStringLiteral("cutover_reports")};
    return tables;
}

} // namespace cutover

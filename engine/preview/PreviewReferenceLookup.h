#pragma once

#include "transform/rules/ReferenceLookup.h"

#include <QSet>
#include <memory>

namespace cutover {

// Answers reference-exists rules in a preview. A reference into a table the project itself
// loads (patient.id for encounter.patient_id) cannot be known before the run has loaded it, so
// it passes here and is checked by the run; any other reference is looked up in the target
// database (inner lookup, may be null: then it passes too).
class PreviewReferenceLookup : public ReferenceLookup
{
public:
    PreviewReferenceLookup(QSet<QString> loadedTables, std::unique_ptr<ReferenceLookup> inner)
        : m_loaded(std::move(loadedTables))
        , m_inner(std::move(inner))
    {}

    Result<bool> exists(const QString &table, const QString &column, const QVariant &value) override
    {
        if (m_loaded.contains(table) || !m_inner)
            return true;
        return m_inner->exists(table, column, value);
    }

private:
    QSet<QString> m_loaded;
    std::unique_ptr<ReferenceLookup> m_inner;
};

} // namespace cutover

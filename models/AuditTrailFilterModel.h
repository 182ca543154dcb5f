#pragma once

#include "AuditTrailModel.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace cutover {

// The audit trail newest first, filtered by a family of kinds (none: every entry) and by a text
// found, in any case, in the entry's who, kind, summary or data.
class AuditTrailFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using Family = AuditTrailModel::Family;

    explicit AuditTrailFilterModel(AuditTrailModel *entries, QObject *parent = nullptr);

    AuditTrailModel *entriesModel() const { return m_entries; }
    void setFamily(std::optional<Family> family);
    std::optional<Family> family() const { return m_family; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    // The row shown for the entry numbered seq, invalid when it is filtered out.
    QModelIndex shownIndex(qint64 seq) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AuditTrailModel *m_entries;
    std::optional<Family> m_family;
    QString m_text;
};

} // namespace cutover

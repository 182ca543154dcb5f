#pragma once

#include "ReportRowsModel.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace cutover {

// A report table's rows (ReportRowsModel) filtered by kind: every row, or only the missing, the
// extra or the modified ones; a row's column items come with it. The order stays the rows
// model's. label() names a choice with what it shows, for the filter's buttons: "Missing (3)",
// or "Modified (20 of 45)" when the report lists fewer rows than it found.
class ReportRowsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using Kind = ReportRowsModel::Kind;

    explicit ReportRowsFilterModel(ReportRowsModel *rows, QObject *parent = nullptr);

    ReportRowsModel *rowsModel() const { return m_rows; }
    // The kind shown; none: every row.
    void setKind(std::optional<Kind> kind);
    std::optional<Kind> kind() const { return m_kind; }
    bool shows(Kind kind) const { return !m_kind || *m_kind == kind; }

    // The rows listed of a kind (of every kind for none), and the rows the report found.
    int listed(std::optional<Kind> kind) const;
    qint64 found(std::optional<Kind> kind) const;
    // "All (5)", "Missing (3)", "Modified (20 of 45)".
    QString label(std::optional<Kind> kind) const;
    static QString title(std::optional<Kind> kind);
    // The row shown for the rows model's row, invalid when filtered out.
    QModelIndex shownIndex(int rowsModelRow) const;

Q_SIGNALS:
    void kindChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ReportRowsModel *m_rows;
    std::optional<Kind> m_kind;
};

} // namespace cutover

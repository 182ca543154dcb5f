#pragma once

#include "preview/PreviewResult.h"

#include <QAbstractTableModel>
#include <QColor>

namespace cutover {

// One side of a preview, for two tables shown side by side: the sample's source rows, or the
// target rows the mapping makes of them (a first "Row" column with the row's verdict: blocked,
// warnings, or fine, and the reasons as a run records them; then one column per target column,
// each cell with its status). Rows come into the view kFetchStep at a time (fetchMore), so a
// sample of 10,000 rows opens at once; "violations only" keeps the rows that have one.
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Side
    {
        Source,
        Target,
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1, // PreviewResult::CellStatus of a target cell, as int
        ColumnNameRole,                // the target (or source) column of a cell
        ReasonRole,                    // the cell's note, or the row's violations in words
    };
    static constexpr int kFetchStep = 200;

    explicit PreviewModel(Side side, QObject *parent = nullptr);

    void setResult(const PreviewResult &result);
    const PreviewResult &result() const { return m_result; }
    void setViolationsOnly(bool only);
    // Columns whose headers are marked (bold, underlined): the target column being edited, or the
    // source columns its expression reads.
    void setFocusColumns(const QStringList &names);
    const QStringList &focusColumns() const { return m_focus; }
    bool violationsOnly() const { return m_violationsOnly; }
    // The rows shown (before fetching), and the index in result().rows of a model row.
    int shownRows() const { return int(m_rows.size()); }
    int resultRow(int row) const { return m_rows.value(row, -1); }
    // The model column of a target column, -1 when none (Target side).
    int columnOf(const QString &targetColumn) const;
    // The tint of a cell of that status; invalid for none (unchanged). A row that would be
    // quarantined is tinted as a violation, one with warnings as a loss risk.
    static QColor tint(PreviewResult::CellStatus status);
    // A row's violations as a run's quarantine records them (ViolationText), a line each.
    static QString reasons(const PreviewResult::Row &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    void filterRows();
    void finishReset();
    QVariant sourceData(const PreviewResult::Row &row, int column, int role) const;
    QVariant targetData(const PreviewResult::Row &row, int column, int role) const;
    QVariant verdictData(const PreviewResult::Row &row, int role) const;

    Side m_side;
    PreviewResult m_result;
    QStringList m_focus;
    QList<int> m_rows; // indexes into m_result.rows, after the filter
    int m_fetched = 0;
    bool m_violationsOnly = false;
    bool m_announcing = false; // a reset or an insertion being signalled
};

} // namespace cutover

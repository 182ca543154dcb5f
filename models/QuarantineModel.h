#pragma once

#include "project/Project.h"
#include "run/ledger/QuarantineFilter.h"
#include "run/ledger/QuarantineSort.h"
#include "transform/QuarantinedRow.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QThreadPool>

namespace cutover {

class PasswordProvider;

// The rows a project's runs quarantined, as the quarantine browser lists them: a row per
// quarantined row (source key, table, reasons, run, when, loaded again by), read from the
// target's run ledger a page at a time (RunHistory::quarantinePage) so a million rows open at
// once: the first page comes by itself, further pages when a view asks (canFetchMore /
// fetchMore), and only those rows are held. Reads run on a worker thread, each opening its own
// connection there; a newer project or filter makes older reads stale and their pages are
// dropped (a generation counter). The count of all selected rows comes separately
// (totalCountChanged), so a slow count never holds up the first page. sort() orders the rows on
// the database (QuarantineSort: by the column's stored value, the source key breaking ties) and
// reads again from the first page, still a page at a time; column -1 is the ledger's read order.
class QuarantineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        TableColumn,
        ReasonColumn,
        RunColumn,
        WhenColumn,
        RetriedColumn,
        ColumnCount
    };
    enum Role
    {
        KindsRole = Qt::UserRole + 1, // QVariantList of int Violation::Kind, one per reason
        SourceKeyRole,                // the source key as the ledger keeps it (JSON)
        RetriedRole,                  // bool: a later run loaded it
    };

    explicit QuarantineModel(QObject *parent = nullptr);
    ~QuarantineModel() override;

    void setPasswordProvider(const PasswordProvider *passwords) { m_passwords = passwords; }
    // Reads this project's quarantine from now on, from the first page (a reset).
    void setProject(const Project &project);
    void setFilter(const QuarantineFilter &filter);
    const QuarantineFilter &filter() const { return m_filter; }
    // Reads again from the first page (after a run or a retry).
    void refresh();
    // Forgets the project: no rows, nothing to fetch.
    void clear();
    // Rows a page reads (500 unless set).
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // The column sorted by (-1: none, the read order) and how.
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The order a column's sort reads in (column -1 or an unknown one: the read order).
    static QuarantineSort querySort(int column, Qt::SortOrder order);

    const QuarantinedRow &quarantinedRow(int row) const { return m_rows.at(row); }
    // All the rows the filter selects, counted; -1 until counted.
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_fetching; }
    bool isComplete() const { return m_atEnd; }
    // Why the ledger could not be read, empty when it could.
    QString errorText() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // How a reason's kind shows, colour-blind safe: a shape, a word, and a colour besides.
    static QString kindSymbol(Violation::Kind kind);
    static QString kindLabel(Violation::Kind kind);
    static QColor kindColor(Violation::Kind kind);
    // A source key for a person: [1004] reads 1004, ["a",2] reads a, 2, [null] reads NULL.
    static QString keyText(const QString &sourceKey);
    // Each reason in ViolationText's words after its kind's shape.
    static QStringList reasonLines(const QuarantinedRow &row);

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void loadingChanged(bool loading);
    // A page arrived (rows: how many it added).
    void pageLoaded(int rows);
    void failed(const QString &message);

private:
    struct Page
    {
        QList<QuarantinedRow> rows;
        qint64 total = -1;
        QString error;
    };
    struct PageRequest
    {
        QuarantineFilter filter;
        QuarantineSort sort;
        std::optional<QuarantinedRow> after;
        int limit = 0;
    };
    static Page readPage(const Project &project, const PasswordProvider *passwords,
                         const PageRequest &request);
    static Page readCount(const Project &project, const PasswordProvider *passwords,
                          const QuarantineFilter &filter);
    void restart();
    void startCount();
    void takePage(quint64 generation, const Page &page);
    void setFetching(bool fetching);
    QVariant display(const QuarantinedRow &row, int column) const;

    Project m_project;
    bool m_hasProject = false;
    const PasswordProvider *m_passwords = nullptr;
    QuarantineFilter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<QuarantinedRow> m_rows;
    qint64 m_total = -1;
    QString m_error;
    bool m_fetching = false;
    bool m_atEnd = true;
    int m_pageSize = 500;
    quint64 m_generation = 0;
    QThreadPool m_pool;
};

} // namespace cutover

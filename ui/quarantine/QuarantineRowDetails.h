#pragma once

#include "transform/QuarantinedRow.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace cutover {

// The selected quarantined row in full: where it came from (table, source key, run, when,
// loaded again by), every reason with its kind as a shape, a word and a colour, and the raw
// source values, those a reason names marked. Choosing a reason chooses the column a jump to
// the mapping opens (currentColumn).
class QuarantineRowDetails : public QWidget
{
    Q_OBJECT

public:
    enum ReasonColumn
    {
        KindColumn,
        ColumnColumn,
        ReasonTextColumn
    };

    explicit QuarantineRowDetails(QWidget *parent = nullptr);

    void showRow(const QuarantinedRow &row);
    void clear();
    bool hasRow() const { return m_hasRow; }
    // The target column of the chosen reason (the first reason naming one when none is
    // chosen); empty for a row rule or the target's refusal of the whole row.
    QString currentColumn() const;
    QString headingText() const;
    // A row a reason: kind, column, the reason in ViolationText's words (wrapped).
    QTableWidget *reasons() const { return m_reasons; }
    // A row a raw source value: column, value (NULL for none).
    QTableWidget *values() const { return m_values; }

Q_SIGNALS:
    // A reason was double-clicked: open its mapping and column.
    void reasonActivated(const QString &column);

private:
    void fillReasons(const QuarantinedRow &row);
    void fillValues(const QuarantinedRow &row);

    QLabel *m_heading;
    QTableWidget *m_reasons;
    QTableWidget *m_values;
    QuarantinedRow m_row;
    bool m_hasRow = false;
};

} // namespace cutover

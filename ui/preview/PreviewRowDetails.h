#pragma once

#include "preview/PreviewResult.h"
#include "project/Rule.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace cutover {

// One previewed row's verdicts: each rule of the target table with what it says of the row
// (passes, blocks, warns), then every other violation (a function, the conversion), each with
// the words a run records in its quarantine (ViolationText), and the row's overall verdict.
class PreviewRowDetails : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        CheckColumn,
        WhatColumn,
        VerdictColumn,
        RecordColumn,
        ColumnCount
    };

    explicit PreviewRowDetails(QWidget *parent = nullptr);

    // The row'th row of result (an index into result.rows), checked by rules (the project's:
    // those of result.table are listed).
    void showRow(const PreviewResult &result, int row, const QList<Rule> &rules);
    void clear();
    QString headingText() const;
    QTreeWidget *checks() const { return m_checks; }

private:
    void addCheck(const QString &check, const QString &what, const QList<Violation> &found,
                  bool isRule);

    QLabel *m_heading;
    QTreeWidget *m_checks;
};

} // namespace cutover

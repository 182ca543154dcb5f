#pragma once

#include "core/Error.h"
#include "preview/PreviewResult.h"
#include "preview/SampleSpec.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace cutover {

class ColumnMappingModel;
class PasswordProvider;
class PreviewModel;
class PreviewRowDetails;
class PreviewService;
class ProjectDocument;

// The live preview of the shown table mapping: sample source rows beside the target rows the
// mapping makes of them, each target cell coloured and marked by status, each row's verdict as a
// run would record it. The engine's PreviewService does the work off the GUI thread; a preview
// is asked for at the next turn of the event loop after an edit of the mappings, so the edits of
// one command come together; a newer request cancels the older one, whose result is dropped, so
// typing never queues previews. Only while the pane is visible. The sample is the first N,
// random N with a seed, the rows a filter matches, or the edge cases. Under the rows, the chosen
// row's verdicts: each rule's and the reasons a run would record. A click on a violation says
// which column it is in.
class PreviewPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 0;

    PreviewPane(ProjectDocument &document, ColumnMappingModel &columns, QWidget *parent = nullptr);
    ~PreviewPane() override;

    void setPasswordProvider(const PasswordProvider *passwords);
    // Marks the target column being edited and the source columns it reads, and scrolls both
    // sides to them; empty for none.
    void showColumn(const QString &targetColumn);
    // Asks for a preview now (the Refresh button).
    void refresh();
    void setSample(const SampleSpec &spec);
    SampleSpec sample() const;

    PreviewModel *sourceModel() const { return m_sourceModel; }
    PreviewModel *targetModel() const { return m_targetModel; }
    QTableView *targetView() const { return m_targetView; }
    QCheckBox *violationsOnly() const { return m_violationsOnly; }
    PreviewRowDetails *rowDetails() const { return m_details; }
    QTableView *sourceView() const { return m_sourceView; }
    QString statusText() const;
    PreviewService *service() const { return m_service; }

Q_SIGNALS:
    // A preview was shown (its generation), or failed.
    void previewShown(int generation);
    void previewFailed(const cutover::Error &error);
    // The user clicked a cell with a violation: the target column to edit.
    void violationChosen(const QString &targetColumn);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createControls();
    QWidget *createLegend();
    void schedule();
    void start();
    void showResult(int generation, const PreviewResult &result);
    void fail(int generation, const Error &error);
    void updateSampleFields();
    void cellClicked(const QModelIndex &index);
    void showRowDetails();
    void applyFocus();

    ProjectDocument &m_document;
    ColumnMappingModel &m_columns;
    PreviewService *m_service = nullptr;
    PreviewModel *m_sourceModel = nullptr;
    PreviewModel *m_targetModel = nullptr;
    PreviewRowDetails *m_details = nullptr;
    QTableView *m_sourceView = nullptr;
    QTableView *m_targetView = nullptr;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_rows = nullptr;
    QSpinBox *m_seed = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_violationsOnly = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_delay;
    bool m_stale = true; // an edit since the last request
    QString m_focus;     // the target column being edited
};

} // namespace cutover

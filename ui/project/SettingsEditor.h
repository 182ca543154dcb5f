#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace cutover {

class ProjectDocument;
struct ProjectSettings;

// Edits the project's name, description and run settings (batch size, parallel tables, the
// quarantine thresholds that stop a run, the preview sample, the reconciliation sample). Each
// field is an edit through ProjectEdits; typing in one field is one undo step.
class SettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsEditor(ProjectDocument &document, QWidget *parent = nullptr);

private:
    void load();
    void editSettings(const QString &what, const std::function<void(ProjectSettings &)> &change);

    ProjectDocument &m_document;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_parallelTables = nullptr;
    QDoubleSpinBox *m_maxErrorRate = nullptr;
    QSpinBox *m_maxQuarantined = nullptr;
    QDoubleSpinBox *m_maxRunErrorRate = nullptr;
    QSpinBox *m_sampleRows = nullptr;
    QSpinBox *m_reconcileSample = nullptr;
    bool m_loading = false;
};

} // namespace cutover

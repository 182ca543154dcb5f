#pragma once

#include "schema/DatabaseSchema.h"
#include "validate/Problem.h"

#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace cutover {

class ColumnMappingModel;
class MappingCanvas;
class PasswordProvider;
class PreviewPane;
class ProjectDocument;
class TransformEditor;
struct TableMapping;

// Edits one table mapping: where its rows come from (a source table or a query), the target
// table, keys, load mode, filter, watermark, phases and thresholds, and its column mappings as a
// table whose expressions and defaults are edited in place. Every change is an edit through
// ProjectEdits; typing in one field is one undo step. It follows the document, undo included.
class TableMappingEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TableMappingEditor(ProjectDocument &document, QWidget *parent = nullptr);

    void showMapping(qsizetype index);
    qsizetype mapping() const { return m_index; }
    void setSchemas(const DatabaseSchema &source, const DatabaseSchema &target);
    void setProblems(const QList<Problem> &problems);
    void setLineage(const QHash<QString, QStringList> &lineage);
    // For the canvas's suggestions, which read source samples; must outlive the editor.
    void setPasswordProvider(const PasswordProvider *passwords);
    // Selects the row of a target column and starts editing its expression.
    void editColumn(const QString &targetColumn);

    ColumnMappingModel *columnModel() const { return m_columns; }
    QTableView *columnTable() const { return m_table; }
    MappingCanvas *canvas() const { return m_canvas; }
    TransformEditor *transformEditor() const { return m_transform; }
    PreviewPane *previewPane() const { return m_preview; }
    // The columns as a table (editable cells) or as the canvas.
    void showTable();
    void showCanvas();
    void showPreview();
    // Shows or hides the rows' and target's settings (the "Rows & Target Settings" button).
    void showSettings(bool shown);

Q_SIGNALS:
    // Back to the overview of all table mappings (the breadcrumb, or Backspace).
    void backRequested();

private:
    QWidget *createSourceBox();
    QWidget *createTargetBox();
    QWidget *createColumnsBox();
    QWidget *createColumnTable();
    void connectFields();
    void load();
    void loadPhases();
    void fillChoices();
    const TableMapping *current() const;
    void edit(const QString &what, const std::function<void(TableMapping &)> &change);
    void togglePhase(int row, bool checked);
    void mapByName();
    void unmapSelected();

    ProjectDocument &m_document;
    qsizetype m_index = -1;
    DatabaseSchema m_source;
    DatabaseSchema m_target;

    QLabel *m_title = nullptr;
    QLabel *m_missing = nullptr;
    QWidget *m_body = nullptr;
    QButtonGroup *m_sourceKind = nullptr;
    QComboBox *m_sourceTable = nullptr;
    QPlainTextEdit *m_query = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_watermark = nullptr;
    QCheckBox *m_syncDeletes = nullptr;
    QComboBox *m_targetTable = nullptr;
    QLineEdit *m_sourceKey = nullptr;
    QComboBox *m_keyStrategy = nullptr;
    QLineEdit *m_keyNamespace = nullptr;
    QComboBox *m_mode = nullptr;
    QDoubleSpinBox *m_maxErrorRate = nullptr;
    QSpinBox *m_maxQuarantined = nullptr;
    QListWidget *m_phases = nullptr;
    QLineEdit *m_note = nullptr;
    ColumnMappingModel *m_columns = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_columnViews = nullptr;
    MappingCanvas *m_canvas = nullptr;
    TransformEditor *m_transform = nullptr;
    PreviewPane *m_preview = nullptr;
    bool m_loading = false;
};

} // namespace cutover

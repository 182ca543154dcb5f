#pragma once

#include "AuditTrailModel.h"
#include "audit/AuditVerifier.h"
#include "core/Result.h"

#include <QFileSystemWatcher>
#include <QTimer>
#include <QWidget>
#include <optional>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace cutover {

class AuditTrailFilterModel;

// The project's audit trail: every entry newest first, filtered by family of kind (All,
// Runbook, Runs, Reports, Project) and by text, the selected entry's data as indented JSON
// beside. Verify checks the hash chain on a pool thread and says "Chain intact" with the
// head's hash, or names the first broken entry, selects it and marks it in the table. The trail
// is read off the GUI thread, again when its file changes (another window, cutover-cli); once
// verified, each read verifies again so the verdict never describes an older file.
class AuditTrailView : public QWidget
{
    Q_OBJECT

public:
    using Family = AuditTrailModel::Family;

    explicit AuditTrailView(QWidget *parent = nullptr);
    ~AuditTrailView() override;

    // The project file whose trail to show; empty: a project never saved.
    void setProjectPath(const QString &projectPath);
    QString projectPath() const { return m_projectPath; }
    void refresh();
    void verify();
    bool isLoading() const { return m_loading; }

    // The entry selected, 0 when none.
    qint64 selectedSeq() const;
    void selectEntry(qint64 seq);
    QString verdictText() const;

    AuditTrailModel *model() const { return m_model; }
    AuditTrailFilterModel *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QAbstractButton *familyButton(std::optional<Family> family) const;
    QLineEdit *textFilter() const { return m_text; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPlainTextEdit *detail() const { return m_detail; }
    QLabel *message() const { return m_message; }

Q_SIGNALS:
    // The entries were read (again).
    void loaded(int entries);
    void verified(bool intact);

private:
    struct Reading
    {
        Result<QList<AuditEntry>> entries;
        std::optional<AuditVerifier::Verdict> verdict;
    };

    QWidget *createBar();
    QWidget *createDetail();
    void load(bool withVerdict);
    void apply(const Reading &reading);
    void showVerdict(const AuditVerifier::Verdict &verdict);
    void showMessage(const QString &text);
    void showSelection();
    void watch();
    static int idOf(std::optional<Family> family);

    QString m_projectPath;
    QString m_trailPath;
    AuditTrailModel *m_model;
    AuditTrailFilterModel *m_filter;
    QButtonGroup *m_families = nullptr;
    QLineEdit *m_text = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_verify = nullptr;
    QLabel *m_verdict = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_entryTitle = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_verdictShown = false;
};

} // namespace cutover

#pragma once

#include "core/Result.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace cutover {

class PathField;
struct MigrationDraft;

// Page 4: the project's name, folder and file name. Finish writes the file through
// ProjectWriter (the bytes cutover-cli writes), after making a new empty SQLite target when one
// was asked for; an error is shown on the page and the wizard stays open.
class SavePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SavePage(MigrationDraft *draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The file written by Finish; empty before.
    QString savedFile() const { return m_savedFile; }
    QString filePath() const;
    QLineEdit *nameEdit() const { return m_name; }
    PathField *folderField() const { return m_folder; }
    QLineEdit *fileNameEdit() const { return m_fileName; }

private:
    void nameEdited();
    void updatePreview();
    QString describeChoice() const;
    QString describeConnections(const QString &path) const;
    Result<void> save(const QString &path);
    static QString fileNameFor(const QString &projectName);
    static Result<void> createEmptyFile(const QString &path);

    MigrationDraft *m_draft;
    QLineEdit *m_name = nullptr;
    PathField *m_folder = nullptr;
    QLineEdit *m_fileName = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QString m_savedFile;
    bool m_fileNameFollows = true; // until the user types a file name of their own
};

} // namespace cutover

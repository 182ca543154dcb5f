#pragma once

#include "connection/ConnectionPage.h"

class QCheckBox;
class QLineEdit;

namespace cutover {

// A SQLite file: its path (typed or picked), and for a target, whether to create a new empty
// file when there is none yet.
class SqliteConnectionPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit SqliteConnectionPage(QWidget *parent = nullptr);

    ConnectionSpec::Kind kind() const override { return ConnectionSpec::Kind::Sqlite; }
    void load(const ConnectionSpec &spec) override;
    Result<QString> url(const QString &baseDir) const override;
    QString suggestedName() const override;
    // Creates the empty file when "create" is ticked and the file does not exist.
    Result<void> prepareAccept() override;
    // Whether accepting will create the file.
    bool willCreate() const;

    QLineEdit *pathEdit() const { return m_path; }
    QCheckBox *createBox() const { return m_create; }

private:
    void browse();
    QString absolutePath() const;

    QLineEdit *m_path = nullptr;
    QCheckBox *m_create = nullptr;
    QMap<QString, QString> m_otherOptions;
};

} // namespace cutover

#pragma once

#include <QWizardPage>

namespace cutover {

class ConnectionChooser;
struct MigrationDraft;

// Page 1: the source to read and the target to write, each with its kind and fields.
class ConnectionsPage : public QWizardPage
{
    Q_OBJECT
public:
    ConnectionsPage(MigrationDraft *draft, QWidget *parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;

    ConnectionChooser *source() const { return m_source; }
    ConnectionChooser *target() const { return m_target; }

private:
    MigrationDraft *m_draft;
    ConnectionChooser *m_source = nullptr;
    ConnectionChooser *m_target = nullptr;
};

} // namespace cutover

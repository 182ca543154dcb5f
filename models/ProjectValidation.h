#pragma once

#include "ProjectDocument.h"
#include "validate/ProjectCheck.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace cutover {

class PasswordProvider;

// Keeps the document checked, off the GUI thread. Opening a project or changing a connection
// reads both schemas again (ProjectCheck::check); any other edit is checked against the schemas
// already read (ProjectCheck::revalidate), after a short pause in the editing. A newer check
// makes an older one stale and its result is dropped.
class ProjectValidation : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDebounceMilliseconds = 250;

    ProjectValidation(ProjectDocument &document, const PasswordProvider *passwords,
                      QObject *parent = nullptr);

    const ProjectCheck::Outcome &outcome() const { return m_outcome; }
    bool isBusy() const { return m_running > 0 || m_debounce.isActive(); }
    // Reads both schemas again and checks (View > Refresh schemas).
    void refresh();
    // Drops the result of the check under way.
    void cancel();

Q_SIGNALS:
    void started(bool readingSchemas);
    // The newest check's result; milliseconds from the request to the result.
    void finished(const cutover::ProjectCheck::Outcome &outcome, qint64 milliseconds);
    void cancelled();

private:
    void schedule(bool readSchemas);
    void start();
    void finish(quint64 generation, const ProjectCheck::Outcome &outcome);

    ProjectDocument &m_document;
    const PasswordProvider *m_passwords;
    ProjectCheck::Outcome m_outcome;
    bool m_haveSchemas = false;
    bool m_readSchemas = false;
    quint64 m_generation = 0;
    int m_running = 0;
    QTimer m_debounce;
    QElapsedTimer m_clock;
};

} // namespace cutover

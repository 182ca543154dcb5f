#pragma once

#include "canvas/ColumnSuggestionJob.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSlider;

namespace cutover {

class ColumnMappingModel;
class ElidedLabel;
class MappingScene;
class PasswordProvider;
class ProjectDocument;
class SuggestionLine;

// Auto-map on the canvas: "Suggest" asks AutoMapper (on a worker, with source samples) for the
// unmapped columns of the shown table mapping; the scene draws each suggestion as a dash-dot
// line. A slider picks the confidence "Accept" takes all suggestions at or above; "Reject all"
// clears them. A result for a table mapping no longer shown is dropped. The bar shows only while
// there is something to say; its Suggest button goes where the owner puts it.
class SuggestionBar : public QWidget
{
    Q_OBJECT

public:
    SuggestionBar(ProjectDocument &document, ColumnMappingModel &columns, MappingScene &scene,
                  QWidget *parent = nullptr);

    void setPasswordProvider(const PasswordProvider *passwords) { m_passwords = passwords; }
    // Starts a new request; a running one's result will be dropped.
    void suggest();

    QPushButton *suggestButton() const { return m_suggest; }
    QPushButton *acceptButton() const { return m_accept; }
    QSlider *thresholdSlider() const { return m_threshold; }
    QString statusText() const;

Q_SIGNALS:
    // A request's result was shown (not emitted for a dropped one).
    void finished();

private:
    void finish(quint64 generation, const QString &tablePair,
                const ColumnSuggestionJob::Outcome &outcome);
    void refresh();
    double threshold() const;
    const SuggestionLine *selectedSuggestion() const;
    QString tablePair() const;

    ProjectDocument &m_document;
    ColumnMappingModel &m_columns;
    MappingScene &m_scene;
    const PasswordProvider *m_passwords = nullptr;
    QPushButton *m_suggest = nullptr;
    ElidedLabel *m_status = nullptr;
    QLabel *m_thresholdLabel = nullptr;
    QSlider *m_threshold = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_rejectAll = nullptr;
    QString m_notice;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace cutover

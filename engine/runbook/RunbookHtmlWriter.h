#pragma once

#include "runbook/RunbookDocument.h"

#include <QString>

namespace cutover {

// The runbook as one self-contained HTML file (inline CSS, no scripts, no external resources),
// readable on screen and printed on A4: the RAG status with its reasons, the planned and forecast
// end against the window, the critical path; every section's steps with owner, status, planned,
// actual and forecast times, lateness, evidence, notes and a gate's conditions; the sign-offs and
// the decision; the rehearsals side by side. Every value is HTML-escaped.
//
// Flavour::RichText is the same content in the HTML subset QTextDocument renders, for the PDF.
class RunbookHtmlWriter
{
public:
    enum class Flavour
    {
        Browser,
        RichText
    };

    explicit RunbookHtmlWriter(Flavour flavour = Flavour::Browser);

    QString write(const RunbookDocument &document) const;
    // "Runbook — demo — 2024-05-04".
    static QString title(const RunbookDocument &document);

private:
    bool rich() const { return m_flavour == Flavour::RichText; }
    QString masthead(const RunbookDocument &d) const;
    QString facts(const RunbookDocument &d) const;
    QString reasons(const RunbookDocument &d) const;
    QString criticalPath(const RunbookDocument &d) const;
    QString sections(const RunbookDocument &d) const;
    QString section(const RunbookDocument &d, const QList<RunbookDocument::Step> &steps) const;
    QString stepCell(const RunbookDocument::Step &s) const;
    QString details(const RunbookDocument &d, const RunbookDocument::Step &s) const;
    QString signoffs(const RunbookDocument &d) const;
    QString rehearsals(const RunbookDocument &d) const;
    QString footer(const RunbookDocument &d) const;

    Flavour m_flavour;
};

} // namespace cutover

#pragma once

#include "run/RunProgress.h"
#include "run/ledger/RunRecord.h"

#include <QMutex>
#include <QTextStream>

namespace cutover::cli {

// How `cutover-cli run` shows a run: a progress bar redrawn in place on a terminal, a plain line
// per table change (and every few seconds) otherwise, or one JSON object per line
// (--progress=json: {"event":"progress",...}, {"event":"notice",...}, {"event":"finished",...}).
// Thread-safe: notices arrive from the run's worker threads.
class RunProgressPrinter
{
public:
    enum class Style
    {
        Bar,
        Plain,
        Json
    };

    RunProgressPrinter(QTextStream &out, Style style);

    void progress(const RunProgress &progress);
    void notice(const QString &message);
    void finished(const RunRecord &run);

    static QString count(qint64 n);          // 12,345
    static QString duration(qint64 seconds); // 42s, 3m05s, 2h10m; -- when unknown
    static int terminalWidth();

private:
    void plainProgress(const RunProgress &progress);
    void barProgress(const RunProgress &progress);
    void clearBar();
    static QString tableLine(const TableProgress &t);

    QTextStream &m_out;
    Style m_style;
    QMutex m_mutex;
    int m_barLength = 0; // of the bar's line on screen; 0 when none is
    qint64 m_lastPlainMs = -1;
    QHash<QString, TableProgress::Stage> m_stages;
};

} // namespace cutover::cli

#pragma once

#include "core/Result.h"
#include "demo/DemoProgress.h"
#include "demo/DemoTableCount.h"

#include <QList>
#include <QString>

namespace cutover {

// Writes the demo into a folder: legacy.sqlite (the dirty clinic source), modern.sqlite (the
// empty target schema) and demo.cutover (the project mapping one onto the other, with relative
// connection URLs). The folder is created if missing; the three demo files are replaced, nothing
// else in the folder is touched. Each database is written to a temporary file first and renamed
// at the end, so a failed or cancelled run leaves the old files as they were. Blocking: call it
// off the GUI thread.
class DemoGenerator
{
public:
    static constexpr qint64 kDefaultPatients = 5000;
    static constexpr qint64 kMaxPatients = 10'000'000;
    static constexpr quint64 kDefaultSeed = 42;

    struct Options
    {
        QString directory;
        qint64 patients = kDefaultPatients;
        quint64 seed = kDefaultSeed;
        DemoProgressCallback progress;          // optional
        const DemoCancelFlag *cancel = nullptr; // optional
    };

    struct File
    {
        QString path;
        QString role;          // "source", "target" or "project"
        bool replaced = false; // an older file of that name was replaced
        QList<DemoTableCount> tables;
    };

    static QString sourceFileName() { return QStringLiteral("legacy.sqlite"); }
    static QString targetFileName() { return QStringLiteral("modern.sqlite"); }
    static QString projectFileName() { return QStringLiteral("demo.cutover"); }

    static Result<QList<File>> generate(const Options &options);
};

} // namespace cutover

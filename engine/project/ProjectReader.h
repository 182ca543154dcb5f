#pragma once

#include "core/Result.h"
#include "project/Project.h"

#include <QByteArray>

namespace cutover {

// Loads a *.cutover file. A bad file is refused with an Error whose where() names the file, the
// line and column and the JSON path ("demo.cutover:14:22 (mappings[0].columns[3].expression)")
// and whose message says what is wrong. Unknown keys are refused too, so a typo never silently
// drops a setting.
class ProjectReader
{
public:
    static Result<Project> load(const QString &filePath);
    // fileName is only used in messages; baseDir resolves relative connection paths.
    static Result<Project> parse(const QByteArray &text, const QString &fileName,
                                 const QString &baseDir);
};

} // namespace cutover

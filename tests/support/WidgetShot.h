#pragma once

#include <QDir>
#include <QTest>
#include <QWidget>

namespace cutover {

// Saves a picture of widget as name in $CUTOVER_SHOT_DIR when it is set, so a suite can show
// what it drove to whoever looks at the view; nothing without it. Header-only: only the window's
// suites, which link Qt Widgets, include it.
inline void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CUTOVER_SHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    if (!widget.isVisible())
        widget.show();
    QTest::qWait(100); // the layout settles before the grab
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

} // namespace cutover

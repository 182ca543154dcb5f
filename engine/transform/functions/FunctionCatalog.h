#pragma once

#include <QList>
#include <QString>

namespace cutover {

// The functions Cutover adds to SQLite for transform expressions, with their arities and
// documentation. The validator and the editor's completion read it; the transform engine
// registers an implementation for each.
class FunctionCatalog
{
public:
    struct Function
    {
        QString name;
        int minArgs = 0;
        int maxArgs = 0; // -1 for any number
        QString signature;
        QString summary;
        QString example;
    };

    static const QList<Function> &functions();
    static const Function *find(const QString &name);
};

} // namespace cutover

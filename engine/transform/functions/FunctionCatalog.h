#pragma once

#include <QList>
#include <QString>

namespace cutover {

// The functions Cutover adds to SQLite for transform expressions, with their arities and
// documentation. The validator and the editor's completion read it; the transform engine
// registers an implementation for each. sqliteFunctions() documents the SQLite functions an
// expression most often calls (the sandbox allows all but a few), for the editor's completion
// and reference and for docs/functions.md; where Cutover has a function of the same name
// (upper, lower), Cutover's is the one an expression calls.
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
    static const QList<Function> &sqliteFunctions();
    // Cutover's function of that name, else SQLite's documented one; nullptr for neither.
    static const Function *findAny(const QString &name);
};

} // namespace cutover

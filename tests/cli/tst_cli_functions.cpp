#include "CliRunner.h"
#include "transform/functions/FunctionCatalog.h"

#include <QFile>
#include <QTest>

using namespace cutover;
using test::CliRunner;

class TestCliFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryCatalogFunction()
    {
        const auto run = CliRunner::run({QStringLiteral("functions")});
        QCOMPARE(run.exitCode, 0);
        for (const FunctionCatalog::Function &f : FunctionCatalog::functions()) {
            QVERIFY2(run.out.contains(f.signature), qPrintable(f.name));
            QVERIFY2(run.out.contains(f.example), qPrintable(f.name));
        }
    }

    // docs/functions.md is generated; this fails when the catalog changed and the page did not.
    void documentationPageIsUpToDate()
    {
        const auto run =
            CliRunner::run({QStringLiteral("functions"), QStringLiteral("--markdown")});
        QCOMPARE(run.exitCode, 0);
        QFile page(QStringLiteral(CUTOVER_SOURCE_DIR "/docs/functions.md"));
        QVERIFY2(page.open(QIODevice::ReadOnly), "docs/functions.md is missing");
        QCOMPARE(QString::fromUtf8(page.readAll()), run.out);
    }
};

QTEST_GUILESS_MAIN(TestCliFunctions)
#include "tst_cli_functions.moc"

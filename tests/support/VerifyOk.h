#pragma once

#include <QString>
#include <QTest>

// QVERIFY for a cutover::Result: fails the test with the error's text when expr holds an error.
#define VERIFY_OK(expr)                                                                            \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : result_.error().toString())); \
    } while (false)

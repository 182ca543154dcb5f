#pragma once

// QScintilla's headers say `signals` and `slots`; Cutover builds with QT_NO_KEYWORDS. Every file
// includes QScintilla through here.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qsciapis.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>
#undef signals
#undef slots

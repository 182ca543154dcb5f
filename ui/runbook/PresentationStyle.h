#pragma once

#include "runbook/RunbookState.h"

#include <QString>

class QWidget;

namespace cutover {

// The presentation's look: near-black background, white text, and accents that also differ in
// shape (each status, condition and verdict carries its symbol), sized for a 1920x1080 projector
// read from the back of a room. Sizes are pixels at 1080 lines, scaled to the window's height.
// Labels take a role (their size) and a tone (their colour) as dynamic properties the style
// sheet selects on.
class PresentationStyle
{
public:
    enum class Tone
    {
        Plain,
        Muted,
        Good,    // done, met, pass, go
        Active,  // in progress
        Warning, // blocked, needs review, at risk
        Bad,     // failed, blocking, fail, no-go
    };

    static constexpr int kDesignHeight = 1080;

    static QString styleSheet(double scale);
    // The scale for a window of this height, never below a readable minimum.
    static double scaleFor(int height);

    // role: "header", "headerStrong", "stepLine", "title", "body", "small", "footer", "heading",
    // "badge".
    static void setRole(QWidget *widget, const char *role);
    static void setTone(QWidget *widget, Tone tone);
    static Tone toneOf(StepStatus status);
};

} // namespace cutover

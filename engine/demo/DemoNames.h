#pragma once

#include <span>
#include <string_view>

namespace cutover {

// The fixed word lists the demo clinic is made of. A name has its display spelling and the
// ASCII spelling people used in e-mail addresses.
struct DemoName
{
    std::string_view display;
    std::string_view ascii;
};

struct DemoObservationKind
{
    std::string_view code;
    std::string_view unit;
    int minimum;  // in tenths
    int maximum;  // in tenths
    bool decimal; // printed with one decimal
};

class DemoNames
{
public:
    static std::span<const DemoName> firstNames();
    static std::span<const DemoName> lastNames();
    // Non-ASCII names (Müller, Dvořák, Ñúñez, Øster, 李, Σωκράτης, ...), mixed in at a small rate.
    static std::span<const DemoName> internationalFirstNames();
    static std::span<const DemoName> internationalLastNames();
    static std::span<const std::string_view> emailDomains();
    static std::span<const std::string_view> visitReasons();
    static std::span<const std::string_view> specialtyCodes();
    static std::span<const DemoObservationKind> observationKinds();
    static std::span<const std::string_view> siteCodes(); // the first is the wave-1 site
};

} // namespace cutover

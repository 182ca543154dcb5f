#pragma once

namespace cutover {

struct ProjectSettings
{
    int batchSize = 5000;
    int parallelTables = 2;
    double maxErrorRate = 0.05; // stop the run when this share of rows is quarantined
    int maxQuarantined = -1;    // stop after this many quarantined rows; -1 for no limit
    int sampleRows = 500;       // default preview sample

    bool operator==(const ProjectSettings &) const = default;
};

} // namespace cutover

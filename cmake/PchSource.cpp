// Compiles a precompiled header that other targets reuse (cmake/FastBuild.cmake); it has nothing
// of its own.

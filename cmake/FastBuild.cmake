# Build speed on two cores (CUTOVER_FAST_BUILD, on by default). Measured on a clean build of
# 1,100 steps: the compiler's time goes mostly to parsing Qt's headers again in every file, and
# the linker's to the 150 test programs.
# - The Qt and standard headers nearly every file includes are precompiled once for the engine's
#   districts, pdf, models and the CLI's commands, once for the window, and once per test folder;
#   the others reuse that header instead of building their own.
# - Test programs are compiled at -O1 (their own code only; the engine they test stays at -O2):
#   a third less compile time, and the engine's timings are unchanged.
# - The gold linker, about half the time of the default one for a test program.
option(CUTOVER_FAST_BUILD "Precompiled headers, -O1 test programs and the gold linker" ON)

set(CUTOVER_PCH_CORE
  <QByteArray> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument>
  <QJsonObject> <QJsonValue> <QList> <QLocale> <QMap> <QObject> <QRegularExpression> <QSet>
  <QString> <QStringList> <QVariant> <algorithm> <functional> <memory> <optional> <vector>)
set(CUTOVER_PCH_WIDGETS
  ${CUTOVER_PCH_CORE} <QAction> <QComboBox> <QHBoxLayout> <QHeaderView> <QLabel> <QLineEdit>
  <QMenu> <QPainter> <QPushButton> <QSplitter> <QTableView> <QTimer> <QToolButton> <QTreeView>
  <QVBoxLayout> <QWidget>)
set(CUTOVER_PCH_TEST <QSignalSpy> <QTemporaryDir> <QTest>)

if(CUTOVER_FAST_BUILD)
  include(CheckLinkerFlag)
  check_linker_flag(CXX "-fuse-ld=gold" CUTOVER_HAVE_GOLD)
  if(CUTOVER_HAVE_GOLD)
    add_link_options(-fuse-ld=gold)
  endif()
  # A precompiled header the compiler cannot use is parsed as text: say so, it costs the speed.
  target_compile_options(cutover_warnings INTERFACE -Winvalid-pch)
endif()

# One precompiled header of CUTOVER_PCH_CORE, reused by these libraries (call after they exist).
function(cutover_share_core_pch)
  if(NOT CUTOVER_FAST_BUILD)
    return()
  endif()
  add_library(cutover_pch_core OBJECT ${PROJECT_SOURCE_DIR}/cmake/PchSource.cpp)
  target_link_libraries(cutover_pch_core PRIVATE Qt6::Core cutover_warnings)
  target_precompile_headers(cutover_pch_core PRIVATE ${CUTOVER_PCH_CORE})
  foreach(library ${ARGN})
    target_precompile_headers(${library} REUSE_FROM cutover_pch_core)
  endforeach()
endfunction()

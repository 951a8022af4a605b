# The libFuzzer targets (tests/fuzz/) need clang-14, so they are their own CMake project, built by this tree as
# an external project into build/native/fuzz and run briefly per target in CTest (scripts/fuzz runs them longer).
include(ExternalProject)
find_program(SSI_FUZZ_CXX clang++-14 REQUIRED)
set(SSI_FUZZ_DIR "${CMAKE_BINARY_DIR}/fuzz" CACHE INTERNAL "")
ExternalProject_Add(ssi_fuzzers
  SOURCE_DIR "${CMAKE_CURRENT_SOURCE_DIR}/fuzz"
  BINARY_DIR "${SSI_FUZZ_DIR}"
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS -DCMAKE_CXX_COMPILER=${SSI_FUZZ_CXX} -DCMAKE_BUILD_TYPE=
  # The sub-build tracks the core's sources itself; its ninja run is a no-op when nothing changed.
  BUILD_ALWAYS ON
  INSTALL_COMMAND "")

# Seconds per target in CTest: long enough to pass the seeds and mutate them, short enough for every test run.
set(SSI_FUZZ_SECONDS 3 CACHE STRING "libFuzzer run time per target in CTest")
file(GLOB _fuzz_targets CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.cpp")
foreach(_src IN LISTS _fuzz_targets)
  get_filename_component(_target "${_src}" NAME_WE)
  string(REPLACE "fuzz_" "" _name "${_target}")
  # libFuzzer writes what it finds new into its first corpus folder: a scratch folder, never the committed seeds.
  set(_work "${SSI_FUZZ_DIR}/ctest-corpus/${_name}")
  file(MAKE_DIRECTORY "${_work}" "${SSI_FUZZ_DIR}/findings")
  ssi_add_test(NAME fuzz.${_name}
    COMMAND "${SSI_FUZZ_DIR}/${_target}" "${_work}" "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/seeds/${_name}"
            "-dict=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/json.dict" -max_total_time=${SSI_FUZZ_SECONDS} -max_len=16384
            -timeout=10 -rss_limit_mb=2048 "-artifact_prefix=${SSI_FUZZ_DIR}/findings/${_name}-"
    TIMEOUT 120
    LABELS native fuzz)
endforeach()

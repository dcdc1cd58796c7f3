# The service table compiled into pclassify_core, and which registry it comes from.
#
#   -DPCLASSIFY_REGISTRY=<file>[;<file>...]   the registry files to compile (any rendering
#                                             pclassify-gen reads; merged newest-wins)
# Without it: the official IANA XML committed in registry/ (the embedded snapshot, so every
# clone has the full table off-line; scripts/fetch-registry.sh replaces it from IANA).
#
# Wireshark's services file (names and descriptions only: no Reserved/Unassigned rows, no
# notes, no dates; not installed at all by Wireshark 4.2+) is used only when asked for:
# -DPCLASSIFY_REGISTRY=/usr/share/wireshark/services. What is used is announced at
# configure time.
#
# The build runs pclassify-gen, which checks the inputs (a failed check fails the build),
# writes the table into the build tree and a C++ source holding its bytes; that source is
# compiled into pclassify_core and read by ServiceTable::builtin() through the same loader
# as a table file. Changing an input file reruns pclassify-gen.

set(PCLASSIFY_EMBEDDED_REGISTRY "${PROJECT_SOURCE_DIR}/registry/service-names-port-numbers.xml"
    CACHE INTERNAL "The official IANA registry committed in the repository")

set(_pclassify_registry_inputs "")
set(PCLASSIFY_BUILTIN_FROM_EMBEDDED OFF CACHE INTERNAL "Whether the built-in table is the embedded registry's")
if(PCLASSIFY_REGISTRY)
  foreach(_file IN LISTS PCLASSIFY_REGISTRY)
    get_filename_component(_abs "${_file}" ABSOLUTE BASE_DIR "${PROJECT_SOURCE_DIR}")
    if(NOT EXISTS "${_abs}")
      message(FATAL_ERROR "PCLASSIFY_REGISTRY names ${_file}, which does not exist")
    endif()
    list(APPEND _pclassify_registry_inputs "${_abs}")
  endforeach()
  message(STATUS "pclassify: built-in service table from PCLASSIFY_REGISTRY: ${_pclassify_registry_inputs}")
  if(_pclassify_registry_inputs MATCHES "/services$")
    message(WARNING "pclassify: the built-in service table is compiled from a Wireshark "
                    "services file, as asked: names and descriptions only, without "
                    "Reserved/Unassigned rows, de-assignments, notes or dates.")
  endif()
elseif(EXISTS "${PCLASSIFY_EMBEDDED_REGISTRY}")
  # Named relative to the source tree, so the table's provenance (--registry-info) says
  # registry/service-names-port-numbers.xml wherever the clone is.
  file(RELATIVE_PATH _pclassify_registry_inputs "${PROJECT_SOURCE_DIR}" "${PCLASSIFY_EMBEDDED_REGISTRY}")
  set(PCLASSIFY_BUILTIN_FROM_EMBEDDED ON CACHE INTERNAL "Whether the built-in table is the embedded registry's")
  message(STATUS "pclassify: built-in service table from the embedded registry ${PCLASSIFY_EMBEDDED_REGISTRY}")
else()
  message(FATAL_ERROR "pclassify: the embedded registry ${PCLASSIFY_EMBEDDED_REGISTRY} is "
                      "missing (a damaged checkout?); restore it with `git checkout -- registry/` "
                      "or name registry files with -DPCLASSIFY_REGISTRY=<file>.")
endif()

set(_pclassify_registry_dependencies "")
foreach(_file IN LISTS _pclassify_registry_inputs)
  get_filename_component(_abs "${_file}" ABSOLUTE BASE_DIR "${PROJECT_SOURCE_DIR}")
  list(APPEND _pclassify_registry_dependencies "${_abs}")
endforeach()

set(_pclassify_table "${CMAKE_CURRENT_BINARY_DIR}/services/service-table.txt")
set(_pclassify_table_cpp "${CMAKE_CURRENT_BINARY_DIR}/services/builtin_table_data.cpp")
file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/services")

add_custom_command(
  OUTPUT "${_pclassify_table}" "${_pclassify_table_cpp}"
  COMMAND pclassify-gen --table "${_pclassify_table}" --embed-cpp "${_pclassify_table_cpp}"
          ${_pclassify_registry_inputs}
  DEPENDS pclassify-gen ${_pclassify_registry_dependencies}
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "pclassify-gen: compiling the service table from ${_pclassify_registry_inputs}"
  VERBATIM)

target_sources(pclassify_core PRIVATE "${_pclassify_table_cpp}")
# The table text itself, for tests and for `pclassify --table` experiments.
set(PCLASSIFY_BUILTIN_TABLE_FILE "${_pclassify_table}" CACHE INTERNAL "The generated table file")

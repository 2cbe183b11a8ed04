# modelc.cmake - regenerate C models from OpenAPI schemas at build time.
#
# Installed as ${PREFIX}/share/modelc/modelc.cmake.  Usage:
#
#   include(/usr/local/share/modelc/modelc.cmake)
#   modelc_generate(models
#       SCHEMAS ${CMAKE_CURRENT_SOURCE_DIR}/schema/Pet.yaml
#       [PREFIX app] [OUTPUT_DIR dir] [TEMPLATES dir])
#   target_link_libraries(app PRIVATE models)
#
# modelc_generate(TARGET ...) adds a static library TARGET built from the
# generated sources, with the output folder as a public include directory.
# modelc reruns when a schema or template it read changes (through the
# dependency file it writes); it rewrites only files whose bytes change.
# Set MODELC_EXECUTABLE to use a modelc that is not on PATH.

function(modelc_generate target)
  cmake_parse_arguments(MC "" "PREFIX;OUTPUT_DIR;TEMPLATES" "SCHEMAS" ${ARGN})
  if(NOT MC_SCHEMAS)
    message(FATAL_ERROR "modelc_generate(${target}): SCHEMAS is required")
  endif()
  if(NOT MODELC_EXECUTABLE)
    find_program(MODELC_EXECUTABLE modelc REQUIRED)
  endif()
  if(NOT MC_OUTPUT_DIR)
    set(MC_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}")
  endif()
  set(flags)
  if(MC_PREFIX)
    list(APPEND flags --prefix ${MC_PREFIX})
  endif()
  if(MC_TEMPLATES)
    list(APPEND flags --templates ${MC_TEMPLATES})
  endif()
  execute_process(
    COMMAND ${MODELC_EXECUTABLE} --list-outputs -o ${MC_OUTPUT_DIR} ${flags} ${MC_SCHEMAS}
    OUTPUT_VARIABLE outputs RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "modelc --list-outputs failed for ${target}")
  endif()
  string(STRIP "${outputs}" outputs)
  string(REPLACE "\n" ";" outputs "${outputs}")
  set(sources ${outputs})
  list(FILTER sources INCLUDE REGEX "\\.c$")
  set(stamp "${MC_OUTPUT_DIR}/.modelc-stamp")
  add_custom_command(
    OUTPUT ${stamp}
    BYPRODUCTS ${outputs}
    COMMAND ${MODELC_EXECUTABLE} -o ${MC_OUTPUT_DIR}
            --depfile ${MC_OUTPUT_DIR}/.modelc.d --depfile-target ${stamp}
            ${flags} ${MC_SCHEMAS}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${MC_SCHEMAS}
    DEPFILE ${MC_OUTPUT_DIR}/.modelc.d
    COMMENT "modelc: generating ${target}"
    VERBATIM)
  add_custom_target(${target}_generate DEPENDS ${stamp})
  add_library(${target} STATIC ${sources})
  add_dependencies(${target} ${target}_generate)
  target_include_directories(${target} PUBLIC ${MC_OUTPUT_DIR})
endfunction()

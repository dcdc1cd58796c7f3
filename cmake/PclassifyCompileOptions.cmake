# Warnings and sanitizers for every project target, set in one place.
add_library(pclassify_options INTERFACE)
target_compile_options(pclassify_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                   -Wno-sign-conversion)
if(PCLASSIFY_WERROR)
  target_compile_options(pclassify_options INTERFACE -Werror)
endif()

if(PCLASSIFY_SANITIZE)
  # Applied globally so that test binaries and GoogleTest's main agree on the runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

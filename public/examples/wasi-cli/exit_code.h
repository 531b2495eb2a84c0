// exit_with_code for a WASI preview1 command: proc_exit carries the code as it is.
// (The component build of cli-demo.c uses wasi:cli/exit's exit-with-code instead.)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static _Noreturn void exit_with_code(uint8_t code) {
  fflush(stdout);
  fflush(stderr);
  exit(code);
}

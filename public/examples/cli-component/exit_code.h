// The preview1 adapter maps every non-zero proc_exit to exit(err), which hosts report as 1.
// wasi:cli/exit's exit-with-code (0.2.12, unstable) carries the real code, so call it directly.
#include <stdint.h>
#include <stdio.h>

__attribute__((import_module("wasi:cli/exit@0.2.12"), import_name("exit-with-code")))
_Noreturn void wasi_cli_exit_with_code(int32_t code);

static _Noreturn void exit_with_code(uint8_t code) {
  fflush(stdout);
  fflush(stderr);
  wasi_cli_exit_with_code(code);
}

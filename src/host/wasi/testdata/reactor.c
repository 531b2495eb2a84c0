// WASI reactor fixture: _initialize, then exports called one by one.
// Rebuild with ./build.sh.
#include <stdio.h>

static int calls;

__attribute__((constructor)) static void init(void) { calls = 100; }

__attribute__((export_name("add"))) int add(int a, int b) {
  calls++;
  printf("add %d %d\n", a, b);
  fflush(stdout);
  return a + b + calls;
}

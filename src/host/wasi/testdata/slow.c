// WASI fixture for the e2e tests: prints `n` lines (default 3) `ms` ms apart (default 300),
// flushing each, so the Console must show them while the program runs.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 3;
  int ms = argc > 2 ? atoi(argv[2]) : 300;
  for (int i = 1; i <= n; i++) {
    if (i > 1) {
      struct timespec nap = {ms / 1000, (ms % 1000) * 1000000L};
      nanosleep(&nap, NULL);
    }
    printf("line %d\n", i);
    fflush(stdout);
  }
  return 0;
}

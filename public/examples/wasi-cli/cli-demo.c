// wasi:cli command fixture: args, env, stdin, stderr and the exit code, one line at a time.
// Flags: --slow sleeps 200 ms between lines (to see live Console output); --fail exits with code 3.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "exit_code.h"

static int slow;

static void line_done(void) {
  fflush(stdout);
  if (slow) {
    struct timespec nap = {0, 200 * 1000 * 1000};
    nanosleep(&nap, NULL);
  }
}

int main(int argc, char **argv) {
  int fail = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--slow")) slow = 1;
    if (!strcmp(argv[i], "--fail")) fail = 1;
  }
  printf("args: %d\n", argc);
  line_done();
  for (int i = 0; i < argc; i++) {
    printf("arg[%d]: %s\n", i, argv[i]);
    line_done();
  }
  const char *greeting = getenv("GREETING");
  if (greeting) printf("GREETING=%s\n", greeting);
  else printf("GREETING is not set\n");
  line_done();

  // stdin to its end, echoed uppercased; a line is flushed as soon as it is complete.
  int c, last = '\n';
  long n = 0;
  while ((c = getchar()) != EOF) {
    putchar(toupper(c));
    n++;
    last = c;
    if (c == '\n') line_done();
  }
  if (last != '\n') {
    putchar('\n');
    line_done();
  }
  printf("stdin: %ld bytes\n", n);
  line_done();

  fprintf(stderr, "cli-demo: a line on stderr\n");
  if (fail) {
    printf("failing with exit code 3\n");
    fflush(stdout);
    exit_with_code(3);
  }
  printf("done\n");
  return 0;
}

// WASI fixture for fd_renumber (renumber.test.ts): the stdio dance Yosys's ABC step does.
// Prints lines, parks stdout/stderr on unopened numbers with fd_renumber(1,5) and (2,6),
// puts a log file on fd 1, prints into it, restores stdio with (5,1) and (6,2), prints more
// and writes a second file. argv: dir (default /data), "before" to open the log before
// parking stdio (it gets fd 4 with one preopen, as in Yosys's trace), lines after (default 120).
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

static void renumber(int from, int to) {
  __wasi_errno_t e = __wasi_fd_renumber((__wasi_fd_t)from, (__wasi_fd_t)to);
  if (e != 0) {
    // stderr may be parked: report on whichever of 2 and 6 is open, then fail.
    dprintf(2, "fd_renumber(%d, %d): errno %d\n", from, to, e);
    dprintf(6, "fd_renumber(%d, %d): errno %d\n", from, to, e);
    exit(10 + e);
  }
}

static int openw(const char *dir, const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) { perror(path); exit(2); }
  return fd;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/data";
  int before = argc > 2 && strcmp(argv[2], "before") == 0;
  int after = argc > 3 ? atoi(argv[3]) : 120;
  for (int i = 1; i <= 3; i++) printf("stdout line %d\n", i);
  fprintf(stderr, "stderr before\n");
  int log = before ? openw(dir, "log.txt") : -1;
  fflush(stdout);
  renumber(1, 5);
  renumber(2, 6);
  dprintf(6, "stderr parked on 6\n");
  if (!before) log = openw(dir, "log.txt");
  if (log != 1) renumber(log, 1);
  printf("log fd was %d\n", log);
  for (int i = 1; i <= 5; i++) printf("log line %d\n", i);
  fflush(stdout);
  renumber(5, 1);
  renumber(6, 2);
  for (int i = 4; i < 4 + after; i++) printf("stdout line %d\n", i);
  fflush(stdout);
  int out = openw(dir, "netlist.txt");
  dprintf(out, "netlist written to fd %d\n", out);
  if (close(out) != 0) { perror("close"); return 3; }
  fprintf(stderr, "stderr after\n");
  printf("done\n");
  return 0;
}

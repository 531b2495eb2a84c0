// WASI fixture for the e2e tests: writes numbered files dir/0000.txt, dir/0001.txt, … (up to
// `count`, default forever), each `kib` KiB (default 16) of its own number's digits, closing
// each before the next, `ms` ms apart (default 20). Stop it mid-loop: every closed file is whole.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/data";
  int count = argc > 2 ? atoi(argv[2]) : 0;
  int kib = argc > 3 ? atoi(argv[3]) : 16;
  int ms = argc > 4 ? atoi(argv[4]) : 20;
  static char buf[1024];
  char path[512];
  for (int i = 0; count == 0 || i < count; i++) {
    snprintf(path, sizeof path, "%s/%04d.txt", dir, i);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror(path); return 1; }
    memset(buf, '0' + i % 10, sizeof buf);
    for (int k = 0; k < kib; k++) {
      if (write(fd, buf, sizeof buf) != sizeof buf) { perror("write"); return 1; }
    }
    if (close(fd) != 0) { perror("close"); return 1; }
    printf("closed %s\n", path);
    fflush(stdout);
    struct timespec nap = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&nap, NULL);
  }
  return 0;
}

// WASI fixture for the hardening e2e tests and bench: guests that try to take the page down.
//   bombs flood [bytes-per-line]   print "x" lines forever (a console flood)
//   bombs line                     print one line with no newline, forever
//   bombs chatty DIR LINES MS      write DIR/0000.txt, 0001.txt, … forever, each closed, then LINES lines of stdout, then sleep MS
//   bombs big MB                   print MB megabytes of stdout, then exit 0
//   bombs check DIR KIB            for files.wasm's output: print "NNNN ok" or "NNNN partial" per file in DIR
//                                  (KIB KiB of its number's last digit), sorted by the directory listing
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char buf[65536];

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "flood";
  if (strcmp(mode, "flood") == 0) {
    int n = argc > 2 ? atoi(argv[2]) : 1;
    if (n < 1 || n > 60000) n = 1;
    memset(buf, 'x', n);
    buf[n] = '\n';
    for (;;) write(1, buf, n + 1);
  }
  if (strcmp(mode, "line") == 0) {
    memset(buf, 'y', sizeof buf);
    for (;;) write(1, buf, sizeof buf);
  }
  if (strcmp(mode, "chatty") == 0) {
    const char *dir = argc > 2 ? argv[2] : "/data";
    int lines = argc > 3 ? atoi(argv[3]) : 300;
    int ms = argc > 4 ? atoi(argv[4]) : 0;
    struct timespec nap = {ms / 1000, (ms % 1000) * 1000000L};
    char path[512];
    for (int i = 0;; i++) {
      snprintf(path, sizeof path, "%s/%04d.txt", dir, i);
      int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0) { perror(path); return 1; }
      int len = snprintf(buf, sizeof buf, "file %d\n", i);
      for (int k = 0; k < 64; k++) write(fd, buf, len);  // 64 copies: its checksum is its number
      if (close(fd) != 0) { perror("close"); return 1; }
      for (int k = 0; k < lines; k++) printf("file %d line %d\n", i, k);
      printf("closed %d\n", i);
      fflush(stdout);
      if (ms > 0) nanosleep(&nap, NULL);
    }
  }
  if (strcmp(mode, "big") == 0) {
    long mb = argc > 2 ? atol(argv[2]) : 500;
    memset(buf, 'z', sizeof buf);
    for (long i = 0; i < mb * 16; i++) write(1, buf, sizeof buf);
    return 0;
  }
  if (strcmp(mode, "check") == 0) {
    const char *dir = argc > 2 ? argv[2] : "/data";
    long want = (argc > 3 ? atol(argv[3]) : 16) * 1024;
    DIR *d = opendir(dir);
    if (!d) { perror(dir); return 1; }
    struct dirent *e;
    char path[512];
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      int fd = open(path, O_RDONLY);
      if (fd < 0) { printf("%.4s partial\n", e->d_name); continue; }
      char digit = e->d_name[3];
      long size = 0;
      int ok = 1;
      for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        for (ssize_t k = 0; k < n; k++) if (buf[k] != digit) ok = 0;
        size += n;
      }
      close(fd);
      printf("%.4s %s\n", e->d_name, ok && size == want ? "ok" : "partial");
    }
    closedir(d);
    return 0;
  }
  fprintf(stderr, "unknown mode %s\n", mode);
  return 2;
}

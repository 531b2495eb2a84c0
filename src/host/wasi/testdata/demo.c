// WASI fixture for the host's unit tests: one small command, several modes (argv[1]).
// Rebuild with ./build.sh (Debian: clang, lld, wasi-libc, libclang-rt-dev-wasm32).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int fail(const char *what) {
  int e = errno;
  fprintf(stderr, "%s: errno %d (%s)\n", what, e, strerror(e));
  return 10 + (e & 0x7f);
}

static int write_file(const char *path, const char *text, int flags) {
  int fd = open(path, O_WRONLY | O_CREAT | flags, 0644);
  if (fd < 0) return fail("open");
  size_t len = strlen(text);
  if (write(fd, text, len) != (ssize_t)len) return fail("write");
  if (close(fd) != 0) return fail("close");
  return 0;
}

static int cat(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return fail("open");
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, n, stdout);
  if (n < 0) return fail("read");
  close(fd);
  return 0;
}

// Writes `mib` MiB of a byte pattern; closes the file unless `keep_open`.
static int big(const char *path, int mib, int keep_open) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return fail("open");
  static char chunk[65536];
  for (int i = 0; i < mib * 16; i++) {
    memset(chunk, 'a' + i % 26, sizeof chunk);
    if (write(fd, chunk, sizeof chunk) != sizeof chunk) return fail("write");
  }
  if (!keep_open && close(fd) != 0) return fail("close");
  return 0;
}

static int list(const char *path) {
  DIR *d = opendir(path);
  if (!d) return fail("opendir");
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] != '.') printf("%s\n", e->d_name);
  }
  closedir(d);
  return 0;
}

// Clocks and randomness: identical output twice only in deterministic mode.
static int entropy(void) {
  struct timespec rt, mono;
  clock_gettime(CLOCK_REALTIME, &rt);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  unsigned char bytes[16];
  if (getentropy(bytes, sizeof bytes) != 0) return fail("getentropy");
  printf("realtime %lld.%09ld\nmonotonic %lld.%09ld\nrandom ", (long long)rt.tv_sec, rt.tv_nsec,
         (long long)mono.tv_sec, mono.tv_nsec);
  for (int i = 0; i < 16; i++) printf("%02x", bytes[i]);
  struct timespec nap = {0, 5000000};
  nanosleep(&nap, NULL);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  printf("\nafter sleep %lld.%09ld\n", (long long)mono.tv_sec, mono.tv_nsec);
  return 0;
}

static int sockets(void) {
  char c;
  int r1 = shutdown(1, SHUT_RD);
  int e1 = errno;
  int r2 = recv(0, &c, 1, 0);
  int e2 = errno;
  int r3 = shutdown(99, SHUT_RD);
  int e3 = errno;
  printf("shutdown %d %d\nrecv %d %d\nshutdown-badf %d %d\n", r1, e1, r2, e2, r3, e3);
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "echo";
  const char *a = argc > 2 ? argv[2] : "";
  const char *b = argc > 3 ? argv[3] : "";
  if (!strcmp(mode, "echo")) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; *e; e++) printf("env %s\n", *e);
    char buf[256];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) fwrite(buf, 1, n, stdout);
    fprintf(stderr, "echo done\n");
    return 0;
  }
  if (!strcmp(mode, "exit")) return atoi(a);
  if (!strcmp(mode, "write")) return write_file(a, b, O_TRUNC);
  if (!strcmp(mode, "append")) return write_file(a, b, O_APPEND);
  if (!strcmp(mode, "read")) return cat(a);
  if (!strcmp(mode, "mkdir")) return mkdir(a, 0755) ? fail("mkdir") : 0;
  if (!strcmp(mode, "rm")) return unlink(a) ? fail("unlink") : 0;
  if (!strcmp(mode, "mv")) return rename(a, b) ? fail("rename") : 0;
  if (!strcmp(mode, "symlink")) return symlink(a, b) ? fail("symlink") : 0;
  if (!strcmp(mode, "ls")) return list(a);
  if (!strcmp(mode, "big")) return big(a, atoi(b), 0);
  if (!strcmp(mode, "big-open")) return big(a, atoi(b), 1);
  if (!strcmp(mode, "entropy")) return entropy();
  if (!strcmp(mode, "sockets")) return sockets();
  fprintf(stderr, "unknown mode %s\n", mode);
  return 2;
}

// WASI fixture for `npm run bench` (e2e/bench/wasiFs.bench.ts): write or read back a big file.
//   fsbench write PATH MIB   writes MIB MiB in 64 KiB chunks (chunk k is all 'a' + k % 26), closes
//   fsbench read PATH        reads it back in 64 KiB chunks, checks every byte, prints the size
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536
static unsigned char buf[CHUNK];

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: fsbench write PATH MIB | read PATH\n"); return 2; }
  const char *path = argv[2];
  if (!strcmp(argv[1], "write")) {
    int chunks = (argc > 3 ? atoi(argv[3]) : 1) * (1 << 20) / CHUNK;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    for (int k = 0; k < chunks; k++) {
      memset(buf, 'a' + k % 26, CHUNK);
      if (write(fd, buf, CHUNK) != CHUNK) { perror("write"); return 1; }
    }
    if (close(fd) != 0) { perror("close"); return 1; }
    printf("wrote %lld bytes\n", (long long)chunks * CHUNK);
    return 0;
  }
  if (!strcmp(argv[1], "read")) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror("open"); return 1; }
    long long total = 0;
    for (;;) {
      ssize_t got = 0, n;
      while (got < CHUNK && (n = read(fd, buf + got, CHUNK - got)) > 0) got += n;
      if (got == 0) break;
      unsigned char want = 'a' + (total / CHUNK) % 26;
      for (ssize_t i = 0; i < got; i++)
        if (buf[i] != want) { fprintf(stderr, "bad byte at %lld\n", total + i); return 3; }
      total += got;
      if (got < CHUNK) break;
    }
    close(fd);
    printf("read %lld bytes ok\n", total);
    return 0;
  }
  fprintf(stderr, "unknown mode %s\n", argv[1]);
  return 2;
}

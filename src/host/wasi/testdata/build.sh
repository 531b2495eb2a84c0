#!/bin/sh
# Rebuilds the WASI fixtures from their C sources with Debian's packages:
#   apt-get install clang lld wasi-libc libclang-rt-dev-wasm32
set -eu
cd "$(dirname "$0")"
CC="${CC:-clang}"
# -Oz and --strip-all keep the committed binaries small; integer-only printf saves ~6 KB more.
FLAGS="--target=wasm32-wasi --sysroot=/usr -Oz -Wl,--strip-all -D__wasilibc_printscan_no_floating_point"
LIBS="-lc-printscan-no-floating-point"
$CC $FLAGS -o demo.wasm demo.c $LIBS
$CC $FLAGS -mexec-model=reactor -o reactor.wasm reactor.c $LIBS
ls -l demo.wasm reactor.wasm
# e2e fixtures (e2e/wasi*.spec.ts): slow printing, a PNG on stdout, a loop writing numbered files;
# fsbench for e2e/bench/wasiFs.bench.ts.
for f in slow png files fsbench bombs; do $CC $FLAGS -o $f.wasm $f.c $LIBS; done
ls -l slow.wasm png.wasm files.wasm fsbench.wasm bombs.wasm
# renumber: the stdio fd_renumber dance of Yosys's ABC step (src/host/wasi/renumber.test.ts).
$CC $FLAGS -o renumber.wasm renumber.c $LIBS
ls -l renumber.wasm

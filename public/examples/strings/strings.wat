;; strings.wat -> strings.wasm
;; Strings across the boundary. WebAssembly functions take and return numbers only, so text
;; travels through linear memory as (pointer, length): the host copies stdin into memory with
;; fd_read, the module builds "Hello, <stdin>!" from memory, and fd_write hands the host
;; pointers and lengths (an iovec) to read the answer back out.
;;   stdin "WebAssembly" -> stdout "Hello, WebAssembly!\n" (trailing newlines of stdin are trimmed)
;;
;; Memory: 0..7 one iovec {ptr, len}, 8..11 the byte count the host writes back,
;; 16.. the constant texts, 64.. the bytes read from stdin (up to 60000).
(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, ")
  (data (i32.const 24) "!\n")

  ;; Hand the host one (pointer, length) to write to stdout (fd 1).
  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func (export "_start")
    (local $len i32)
    (local $n i32)
    ;; Read stdin (fd 0) to its end: the host writes the bytes at 64 + len and the count at 8.
    (block $done
      (loop $more
        (i32.store (i32.const 0) (i32.add (i32.const 64) (local.get $len)))
        (i32.store (i32.const 4) (i32.sub (i32.const 60000) (local.get $len)))
        (br_if $done (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
        (local.set $n (i32.load (i32.const 8)))
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $len (i32.add (local.get $len) (local.get $n)))
        (br_if $more (i32.lt_u (local.get $len) (i32.const 60000)))))
    ;; Drop trailing newlines.
    (block $trimmed
      (loop $trim
        (br_if $trimmed (i32.eqz (local.get $len)))
        (br_if $trimmed (i32.ne (i32.load8_u (i32.add (i32.const 63) (local.get $len))) (i32.const 10)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $trim)))
    (call $write (i32.const 16) (i32.const 7))
    (call $write (i32.const 64) (local.get $len))
    (call $write (i32.const 24) (i32.const 2))))

;; count-vowels.wat -> extism/count-vowels.wasm
;; The classic Extism demo plugin, hand-written against the kernel ABI (no PDK): config, a var
;; that persists across calls, JSON output. Byte for byte the output of Extism's own
;; count-vowels example:
;;
;;   count_vowels() -> i32
;;     Counts the input bytes that are vowels, adds the count to var `total`, and outputs
;;       {"count":N,"total":T,"vowels":"aeiouAEIOU"}          (compact JSON, no newline)
;;     e.g. "Hello, World!" -> {"count":3,"total":3,"vowels":"aeiouAEIOU"}, then again with the
;;     same vars -> {"count":3,"total":6,"vowels":"aeiouAEIOU"}.
;;     Config `vowels`, when set, is the set of vowel bytes instead of aeiouAEIOU (byte-wise, so
;;     use ASCII; "" counts nothing; longer than 1024 bytes is an error). It is echoed in the
;;     JSON with `"` and `\` escaped and control bytes as \u00XX.
;;     Var `total` is the running total as a DECIMAL STRING ("6"), so the Vars view shows it as
;;     text. An absent var counts as 0. Returns 0.
;;     Errors (error_set, returns 1): var `total` holds something other than 1..20 ASCII digits
;;       -> `var "total" is not a decimal number`;
;;     config `vowels` over 1024 bytes -> `config "vowels" is longer than 1024 bytes`.
;;
;; Reads the input 8 bytes at a time (input_load_u64, as the Rust PDK does) and counts through a
;; 256-entry table, so 1 MB takes about 130k host calls.
;;
;; Linear memory: 16..255 NUL-terminated constants, 512..767 the vowel table (1 = vowel),
;; 1024..2047 the config value, 2048..2079 the var's digits, 4096.. the JSON being built.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "input_load_u64" (func $input_load_u64 (param i64) (result i64)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "free" (func $free (param i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "load_u8" (func $load_u8 (param i64) (result i32)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "config_get" (func $config_get (param i64) (result i64)))
  (import "extism:host/env" "var_get" (func $var_get (param i64) (result i64)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))

  (memory (export "memory") 1)
  (data (i32.const 16) "vowels\00")
  (data (i32.const 24) "total\00")
  (data (i32.const 32) "aeiouAEIOU\00")
  (data (i32.const 48) "{\"count\":\00")
  (data (i32.const 64) ",\"total\":\00")
  (data (i32.const 80) ",\"vowels\":\"\00")
  (data (i32.const 96) "\"}\00")
  (data (i32.const 128) "var \"total\" is not a decimal number\00")
  (data (i32.const 192) "config \"vowels\" is longer than 1024 bytes\00")
  (data (i32.const 240) "0123456789abcdef")

  (global $TABLE i32 (i32.const 512))
  (global $CONFIG i32 (i32.const 1024))
  (global $DIGITS i32 (i32.const 2048))
  (global $JSON i32 (i32.const 4096))

  ;; Length of the NUL-terminated string at ptr.
  (func $strlen (param $ptr i32) (result i32)
    (local $p i32)
    (local.set $p (local.get $ptr))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $p) (local.get $ptr)))

  ;; A new kernel block holding len bytes of linear memory at ptr.
  (func $to_block (param $ptr i32) (param $len i32) (result i64)
    (local $off i64) (local $i i32)
    (local.set $off (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $off) (i64.extend_i32_u (local.get $i)))
          (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $off))

  ;; A kernel block holding the NUL-terminated string at ptr.
  (func $cstr_block (param $ptr i32) (result i64)
    (call $to_block (local.get $ptr) (call $strlen (local.get $ptr))))

  ;; error_set(the NUL-terminated message at ptr); returns 1 for the caller to return.
  (func $fail (param $msg i32) (result i32)
    (call $error_set (call $cstr_block (local.get $msg)))
    (i32.const 1))

  ;; Copy the NUL-terminated string at src to dst; returns the end of what was written.
  (func $append (param $dst i32) (param $src i32) (result i32)
    (local $len i32)
    (local.set $len (call $strlen (local.get $src)))
    (memory.copy (local.get $dst) (local.get $src) (local.get $len))
    (i32.add (local.get $dst) (local.get $len)))

  ;; Write n in decimal at dst; returns the end of what was written.
  (func $utoa (param $n i64) (param $dst i32) (result i32)
    (local $digits i32) (local $t i64) (local $end i32)
    (local.set $digits (i32.const 1))
    (local.set $t (local.get $n))
    (block $done
      (loop $count
        (br_if $done (i64.lt_u (local.get $t) (i64.const 10)))
        (local.set $t (i64.div_u (local.get $t) (i64.const 10)))
        (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
        (br $count)))
    (local.set $end (i32.add (local.get $dst) (local.get $digits)))
    (loop $write
      (local.set $digits (i32.sub (local.get $digits) (i32.const 1)))
      (i32.store8 (i32.add (local.get $dst) (local.get $digits))
        (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $write (local.get $digits)))
    (local.get $end))

  ;; Append the len bytes at src to dst as the inside of a JSON string; returns the end.
  (func $json_escape (param $dst i32) (param $src i32) (param $len i32) (result i32)
    (local $i i32) (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (if (i32.or (i32.eq (local.get $c) (i32.const 34)) (i32.eq (local.get $c) (i32.const 92)))
          (then ;; \" or \\
            (i32.store8 (local.get $dst) (i32.const 92))
            (i32.store8 offset=1 (local.get $dst) (local.get $c))
            (local.set $dst (i32.add (local.get $dst) (i32.const 2))))
          (else
            (if (i32.lt_u (local.get $c) (i32.const 32))
              (then ;; \u00XX
                (i32.store (local.get $dst) (i32.const 0x3030755c)) ;; the bytes \ u 0 0
                (i32.store8 offset=4 (local.get $dst)
                  (i32.load8_u offset=240 (i32.shr_u (local.get $c) (i32.const 4))))
                (i32.store8 offset=5 (local.get $dst)
                  (i32.load8_u offset=240 (i32.and (local.get $c) (i32.const 15))))
                (local.set $dst (i32.add (local.get $dst) (i32.const 6))))
              (else
                (i32.store8 (local.get $dst) (local.get $c))
                (local.set $dst (i32.add (local.get $dst) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $dst))

  (func (export "count_vowels") (result i32)
    (local $vowels i32) (local $nvowels i32) (local $cfg i64) (local $v i64) (local $vlen i32)
    (local $i i64) (local $n i64) (local $w i64) (local $k i32) (local $j i32) (local $c i32)
    (local $count i64) (local $total i64) (local $p i32)

    ;; The vowel set: config "vowels" or the default.
    (local.set $cfg (call $config_get (call $cstr_block (i32.const 16))))
    (if (i64.eqz (local.get $cfg))
      (then
        (local.set $vowels (i32.const 32))
        (local.set $nvowels (call $strlen (i32.const 32))))
      (else
        (if (i64.gt_u (call $length (local.get $cfg)) (i64.const 1024))
          (then (return (call $fail (i32.const 192)))))
        (local.set $vowels (global.get $CONFIG))
        (local.set $nvowels (i32.wrap_i64 (call $length (local.get $cfg))))
        (loop $copy
          (if (i32.lt_u (local.get $j) (local.get $nvowels))
            (then
              (i32.store8 (i32.add (local.get $vowels) (local.get $j))
                (call $load_u8 (i64.add (local.get $cfg) (i64.extend_i32_u (local.get $j)))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $copy))))
        (call $free (local.get $cfg))))

    ;; table[b] = 1 for each vowel byte b
    (memory.fill (global.get $TABLE) (i32.const 0) (i32.const 256))
    (local.set $j (i32.const 0))
    (loop $mark
      (if (i32.lt_u (local.get $j) (local.get $nvowels))
        (then
          (i32.store8
            (i32.add (global.get $TABLE) (i32.load8_u (i32.add (local.get $vowels) (local.get $j))))
            (i32.const 1))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $mark))))

    ;; Count: 8 bytes per host call, then the tail byte by byte.
    (local.set $n (call $input_length))
    (block $done
      (loop $words
        (br_if $done (i64.gt_u (i64.add (local.get $i) (i64.const 8)) (local.get $n)))
        (local.set $w (call $input_load_u64 (local.get $i)))
        (local.set $k (i32.const 8))
        (loop $bytes
          (local.set $count (i64.add (local.get $count)
            (i64.load8_u offset=512 (i32.wrap_i64 (i64.and (local.get $w) (i64.const 0xff))))))
          (local.set $w (i64.shr_u (local.get $w) (i64.const 8)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br_if $bytes (local.get $k)))
        (local.set $i (i64.add (local.get $i) (i64.const 8)))
        (br $words)))
    (block $done
      (loop $tail
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $count (i64.add (local.get $count)
          (i64.load8_u offset=512 (call $input_load_u8 (local.get $i)))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $tail)))

    ;; total = var "total" (decimal) + count
    (local.set $v (call $var_get (call $cstr_block (i32.const 24))))
    (if (i64.ne (local.get $v) (i64.const 0))
      (then
        (local.set $vlen (i32.wrap_i64 (call $length (local.get $v))))
        (if (i32.or (i32.eqz (local.get $vlen)) (i32.gt_u (local.get $vlen) (i32.const 20)))
          (then (return (call $fail (i32.const 128)))))
        (local.set $j (i32.const 0))
        (loop $digit
          (local.set $c (i32.sub
            (call $load_u8 (i64.add (local.get $v) (i64.extend_i32_u (local.get $j))))
            (i32.const 48)))
          (if (i32.gt_u (local.get $c) (i32.const 9)) (then (return (call $fail (i32.const 128)))))
          (local.set $total (i64.add (i64.mul (local.get $total) (i64.const 10)) (i64.extend_i32_u (local.get $c))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $digit (i32.lt_u (local.get $j) (local.get $vlen))))
        (call $free (local.get $v))))
    (local.set $total (i64.add (local.get $total) (local.get $count)))
    (local.set $p (call $utoa (local.get $total) (global.get $DIGITS)))
    (call $var_set
      (call $cstr_block (i32.const 24))
      (call $to_block (global.get $DIGITS) (i32.sub (local.get $p) (global.get $DIGITS))))

    ;; {"count":N,"total":T,"vowels":"..."}
    (local.set $p (call $append (global.get $JSON) (i32.const 48)))
    (local.set $p (call $utoa (local.get $count) (local.get $p)))
    (local.set $p (call $append (local.get $p) (i32.const 64)))
    (local.set $p (call $utoa (local.get $total) (local.get $p)))
    (local.set $p (call $append (local.get $p) (i32.const 80)))
    (local.set $p (call $json_escape (local.get $p) (local.get $vowels) (local.get $nvowels)))
    (local.set $p (call $append (local.get $p) (i32.const 96)))
    (call $output_set
      (call $to_block (global.get $JSON) (i32.sub (local.get $p) (global.get $JSON)))
      (i64.extend_i32_u (i32.sub (local.get $p) (global.get $JSON))))
    (i32.const 0))
)

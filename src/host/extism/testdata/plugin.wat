;; A test plugin written against the Extism kernel ABI by hand (no PDK), one export per behaviour.
;; Plugin functions are () -> i32: 0 = success, anything else = failure.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "free" (func $free (param i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "load_u8" (func $load_u8 (param i64) (result i32)))
  (import "extism:host/env" "load_u64" (func $load_u64 (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "store_u64" (func $store_u64 (param i64 i64)))
  (import "extism:host/env" "input_offset" (func $input_offset (result i64)))
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "input_load_u64" (func $input_load_u64 (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (import "extism:host/env" "config_get" (func $config_get (param i64) (result i64)))
  (import "extism:host/env" "var_get" (func $var_get (param i64) (result i64)))
  (import "extism:host/env" "var_set" (func $var_set (param i64 i64)))
  (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
  (import "extism:host/env" "http_status_code" (func $http_status_code (result i32)))
  (import "extism:host/env" "http_headers" (func $http_headers (result i64)))
  (import "extism:host/env" "log_trace" (func $log_trace (param i64)))
  (import "extism:host/env" "log_debug" (func $log_debug (param i64)))
  (import "extism:host/env" "log_info" (func $log_info (param i64)))
  (import "extism:host/env" "log_warn" (func $log_warn (param i64)))
  (import "extism:host/env" "log_error" (func $log_error (param i64)))
  (import "extism:host/env" "get_log_level" (func $get_log_level (result i32)))

  (memory (export "memory") 2)
  (data (i32.const 16) "vowels")
  (data (i32.const 32) "total")
  (data (i32.const 48) "aeiouAEIOU")
  (data (i32.const 80) "boom: something went wrong")
  (data (i32.const 112) "trace")
  (data (i32.const 120) "debug")
  (data (i32.const 128) "info")
  (data (i32.const 136) "warn")
  (data (i32.const 144) "error")
  (data (i32.const 160) "{\"count\":")
  (data (i32.const 176) ",\"total\":")
  (data (i32.const 192) ",\"vowels\":\"")
  (data (i32.const 208) "\"}")
  (data (i32.const 224) "big")
  (data (i32.const 240) "body")

  ;; Copy len bytes of linear memory at ptr into a new kernel block.
  (func $to_block (param $ptr i32) (param $len i32) (result i64)
    (local $off i64) (local $i i32)
    (local.set $off (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8
          (i64.add (local.get $off) (i64.extend_i32_u (local.get $i)))
          (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $off))

  ;; Copy a kernel block into linear memory at dst; returns its length.
  (func $from_block (param $off i64) (param $dst i32) (result i32)
    (local $len i32) (local $i i32)
    (local.set $len (i32.wrap_i64 (call $length (local.get $off))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (local.get $dst) (local.get $i))
          (call $load_u8 (i64.add (local.get $off) (i64.extend_i32_u (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $len))

  ;; Copy the input into a new kernel block, 8 bytes at a time, then byte by byte.
  (func $input_block (result i64)
    (local $n i64) (local $i i64) (local $off i64)
    (local.set $n (call $input_length))
    (local.set $off (call $alloc (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i64.gt_u (i64.add (local.get $i) (i64.const 8)) (local.get $n)))
        (call $store_u64 (i64.add (local.get $off) (local.get $i)) (call $input_load_u64 (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 8)))
        (br $next)))
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (call $store_u8 (i64.add (local.get $off) (local.get $i)) (call $input_load_u8 (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $off))

  (func $memcpy (param $dst i32) (param $src i32) (param $len i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (local.get $dst) (local.get $i)) (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Write n in decimal at dst; returns the number of digits.
  (func $utoa (param $n i64) (param $dst i32) (result i32)
    (local $digits i32) (local $t i64) (local $i i32)
    (local.set $digits (i32.const 1))
    (local.set $t (local.get $n))
    (block $done
      (loop $next
        (br_if $done (i64.lt_u (local.get $t) (i64.const 10)))
        (local.set $t (i64.div_u (local.get $t) (i64.const 10)))
        (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
        (br $next)))
    (local.set $i (local.get $digits))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $i)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (i32.store8 (i32.add (local.get $dst) (local.get $i))
          (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
        (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
        (br $next)))
    (local.get $digits))

  ;; Output len bytes of linear memory at ptr.
  (func $out (param $ptr i32) (param $len i32)
    (call $output_set (call $to_block (local.get $ptr) (local.get $len)) (i64.extend_i32_u (local.get $len))))

  ;; Count vowels of the input (config "vowels" overrides the set), add them to var "total",
  ;; output {"count":N,"total":T,"vowels":"..."}.
  (func (export "count_vowels") (result i32)
    (local $vptr i32) (local $vlen i32) (local $cfg i64) (local $n i64) (local $i i64)
    (local $c i32) (local $j i32) (local $count i64) (local $total i64) (local $v i64) (local $p i32)
    (local.set $cfg (call $config_get (call $to_block (i32.const 16) (i32.const 6))))
    (if (i64.eqz (local.get $cfg))
      (then (local.set $vptr (i32.const 48)) (local.set $vlen (i32.const 10)))
      (else
        (local.set $vptr (i32.const 1024))
        (local.set $vlen (call $from_block (local.get $cfg) (i32.const 1024)))
        (call $free (local.get $cfg))))
    (local.set $n (call $input_length))
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $c (call $input_load_u8 (local.get $i)))
        (local.set $j (i32.const 0))
        (block $found
          (loop $scan
            (br_if $found (i32.ge_u (local.get $j) (local.get $vlen)))
            (if (i32.eq (local.get $c) (i32.load8_u (i32.add (local.get $vptr) (local.get $j))))
              (then (local.set $count (i64.add (local.get $count) (i64.const 1))) (br $found)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $scan)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.set $v (call $var_get (call $to_block (i32.const 32) (i32.const 5))))
    (if (i64.ne (local.get $v) (i64.const 0))
      (then (local.set $total (call $load_u64 (local.get $v))) (call $free (local.get $v))))
    (local.set $total (i64.add (local.get $total) (local.get $count)))
    (local.set $v (call $alloc (i64.const 8)))
    (call $store_u64 (local.get $v) (local.get $total))
    (call $var_set (call $to_block (i32.const 32) (i32.const 5)) (local.get $v))
    (local.set $p (i32.const 2048))
    (call $memcpy (local.get $p) (i32.const 160) (i32.const 9))
    (local.set $p (i32.add (local.get $p) (i32.const 9)))
    (local.set $p (i32.add (local.get $p) (call $utoa (local.get $count) (local.get $p))))
    (call $memcpy (local.get $p) (i32.const 176) (i32.const 9))
    (local.set $p (i32.add (local.get $p) (i32.const 9)))
    (local.set $p (i32.add (local.get $p) (call $utoa (local.get $total) (local.get $p))))
    (call $memcpy (local.get $p) (i32.const 192) (i32.const 11))
    (local.set $p (i32.add (local.get $p) (i32.const 11)))
    (call $memcpy (local.get $p) (local.get $vptr) (local.get $vlen))
    (local.set $p (i32.add (local.get $p) (local.get $vlen)))
    (call $memcpy (local.get $p) (i32.const 208) (i32.const 2))
    (local.set $p (i32.add (local.get $p) (i32.const 2)))
    (call $out (i32.const 2048) (i32.sub (local.get $p) (i32.const 2048)))
    (i32.const 0))

  ;; Output the input, read with input_load_u64/u8 (the Rust PDK's way).
  (func (export "echo") (result i32)
    (call $output_set (call $input_block) (call $input_length))
    (i32.const 0))

  ;; Output the input, read through input_offset + load_u64/u8 (the C PDK's way).
  (func (export "echo_c") (result i32)
    (local $in i64) (local $n i64) (local $i i64) (local $off i64)
    (local.set $in (call $input_offset))
    (local.set $n (call $length (local.get $in)))
    (local.set $off (call $alloc (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i64.gt_u (i64.add (local.get $i) (i64.const 8)) (local.get $n)))
        (call $store_u64 (i64.add (local.get $off) (local.get $i)) (call $load_u64 (i64.add (local.get $in) (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const 8)))
        (br $next)))
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (call $store_u8 (i64.add (local.get $off) (local.get $i)) (call $load_u8 (i64.add (local.get $in) (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (call $output_set (local.get $off) (local.get $n))
    (i32.const 0))

  ;; Output config[input]; return 1 when the key is absent.
  (func (export "config_echo") (result i32)
    (local $v i64)
    (local.set $v (call $config_get (call $input_block)))
    (if (i64.eqz (local.get $v)) (then (return (i32.const 1))))
    (call $output_set (local.get $v) (call $length (local.get $v)))
    (i32.const 0))

  ;; Output var[input]; return 1 when the var is absent.
  (func (export "var_echo") (result i32)
    (local $v i64)
    (local.set $v (call $var_get (call $input_block)))
    (if (i64.eqz (local.get $v)) (then (return (i32.const 1))))
    (call $output_set (local.get $v) (call $length (local.get $v)))
    (i32.const 0))

  ;; Delete var "total".
  (func (export "var_delete") (result i32)
    (call $var_set (call $to_block (i32.const 32) (i32.const 5)) (i64.const 0))
    (i32.const 0))

  ;; Set var "big" to a block as long as the input.
  (func (export "var_big") (result i32)
    (call $var_set (call $to_block (i32.const 224) (i32.const 3)) (call $input_block))
    (i32.const 0))

  (func (export "fail") (result i32)
    (call $error_set (call $to_block (i32.const 80) (i32.const 26)))
    (i32.const 1))

  ;; Log "trace" … "error" at their levels, then output get_log_level in decimal.
  (func (export "log_all") (result i32)
    (call $log_trace (call $to_block (i32.const 112) (i32.const 5)))
    (call $log_debug (call $to_block (i32.const 120) (i32.const 5)))
    (call $log_info (call $to_block (i32.const 128) (i32.const 4)))
    (call $log_warn (call $to_block (i32.const 136) (i32.const 4)))
    (call $log_error (call $to_block (i32.const 144) (i32.const 5)))
    (call $out (i32.const 2048) (call $utoa (i64.extend_i32_u (call $get_log_level)) (i32.const 2048)))
    (i32.const 0))

  ;; The input is the request JSON; the body is config "body" (none when absent). Output the response body.
  (func (export "http_get") (result i32)
    (local $res i64)
    (local.set $res
      (call $http_request (call $input_block) (call $config_get (call $to_block (i32.const 240) (i32.const 4)))))
    (if (i64.eqz (local.get $res)) (then (return (i32.const 1))))
    (call $output_set (local.get $res) (call $length (local.get $res)))
    (i32.const 0))

  (func (export "http_status") (result i32)
    (call $http_status_code))

  ;; Output the headers JSON of the last response; return 1 when headers are not exposed.
  (func (export "http_headers_out") (result i32)
    (local $h i64)
    (local.set $h (call $http_headers))
    (if (i64.eqz (local.get $h)) (then (return (i32.const 1))))
    (call $output_set (local.get $h) (call $length (local.get $h)))
    (i32.const 0))

  ;; Allocate 64 KiB blocks without freeing them, 100000 times.
  (func (export "alloc_forever") (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.const 100000)))
        (drop (call $alloc (i64.const 65536)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

;; What plugins built with PDKs from before the host took over key blocks (e.g. the Haskell PDK
  ;; before 2024-09) do: free the config key again after config_get, here after another alloc.
  ;; Outputs config "vowels"; returns 2 if the stale free hit the block allocated in between.
  (func (export "stale_free") (result i32)
    (local $k i64) (local $v i64) (local $w i64)
    (local.set $k (call $to_block (i32.const 16) (i32.const 6)))
    (local.set $v (call $config_get (local.get $k)))
    (local.set $w (call $alloc (i64.const 8)))
    (call $free (local.get $k))
    (call $output_set (local.get $v) (call $length (local.get $v)))
    (if (i64.ne (call $length (local.get $w)) (i64.const 8)) (then (return (i32.const 2))))
    (i32.const 0))

  ;; Read one byte past the end of kernel memory.
  (func (export "load_out_of_bounds") (result i32)
    (call $load_u8 (i64.const 0x7fffffff)))
)

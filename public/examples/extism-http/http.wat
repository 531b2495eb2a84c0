;; http.wat -> extism/http.wasm
;; HTTP through the kernel's http_request, for the allowlist ("blocked" then "Allow host"), the
;; sync-XHR and JSPI paths, status codes and opt-in response headers. The input of every export
;; is an absolute URL (surrounding whitespace is trimmed); each sends
;;   {"url":"<input>","method":"GET","headers":{}}      (with " and \ in the URL escaped)
;; and no body (a URL over 16384 bytes: error_set "the URL is longer than 16384 bytes", returns 1).
;; A host outside the allowlist, a network or CORS failure, or a response over the
;; size cap makes http_request fail and the call with it (the host's error, not the plugin's).
;;
;;   http_get() -> i32     output = the response body, unchanged (any status, any bytes); logs
;;                         "status: N" at info level (e.g. "status: 200", "status: 404").
;;                         Returns 0.
;;   http_status() -> i32  output = the status code in decimal ("200", "404"); the body is dropped.
;;                         Returns 0.
;;   get_headers() -> i32  output = the JSON object http_headers returns (the last response's
;;                         headers) when the host exposes them; otherwise error_set
;;                         "response headers are not exposed to plugins (http_headers returned 0)"
;;                         and returns 1.
;;
;; Linear memory: 16.. constants, 1024.. the request JSON (a URL up to 16 KiB, escaped).
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "length" (func $length (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (import "extism:host/env" "http_request" (func $http_request (param i64 i64) (result i64)))
  (import "extism:host/env" "http_status_code" (func $http_status_code (result i32)))
  (import "extism:host/env" "http_headers" (func $http_headers (result i64)))
  (import "extism:host/env" "log_info" (func $log_info (param i64)))

  (memory (export "memory") 2)
  (data (i32.const 16) "{\"url\":\"\00")
  (data (i32.const 32) "\",\"method\":\"GET\",\"headers\":{}}\00")
  (data (i32.const 80) "status: \00")
  (data (i32.const 96) "response headers are not exposed to plugins (http_headers returned 0)\00")
  (data (i32.const 176) "the URL is longer than 16384 bytes\00")

  (global $REQ i32 (i32.const 1024))
  (global $SCRATCH i32 (i32.const 512))

  (func $strlen (param $ptr i32) (result i32)
    (local $p i32)
    (local.set $p (local.get $ptr))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $p) (local.get $ptr)))

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

  (func $cstr_block (param $ptr i32) (result i64)
    (call $to_block (local.get $ptr) (call $strlen (local.get $ptr))))

  (func $append (param $dst i32) (param $src i32) (result i32)
    (local $len i32)
    (local.set $len (call $strlen (local.get $src)))
    (memory.copy (local.get $dst) (local.get $src) (local.get $len))
    (i32.add (local.get $dst) (local.get $len)))

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

  (func $is_space (param $c i32) (result i32)
    (i32.or
      (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 9)))
      (i32.or (i32.eq (local.get $c) (i32.const 13)) (i32.eq (local.get $c) (i32.const 10)))))

  ;; GET the URL in the input; returns the response body's block (http_request fails the call on
  ;; failure), or 0 after error_set when the URL is too long.
  (func $get (result i64)
    (local $start i64) (local $end i64) (local $p i32) (local $c i32)
    (local.set $end (call $input_length))
    (block $done
      (loop $trim_start
        (br_if $done (i64.ge_u (local.get $start) (local.get $end)))
        (br_if $done (i32.eqz (call $is_space (call $input_load_u8 (local.get $start)))))
        (local.set $start (i64.add (local.get $start) (i64.const 1)))
        (br $trim_start)))
    (block $done
      (loop $trim_end
        (br_if $done (i64.le_u (local.get $end) (local.get $start)))
        (br_if $done (i32.eqz (call $is_space (call $input_load_u8 (i64.sub (local.get $end) (i64.const 1))))))
        (local.set $end (i64.sub (local.get $end) (i64.const 1)))
        (br $trim_end)))
    (if (i64.gt_u (i64.sub (local.get $end) (local.get $start)) (i64.const 16384))
      (then
        (call $error_set (call $cstr_block (i32.const 176)))
        (return (i64.const 0))))
    (local.set $p (call $append (global.get $REQ) (i32.const 16)))
    (block $done
      (loop $url
        (br_if $done (i64.ge_u (local.get $start) (local.get $end)))
        (local.set $c (call $input_load_u8 (local.get $start)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 34)) (i32.eq (local.get $c) (i32.const 92)))
          (then
            (i32.store8 (local.get $p) (i32.const 92))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))))
        (i32.store8 (local.get $p) (local.get $c))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $start (i64.add (local.get $start) (i64.const 1)))
        (br $url)))
    (local.set $p (call $append (local.get $p) (i32.const 32)))
    (call $http_request
      (call $to_block (global.get $REQ) (i32.sub (local.get $p) (global.get $REQ)))
      (i64.const 0)))

  (func (export "http_get") (result i32)
    (local $body i64) (local $p i32)
    (local.set $body (call $get))
    (if (i64.eqz (local.get $body)) (then (return (i32.const 1))))
    (local.set $p (call $append (global.get $SCRATCH) (i32.const 80)))
    (local.set $p (call $utoa (i64.extend_i32_u (call $http_status_code)) (local.get $p)))
    (call $log_info (call $to_block (global.get $SCRATCH) (i32.sub (local.get $p) (global.get $SCRATCH))))
    (call $output_set (local.get $body) (call $length (local.get $body)))
    (i32.const 0))

  (func (export "http_status") (result i32)
    (local $p i32)
    (if (i64.eqz (call $get)) (then (return (i32.const 1))))
    (local.set $p (call $utoa (i64.extend_i32_u (call $http_status_code)) (global.get $SCRATCH)))
    (call $output_set
      (call $to_block (global.get $SCRATCH) (i32.sub (local.get $p) (global.get $SCRATCH)))
      (i64.extend_i32_u (i32.sub (local.get $p) (global.get $SCRATCH))))
    (i32.const 0))

  (func (export "get_headers") (result i32)
    (local $h i64)
    (if (i64.eqz (call $get)) (then (return (i32.const 1))))
    (local.set $h (call $http_headers))
    (if (i64.eqz (local.get $h))
      (then
        (call $error_set (call $cstr_block (i32.const 96)))
        (return (i32.const 1))))
    (call $output_set (local.get $h) (call $length (local.get $h)))
    (i32.const 0))
)

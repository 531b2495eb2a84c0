;; fac.wat -> fac.wasm
;; Factorial with 64-bit integers. JavaScript has no 64-bit integer number, so an i64 crosses
;; the boundary as a BigInt: fac(20) = 2432902008176640000, which a JS number cannot hold exactly.
;; fac(21) overflows i64 and wraps, as every i64.mul does.
(module
  (func $fac (export "fac") (param $n i64) (result i64)
    (if (result i64) (i64.le_s (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $fac (i64.sub (local.get $n) (i64.const 1))))))))

;; add.wat -> add.wasm
;; The happy-path core module. Used by the loader, exports list/inspector, input form and
;; run tests: one export of every core value type (i32, i64 as BigInt, f32, f64), a
;; multi-value result, a zero-arg and a void function, plus non-function exports
;; (memory, immutable global, table) that the inspector lists but the Function picker must not.
;; Its bytes are also the source of truncated.wasm (first 60%) and the file inside archive.zip.
(module
  ;; add(2, 3) = 5; wraps on overflow like any i32.add
  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; add64(2n, 3n) = 5n; JS passes and receives BigInt
  (func $add64 (export "add64") (param $a i64) (param $b i64) (result i64)
    (i64.add (local.get $a) (local.get $b)))

  ;; mul_f64(1.5, 4) = 6
  (func $mul_f64 (export "mul_f64") (param $a f64) (param $b f64) (result f64)
    (f64.mul (local.get $a) (local.get $b)))

  ;; half_f32(3) = 1.5 (f32 rounding applies: half_f32(0.1) = 0.05000000074505806)
  (func $half_f32 (export "half_f32") (param $x f32) (result f32)
    (f32.mul (local.get $x) (f32.const 0.5)))

  ;; swap(1, 2) = [2, 1]; multi-value result, JS receives an array
  (func $swap (export "swap") (param $a i32) (param $b i32) (result i32 i32)
    (local.get $b)
    (local.get $a))

  ;; answer() = 42
  (func $answer (export "answer") (result i32)
    (i32.const 42))

  ;; noop(): no params, no results (JS receives undefined)
  (func $noop (export "noop"))

  ;; non-function exports, after the functions so the export section lists functions first
  (memory (export "mem") 1 16)
  (global (export "forty_two") i32 (i32.const 42))
  (table $tbl (export "tbl") 1 funcref)
  (elem (i32.const 0) $answer)  ;; tbl[0] = answer
)

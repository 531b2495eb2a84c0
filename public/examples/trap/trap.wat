;; trap.wat -> trap.wasm
;; Every way a call can trap, for the error-reporting tests: the run must end with status
;; "error", a message naming the trap (as the engine words it), and the sandbox must stay usable.
;;   div_s(7, 2) = 3; div_s(1, 0) traps "divide by zero"; div_s(-2147483648, -1) traps
;;     "divide result unrepresentable" (integer overflow)
;;   boom()      executes `unreachable`
;;   oob()       loads an i32 from address 0x7fff0000, far past the 1-page (64 KiB) memory
;;   recurse(n)  calls itself with n+1 forever (not a tail call): stack overflow, which JS
;;               engines report as a RangeError ("Maximum call stack size exceeded" in V8)
(module
  (memory (export "memory") 1 1)

  (func $div_s (export "div_s") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))

  (func $boom (export "boom")
    unreachable)

  (func $oob (export "oob") (result i32)
    (i32.load (i32.const 0x7fff0000)))

  (func $recurse (export "recurse") (param $n i32) (result i32)
    ;; the add after the call keeps it from being a tail call
    (i32.add
      (call $recurse (i32.add (local.get $n) (i32.const 1)))
      (i32.const 1)))
)

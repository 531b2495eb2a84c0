;; types.wasm, core module of world test:types/types (types.wit), canonical ABI by hand.
;;
;; Flattened signatures (export test:types/shapes@0.1.0#<name>):
;;   person = (name_ptr, name_len, age, tags_ptr, tags_len): 5 x i32; in memory 20 bytes, align 4
;;   shape  = (case i32, f64, f64): circle uses the first f64, rect both, empty neither
;;   greet(person) -> string                i32 x5 -> i32: pointer to (ptr, len)
;;   area(shape) -> f64                     (i32, f64, f64) -> f64
;;   check-age(person) -> result<u8,string> i32 x5 -> i32: pointer to {case u8 @0; ok u8 @4 | err (ptr, len) @4}
;;   next-color(color) -> color             i32 -> i32 (enum index 0..2)
;;   toggle(perms) -> perms                 i32 -> i32 (bit 0 read, 1 write, 2 exec)
;;   maybe-double(option<s64>) -> option<s64>  (i32, i64) -> i32: pointer to {case u8 @0; s64 @8}
;;   sum(list<s32>) -> s64                  (ptr, len) -> i64
;;   bytes-len(list<u8>) -> u32             (ptr, len) -> i32
;;   big(u64) -> u64                        i64 -> i64
;;   first-char(string) -> char             (ptr, len) -> i32 (a scalar value)
;;   echo-json(string) -> string            (ptr, len) -> i32: pointer to (ptr, len)
;;
;; Memory: 16..31 the return area (results are read by the host before the next call),
;; 64.. constant text, 1024.. a bump heap (cabi_realloc never frees; it grows the memory).
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 64) "Hello, ")
  (data (i32.const 72) " (")
  (data (i32.const 76) ")")
  (data (i32.const 80) "too young: ")

  ;; The canonical ABI allocator: a new aligned block, with the old block's bytes copied in.
  (func $realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $ptr i32)
    (if (i32.le_u (local.get $size) (local.get $old_size)) (then (return (local.get $old))))
    (local.set $ptr
      (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
               (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    (if (i32.gt_u (global.get $heap) (i32.shl (memory.size) (i32.const 16)))
      (then
        (if (i32.eq (i32.const -1)
              (memory.grow (i32.sub (i32.shr_u (i32.add (global.get $heap) (i32.const 0xffff)) (i32.const 16))
                                    (memory.size))))
          (then unreachable))))
    (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))
    (local.get $ptr))

  (func $alloc (param $size i32) (result i32)
    (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (local.get $size)))

  ;; Copies len bytes from src to dst; returns dst + len.
  (func $put (param $dst i32) (param $src i32) (param $len i32) (result i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $len))
    (i32.add (local.get $dst) (local.get $len)))

  ;; Writes n in decimal at dst; returns the number of bytes written.
  (func $utoa (param $n i32) (param $dst i32) (result i32)
    (local $len i32) (local $t i32)
    (local.set $t (local.get $n))
    (local.set $len (i32.const 1))
    (block $done
      (loop $count
        (br_if $done (i32.lt_u (local.get $t) (i32.const 10)))
        (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
        (local.set $len (i32.add (local.get $len) (i32.const 1)))
        (br $count)))
    (local.set $t (i32.add (local.get $dst) (local.get $len)))
    (loop $digit
      (local.set $t (i32.sub (local.get $t) (i32.const 1)))
      (i32.store8 (local.get $t) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $n)))
    (local.get $len))

  ;; Stores (ptr, len) in the return area and returns its address.
  (func $ret_pair (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 16) (local.get $ptr))
    (i32.store (i32.const 20) (local.get $len))
    (i32.const 16))

  (func (export "test:types/shapes@0.1.0#greet")
    (param $name i32) (param $name_len i32) (param $age i32) (param $tags i32) (param $tags_len i32) (result i32)
    (local $out i32) (local $p i32)
    (local.set $out (call $alloc (i32.add (local.get $name_len) (i32.const 13))))
    (local.set $p (call $put (local.get $out) (i32.const 64) (i32.const 7)))
    (local.set $p (call $put (local.get $p) (local.get $name) (local.get $name_len)))
    (local.set $p (call $put (local.get $p) (i32.const 72) (i32.const 2)))
    (local.set $p (i32.add (local.get $p) (call $utoa (local.get $age) (local.get $p))))
    (local.set $p (call $put (local.get $p) (i32.const 76) (i32.const 1)))
    (call $ret_pair (local.get $out) (i32.sub (local.get $p) (local.get $out))))

  (func (export "test:types/shapes@0.1.0#area") (param $case i32) (param $a f64) (param $b f64) (result f64)
    (if (i32.eqz (local.get $case))
      (then (return (f64.mul (f64.const 3.141592653589793) (f64.mul (local.get $a) (local.get $a))))))
    (if (i32.eq (local.get $case) (i32.const 1))
      (then (return (f64.mul (local.get $a) (local.get $b)))))
    (f64.const 0))

  (func (export "test:types/shapes@0.1.0#check-age")
    (param $name i32) (param $name_len i32) (param $age i32) (param $tags i32) (param $tags_len i32) (result i32)
    (local $msg i32)
    (if (i32.lt_u (local.get $age) (i32.const 18))
      (then
        (local.set $msg (call $alloc (i32.const 14)))
        (i32.store8 (i32.const 16) (i32.const 1))
        (i32.store (i32.const 20) (local.get $msg))
        (i32.store (i32.const 24)
          (i32.add (i32.const 11)
            (call $utoa (local.get $age) (call $put (local.get $msg) (i32.const 80) (i32.const 11))))))
      (else
        (i32.store8 (i32.const 16) (i32.const 0))
        (i32.store8 (i32.const 20) (local.get $age))))
    (i32.const 16))

  (func (export "test:types/shapes@0.1.0#next-color") (param $c i32) (result i32)
    (i32.rem_u (i32.add (local.get $c) (i32.const 1)) (i32.const 3)))

  (func (export "test:types/shapes@0.1.0#toggle") (param $p i32) (result i32)
    (i32.xor (local.get $p) (i32.const 1)))

  (func (export "test:types/shapes@0.1.0#maybe-double") (param $case i32) (param $x i64) (result i32)
    (i32.store8 (i32.const 16) (local.get $case))
    (if (local.get $case)
      (then (i64.store (i32.const 24) (i64.shl (local.get $x) (i64.const 1)))))
    (i32.const 16))

  (func (export "test:types/shapes@0.1.0#sum") (param $xs i32) (param $len i32) (result i64)
    (local $acc i64) (local $end i32)
    (local.set $end (i32.add (local.get $xs) (i32.shl (local.get $len) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $xs) (local.get $end)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_s (i32.load (local.get $xs)))))
        (local.set $xs (i32.add (local.get $xs) (i32.const 4)))
        (br $next)))
    (local.get $acc))

  (func (export "test:types/shapes@0.1.0#bytes-len") (param $b i32) (param $len i32) (result i32)
    (local.get $len))

  (func (export "test:types/shapes@0.1.0#big") (param $x i64) (result i64)
    (i64.add (local.get $x) (i64.const 1)))

  ;; Decodes the first UTF-8 sequence (the host only passes valid UTF-8).
  (func (export "test:types/shapes@0.1.0#first-char") (param $s i32) (param $len i32) (result i32)
    (local $b0 i32)
    (if (i32.eqz (local.get $len)) (then (return (i32.const 0xfffd))))
    (local.set $b0 (i32.load8_u (local.get $s)))
    (if (i32.lt_u (local.get $b0) (i32.const 0x80)) (then (return (local.get $b0))))
    (if (i32.lt_u (local.get $b0) (i32.const 0xe0))
      (then (return (i32.or (i32.shl (i32.and (local.get $b0) (i32.const 0x1f)) (i32.const 6))
                            (call $cont (local.get $s) (i32.const 1) (i32.const 0))))))
    (if (i32.lt_u (local.get $b0) (i32.const 0xf0))
      (then (return (i32.or (i32.shl (i32.and (local.get $b0) (i32.const 0x0f)) (i32.const 12))
                            (i32.or (call $cont (local.get $s) (i32.const 1) (i32.const 6))
                                    (call $cont (local.get $s) (i32.const 2) (i32.const 0)))))))
    (i32.or (i32.shl (i32.and (local.get $b0) (i32.const 0x07)) (i32.const 18))
      (i32.or (call $cont (local.get $s) (i32.const 1) (i32.const 12))
        (i32.or (call $cont (local.get $s) (i32.const 2) (i32.const 6))
                (call $cont (local.get $s) (i32.const 3) (i32.const 0))))))

  ;; The 6 payload bits of continuation byte s[i], shifted left by shift.
  (func $cont (param $s i32) (param $i i32) (param $shift i32) (result i32)
    (i32.shl (i32.and (i32.load8_u (i32.add (local.get $s) (local.get $i))) (i32.const 0x3f)) (local.get $shift)))

  (func (export "test:types/shapes@0.1.0#echo-json") (param $s i32) (param $len i32) (result i32)
    (call $ret_pair (local.get $s) (local.get $len))))

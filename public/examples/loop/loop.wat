;; loop.wat -> loop.wasm
;; Runaway guests, for the Stop / timeout / memory-limit tests (DESIGN §10 "Stop", §11).
;;   spin()          `loop br 0` forever: never returns, never calls out. Stop must end it
;;                   (by terminating the worker) and the next run must work without a reload.
;;   spin_for(n)     counts n iterations and returns n: a bounded busy loop, e.g. for timing
;;                   or for "this one finishes before the timeout".
;;   grow_forever()  memory.grow by 1024 pages (64 MiB) at a time until it returns -1 (the
;;                   memory has no declared maximum, so that is the engine's limit: 4 GiB in
;;                   V8, reached after 64 grows, about 0.5 s in node), then spins forever.
;;                   The page must survive and the run end with a clear error. (Each grow has
;;                   a fixed cost of a few ms in V8, so growing 1 page at a time would take
;;                   minutes to reach the limit; untouched pages cost no RAM.)
(module
  (memory (export "memory") 1)

  (func $spin (export "spin")
    (loop $forever
      (br $forever)))

  (func $spin_for (export "spin_for") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $i))

  (func $grow_forever (export "grow_forever")
    (block $full
      (loop $grow
        (br_if $full (i32.eq (memory.grow (i32.const 1024)) (i32.const -1)))
        (br $grow)))
    (loop $forever
      (br $forever)))
)

;; The two hot loops of k-means in WebAssembly SIMD (f64x2), for any number of columns d.
;; Assembled by `npm run build:wasm` (scripts/build-wasm.mjs, the npm package `wabt`) into
;; kernels-bytes.ts; a unit test assembles this file again and compares the bytes.
;;
;; Layout ("pair-blocked"): rows 2p and 2p+1 share a block of d × 16 bytes in which column j's two
;; values sit side by side at byte 16j, so one v128.load fetches column j of both rows and the pass
;; reads one sequential stream. With an odd n the last block's second row is padding (zeros).
;;
;; Both kernels compute a squared distance as the JS loops do: Σ_j (x_j − c_j)², added in column
;; order starting from +0, no fused multiply-add; and they add up in row order. Their results are
;; therefore bitwise those of `kmeansPlusPlus` (seeding.ts) and `lloyd` (lloyd.ts).
(module
  (import "env" "memory" (memory 1))

  ;; kpp(x, candidate, closest, trial, cumulative, n, d) -> total
  ;; The k-means++ candidate pass: for each row i, trial[i] = min(‖x_i − candidate‖², closest[i])
  ;; and cumulative[i] = Σ_{r ≤ i} trial[r] (in row order); returns that total. `candidate` is the
  ;; byte address of a row's first coordinate in the pair layout (the next ones follow 16 bytes
  ;; apart). `closest`, `trial` and `cumulative` are f64 per row; with an odd n the padding slot
  ;; of `closest` must hold 0 so that it adds exactly nothing.
  (func (export "kpp")
    (param $x i32) (param $candidate i32) (param $closest i32) (param $trial i32)
    (param $cumulative i32) (param $n i32) (param $d i32) (result f64)
    (local $i i32) (local $px i32) (local $pc i32) (local $end i32) (local $total f64)
    (local $s v128) (local $e v128)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; s = Σ_j (x_j − candidate_j)² for both rows of the pair; px and pc walk column j of the
        ;; pair and of the candidate (both 16 bytes apart) up to the end of the pair's block.
        (local.set $s (v128.const f64x2 0 0))
        (local.set $px (local.get $x))
        (local.set $pc (local.get $candidate))
        (local.set $end (i32.add (local.get $x) (i32.shl (local.get $d) (i32.const 4))))
        (loop $columns
          (local.set $e (f64x2.sub (v128.load (local.get $px)) (v128.load64_splat (local.get $pc))))
          (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $e) (local.get $e))))
          (local.set $px (i32.add (local.get $px) (i32.const 16)))
          (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
          (br_if $columns (i32.lt_u (local.get $px) (local.get $end))))
        ;; pmin(s, closest) = closest < s ? closest : s, which is Math.min(s, closest) here (no NaN)
        (local.set $s (f64x2.pmin (local.get $s) (v128.load (local.get $closest))))
        (v128.store (local.get $trial) (local.get $s))
        ;; The running total one lane at a time: the scalar sum in row order.
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 0 (local.get $s))))
        (f64.store (local.get $cumulative) (local.get $total))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 1 (local.get $s))))
        (f64.store offset=8 (local.get $cumulative) (local.get $total))
        (local.set $x (local.get $end))
        (local.set $closest (i32.add (local.get $closest) (i32.const 16)))
        (local.set $trial (i32.add (local.get $trial) (i32.const 16)))
        (local.set $cumulative (i32.add (local.get $cumulative) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rows)))
    (local.get $total))

  ;; assign(x, centers, k, labels, sums, counts, n, d) -> changed
  ;; One Lloyd assignment pass: labels each row with its nearest of the k centres (row-major,
  ;; k × d f64; the lowest index on ties), adds the row to sums[label] (k × d f64) and 1 to
  ;; counts[label] (k f64) in row order, and returns how many labels changed. `labels` is i32 per
  ;; row.
  (func (export "assign")
    (param $x i32) (param $centers i32) (param $k i32) (param $labels i32) (param $sums i32)
    (param $counts i32) (param $n i32) (param $d i32) (result i32)
    (local $i i32) (local $changed i32) (local $c i32) (local $cp i32) (local $px i32)
    (local $end i32) (local $label i32) (local $label1 i32) (local $p i32) (local $p1 i32)
    (local $best v128) (local $bestC v128) (local $cIndex v128) (local $s v128) (local $e v128)
    (local $less v128) (local $s2 v128) (local $xj v128) (local $cp2 i32)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $best (v128.const f64x2 inf inf))
        (local.set $bestC (v128.const i64x2 0 0))
        (local.set $cIndex (v128.const i64x2 0 0))
        (local.set $cp (local.get $centers))
        (local.set $end (i32.add (local.get $x) (i32.shl (local.get $d) (i32.const 4))))
        (local.set $c (i32.const 0))
        ;; Two centres per sweep over the pair's columns (c at cp, c + 1 at cp2 = cp + 8d): each
        ;; column is loaded once for both and the two sums build up side by side.
        (block $pairsDone
          (loop $centrePairs
            (br_if $pairsDone (i32.ge_u (i32.add (local.get $c) (i32.const 1)) (local.get $k)))
            (local.set $s (v128.const f64x2 0 0))
            (local.set $s2 (v128.const f64x2 0 0))
            (local.set $cp2 (i32.add (local.get $cp) (i32.shl (local.get $d) (i32.const 3))))
            (local.set $px (local.get $x))
            (loop $columns
              (local.set $xj (v128.load (local.get $px)))
              (local.set $e (f64x2.sub (local.get $xj) (v128.load64_splat (local.get $cp))))
              (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $e) (local.get $e))))
              (local.set $e (f64x2.sub (local.get $xj) (v128.load64_splat (local.get $cp2))))
              (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $e) (local.get $e))))
              (local.set $px (i32.add (local.get $px) (i32.const 16)))
              (local.set $cp (i32.add (local.get $cp) (i32.const 8)))
              (local.set $cp2 (i32.add (local.get $cp2) (i32.const 8)))
              (br_if $columns (i32.lt_u (local.get $px) (local.get $end))))
            ;; Branch-free running minimum per lane, centre c then c + 1; strict < keeps the lower
            ;; index on ties.
            (local.set $less (f64x2.lt (local.get $s) (local.get $best)))
            (local.set $best (f64x2.pmin (local.get $best) (local.get $s)))
            (local.set $bestC (v128.bitselect (local.get $cIndex) (local.get $bestC) (local.get $less)))
            (local.set $cIndex (i64x2.add (local.get $cIndex) (v128.const i64x2 1 1)))
            (local.set $less (f64x2.lt (local.get $s2) (local.get $best)))
            (local.set $best (f64x2.pmin (local.get $best) (local.get $s2)))
            (local.set $bestC (v128.bitselect (local.get $cIndex) (local.get $bestC) (local.get $less)))
            (local.set $cIndex (i64x2.add (local.get $cIndex) (v128.const i64x2 1 1)))
            ;; cp has walked past centre c; centre c + 2 starts past centre c + 1.
            (local.set $cp (local.get $cp2))
            (local.set $c (i32.add (local.get $c) (i32.const 2)))
            (br $centrePairs)))
        ;; The last centre of an odd k on its own.
        (if (i32.lt_u (local.get $c) (local.get $k))
          (then
            (local.set $s (v128.const f64x2 0 0))
            (local.set $px (local.get $x))
            (loop $columns
              (local.set $e (f64x2.sub (v128.load (local.get $px)) (v128.load64_splat (local.get $cp))))
              (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $e) (local.get $e))))
              (local.set $px (i32.add (local.get $px) (i32.const 16)))
              (local.set $cp (i32.add (local.get $cp) (i32.const 8)))
              (br_if $columns (i32.lt_u (local.get $px) (local.get $end))))
            (local.set $less (f64x2.lt (local.get $s) (local.get $best)))
            (local.set $best (f64x2.pmin (local.get $best) (local.get $s)))
            (local.set $bestC (v128.bitselect (local.get $cIndex) (local.get $bestC) (local.get $less)))))
        ;; The labels of the pair's rows (the second is the padding of an odd n at the end).
        (local.set $label (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $bestC))))
        (local.set $label1 (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $bestC))))
        (local.set $changed
          (i32.add (local.get $changed) (i32.ne (i32.load (local.get $labels)) (local.get $label))))
        (i32.store (local.get $labels) (local.get $label))
        ;; counts[label] += 1; p = &sums[label · d]
        (local.set $p (i32.add (local.get $counts) (i32.shl (local.get $label) (i32.const 3))))
        (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.const 1)))
        (local.set $p (i32.add (local.get $sums) (i32.shl (i32.mul (local.get $label) (local.get $d)) (i32.const 3))))
        (local.set $px (local.get $x))
        (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
          (then
            (local.set $changed
              (i32.add (local.get $changed) (i32.ne (i32.load offset=4 (local.get $labels)) (local.get $label1))))
            (i32.store offset=4 (local.get $labels) (local.get $label1))
            (local.set $p1 (i32.add (local.get $counts) (i32.shl (local.get $label1) (i32.const 3))))
            (f64.store (local.get $p1) (f64.add (f64.load (local.get $p1)) (f64.const 1)))
            (local.set $p1 (i32.add (local.get $sums) (i32.shl (i32.mul (local.get $label1) (local.get $d)) (i32.const 3))))
            ;; Both rows into the sums, column by column: each sum still receives the first row's
            ;; value before the second's, the order of the JS loop.
            (loop $both
              (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.load (local.get $px))))
              (f64.store (local.get $p1) (f64.add (f64.load (local.get $p1)) (f64.load offset=8 (local.get $px))))
              (local.set $p (i32.add (local.get $p) (i32.const 8)))
              (local.set $p1 (i32.add (local.get $p1) (i32.const 8)))
              (local.set $px (i32.add (local.get $px) (i32.const 16)))
              (br_if $both (i32.lt_u (local.get $px) (local.get $end)))))
          (else
            (loop $first
              (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.load (local.get $px))))
              (local.set $p (i32.add (local.get $p) (i32.const 8)))
              (local.set $px (i32.add (local.get $px) (i32.const 16)))
              (br_if $first (i32.lt_u (local.get $px) (local.get $end))))))
        (local.set $x (local.get $end))
        (local.set $labels (i32.add (local.get $labels) (i32.const 8)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rows)))
    (local.get $changed))
)

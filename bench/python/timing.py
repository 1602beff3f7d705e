"""Timing shared by the Python benchmark counterparts: the same protocol as bench/harness.ts's
timeMedian (untimed warm-up runs, then the median of the timed ones) and peak memory as the
TypeScript cases report it."""
import resource
import time


def time_median(fn, repeats=5, warmup=1):
    """Median wall time of `repeats` runs after `warmup` untimed ones, in ms, and the last result."""
    for _ in range(warmup):
        fn()
    times = []
    out = None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2], out


def max_rss_mb():
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

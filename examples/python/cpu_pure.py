"""Pure-Python CPU work: an arithmetic loop of ~4 ms per task that holds the GIL throughout.

Rule of thumb: CPU-bound -> multiprocessing. Threads cannot run this in parallel (one GIL); async
gains nothing (there is nothing to wait for).
"""


def run(index):
    total = index
    for k in range(40_000):
        total += k * k % 7
    return total

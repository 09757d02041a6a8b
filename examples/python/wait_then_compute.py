"""Mixed, the shape of an async job: each task awaits 30 ms (an HTTP call, a query), then computes
for about 5 ms in pure Python (parsing the payload).

asyncio overlaps the waits but runs every computation on one core; threads and processes use the
cores but overlap only as many waits as they have workers. A pool of processes each running an
event loop (process+async, the aiomultiprocess pattern) can have both. thread+async cannot: the
GIL lets one thread compute at a time, so its compute runs on one core like asyncio's.
"""
import asyncio

# Iterations of the loop below: about 5 ms of one core here (CPython 3.11).
_ROUNDS = 70_000


def _compute(seed: int) -> int:
    h = 2166136261 ^ seed
    for i in range(_ROUNDS):
        h = ((h ^ i) * 16777619) & 0xFFFFFFFF
    return h


async def run(index):
    await asyncio.sleep(0.03)
    return _compute(index)

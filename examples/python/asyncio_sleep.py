"""Many slow waits on asyncio: 200 tasks per batch, each awaiting asyncio.sleep(2 ms).

One event loop overlaps all of them at almost no cost per task; threads and processes only
overlap as many as they have workers. (The thread and process models still run this async def,
each worker on an event loop of its own.)
"""
import asyncio


async def run(index):
    await asyncio.sleep(0.002)

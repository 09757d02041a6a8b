"""Blocking waits: time.sleep(5 ms) per task, standing in for a blocking driver call.

The GIL is released while a thread sleeps, so threads overlap the waits. Under the async model a
plain function is called on the event loop as it is: it blocks the loop, and async measures like
sequential (the fix is asyncio.to_thread or an async client, not a different model).
"""
import time


def run(index):
    time.sleep(0.005)

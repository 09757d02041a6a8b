"""A C call that releases the GIL: SHA-256 over a 4 MiB buffer, ~3-4 ms per task.

hashlib drops the GIL while hashing inputs over 2 KiB, so threads run it in parallel although it
is CPU-bound: the case where "CPU-bound -> processes" is not the cheapest right answer.
"""
import hashlib
import os

_buffer = b""


def setup():
    global _buffer
    _buffer = os.urandom(4 * 1024 * 1024)


def run(index):
    return hashlib.sha256(_buffer).digest()

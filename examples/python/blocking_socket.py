"""Blocking I/O on a real socket: each task sends a request over TCP to a loopback server and
waits for the reply, which the server sends 5 ms later (a slow backend).

setup() starts the server in this process (in every worker process, under the process model),
teardown() stops it. The client side is plain blocking socket code.
"""
import socket
import socketserver
import threading
import time

REPLY_DELAY_S = 0.005

_server = None


class _SlowEcho(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(64)
        time.sleep(REPLY_DELAY_S)
        self.request.sendall(data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # the default (5) would refuse connections at high concurrency


def setup():
    global _server
    _server = _Server(("127.0.0.1", 0), _SlowEcho)
    threading.Thread(target=_server.serve_forever, name="loopback-server", daemon=True).start()


def teardown():
    _server.shutdown()
    _server.server_close()


def run(index):
    with socket.create_connection(_server.server_address) as conn:
        conn.sendall(b"task %d" % index)
        reply = conn.recv(64)
    if not reply.startswith(b"task"):
        raise RuntimeError("unexpected reply %r" % reply)

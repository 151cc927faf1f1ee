"""The gunicorn worker of `timeline serve` and the Docker image: threads, read timeouts, problem+json.

gunicorn's threaded worker (gthread) keeps a slow client from holding a whole worker process, but a
client that starts a request and stops sending (a half-open connection) still holds one thread
until it goes away. This worker gives every accepted socket a read and a write timeout: a client
that sends nothing for READ_TIMEOUT seconds mid-request loses its connection, and the thread
serves others. Against many slow clients at once, put a buffering reverse proxy in front (README:
"Deployment"), which reads each request whole before passing it on.

Errors gunicorn answers itself, before the application sees the request (a request line or
headers over the limits, a malformed request), are application/problem+json like every other
error of the service, not gunicorn's HTML page.
"""
import json
import logging
import socket
import struct

from gunicorn import util
from gunicorn.http import message
from gunicorn.workers.gthread import ThreadWorker

# seconds a client may leave a started request (or an unread response) without progress
READ_TIMEOUT = 10
# the longest request line the schemas allow: every filter of /v1/events at its longest, repeated
# filters at their caps, each character percent-encoded from four UTF-8 bytes (~52,000 bytes);
# gunicorn's own ceiling is 8,190, so a schema-valid query would get 414
MAX_REQUEST_LINE = 64 * 1024
message.MAX_REQUEST_LINE = max(message.MAX_REQUEST_LINE, MAX_REQUEST_LINE)


def write_problem(sock, status_int, reason, mesg):
    """What gunicorn writes for an error it answers itself, as an RFC 9457 problem."""
    body = {"type": "about:blank", "title": reason, "status": status_int}
    if mesg:
        body["detail"] = mesg
    data = json.dumps(body).encode("utf-8")
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"Content-Length: {len(data)}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + data)


# gunicorn's worker calls util.write_error for the errors it answers; ours speaks problem+json
util.write_error = write_problem


class _QuietTimeouts(logging.Filter):
    """A client timed out by READ_TIMEOUT is logged in one line, not with a traceback."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, BlockingIOError | TimeoutError):
            record.msg, record.args, record.exc_info, record.levelno, record.levelname = (
                "closed a connection that sent nothing for %ss", (READ_TIMEOUT,), None, logging.INFO, "INFO")
        return True


class TimelineWorker(ThreadWorker):
    """gthread, with a read and write timeout on every connection (inherited from the listening
    socket: Linux copies SO_RCVTIMEO and SO_SNDTIMEO to accepted sockets)."""

    def init_process(self):
        timeout = struct.pack("ll", READ_TIMEOUT, 0)
        for listener in self.sockets:
            listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeout)
            listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeout)
        self.log.error_log.addFilter(_QuietTimeouts())
        super().init_process()

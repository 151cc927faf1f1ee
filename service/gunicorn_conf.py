"""gunicorn settings of `timeline serve` and of the Docker image (`gunicorn -c python:service.gunicorn_conf`).

Threaded workers with read timeouts (service.serving), so that slow or stalled clients cannot hold
the server; a worker that stops answering its master for `timeout` seconds is replaced.
"""
from service.serving import MAX_REQUEST_LINE

worker_class = "service.serving.TimelineWorker"
workers = 2
threads = 4  # requests served at once per worker; extraction (POST /v1/documents) holds one for seconds
timeout = 60  # the master restarts a worker silent this long (threads keep it answering while busy)
graceful_timeout = 20
keepalive = 5
limit_request_line = MAX_REQUEST_LINE
limit_request_fields = 64
limit_request_field_size = 8190
accesslog = "-"

# Event Timeline API: gunicorn serving service:create_app() on port 8000.
# DATABASE_URL selects the store (default: SQLite file in /data); the seeds are loaded at build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/timeline.db

WORKDIR /app
COPY pyproject.toml README.md openapi.yaml ./
COPY service ./service
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install . \
    && useradd --system --home /app timeline \
    && mkdir -p /data && chown timeline /data
USER timeline
RUN timeline load seeds/

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-", "service:create_app()"]

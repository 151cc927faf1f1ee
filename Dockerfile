# Event Timeline API: `timeline serve` on port 8000: it migrates the store once (under a lock), loads
# the seed articles if the store holds no document yet, then runs gunicorn (service/gunicorn_conf.py).
# DATABASE_URL selects the store (default: a SQLite file in /data; postgresql://... works the same).
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

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=120s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["timeline", "serve", "--host", "0.0.0.0", "--port", "8000", "--seed", "seeds/"]

# syntax=docker/dockerfile:1
# Build stage: install diplobot and its dependencies into a virtual environment. The compiler is here only
# for a dependency without a wheel for the platform; it stays in this stage and never reaches the runtime image.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
COPY adapters ./adapters
# bot/config and bot/seeds link to these: the default rules, feeds and seed articles ship inside the package.
COPY config ./config
COPY seeds ./seeds
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --upgrade pip && /opt/venv/bin/pip install -c constraints.txt .

# Runtime stage: the venv (default rules, feeds and seeds inside), a non-root user, the database on a volume.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 diplobot
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
RUN mkdir -p /app/var && chown diplobot:diplobot /app/var
ENV PATH=/opt/venv/bin:$PATH \
    DIPLOBOT_DATABASE_URL=sqlite+aiosqlite:////app/var/diplobot.db \
    DIPLOBOT_HTTP_PORT=9090 \
    PYTHONUNBUFFERED=1
USER diplobot
VOLUME ["/app/var"]
EXPOSE 3000 9090
# /healthz answers 200 when the database does, 503 otherwise; urlopen raises on both 503 and no answer.
# Python's urllib, so the image needs no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('DIPLOBOT_HTTP_PORT', '9090') + '/healthz', timeout=4)"]
ENTRYPOINT ["diplobot"]
CMD ["run"]

# The service image: `f1 serve` on PostgreSQL and Redis (see deploy/compose.yaml).
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir .
ENV F1_DATA_DIR=/data F1_LOG_FORMAT=json
EXPOSE 8000
CMD ["f1", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]

# Dossier: build on Swift's Debian 12 image, run on Debian 12 slim, so glibc and SQLite match.

FROM swift:6.1-bookworm AS build
# The Swift image ships no SQLite or zlib headers.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Plugins ./Plugins
COPY Sources ./Sources
COPY Tests ./Tests
COPY migrations ./migrations
# Migrations and lexicons are embedded in the binary at build time: no resource bundle is needed at run time.
RUN swift build -c release --product dossier --static-swift-stdlib \
    && cp "$(swift build -c release --show-bin-path)/dossier" /dossier

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-0 zlib1g ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin dossier \
    && mkdir -p /data /app \
    && chown dossier:dossier /data
COPY --from=build /dossier /usr/local/bin/dossier
COPY seeds /app/seeds
COPY migrations /app/migrations
ENV DOSSIER_HOST=0.0.0.0 \
    DOSSIER_PORT=8080 \
    DOSSIER_DB=/data/dossier.sqlite \
    DOSSIER_SEEDS=/app/seeds
# SQLite writes its -wal and -shm files beside the database: the whole folder must be writable.
VOLUME ["/data"]
USER dossier
WORKDIR /app
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 CMD ["dossier", "healthcheck"]
ENTRYPOINT ["dossier"]
CMD ["serve"]

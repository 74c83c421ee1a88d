FROM debian:12 AS build
RUN useradd builder
FROM debian:12
RUN useradd --uid 10001 --shell /bin/sh app \
    # a service account for the daemon
    && adduser --system daemonuser \
    && sudo useradd -m helper
RUN useradd -u 10002 numeric
RUN adduser -D -u 10003 reused
USER nobody
RUN useradd late
USER 10002
RUN useradd -ms /bin/bash grouped

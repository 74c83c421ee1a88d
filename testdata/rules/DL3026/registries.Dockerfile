ARG REG=gcr.io
FROM debian:12 AS Base
FROM ${REG}/distroless/static:nonroot
FROM index.docker.io/library/debian:12
FROM registry-1.docker.io/library/debian:12
FROM my.example.com/team/app:1
FROM example.com/team/app:1
FROM base
COPY --from=quay.io/prometheus/busybox:1.36 /bin/sh /bin/sh
COPY --from=BASE /etc/passwd /etc/passwd
COPY --from=0 /x /x
RUN --mount=type=bind,from=ghcr.io/acme/tools:1,target=/t ls /t
RUN --mount=from=base,target=/b ls /b
FROM $UNSET
FROM scratch
ONBUILD COPY --from=ghcr.io/acme/late:1 /a /a

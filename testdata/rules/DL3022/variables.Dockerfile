# Docker never expands variables in --from, even from global ARGs with defaults.
ARG STAGE=builder
ARG IMAGE=busybox:1.36
FROM golang:1.23 AS builder
FROM debian:12-slim
COPY --from=${STAGE} /app /app
COPY --from=$IMAGE /bin/busybox /busybox

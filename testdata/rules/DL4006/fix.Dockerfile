# The fix inserts a bash SHELL with pipefail before the stage's first unprotected pipe, once per
# stage, only where the image has bash and no SHELL is set.
FROM debian:12-slim AS base
RUN echo start
RUN ["sh", "-c", "a | b"]
# The SHELL goes above the comments over the RUN.
  # fetch the sources
  run curl -fsSL https://example.com/a.tgz | tar -xz
RUN c | d && e | f
FROM base
RUN g | h
FROM python:3.12-alpine
RUN i | j
FROM registry.access.redhat.com/ubi9/ubi
ONBUILD RUN k | l
RUN m | n
FROM ubuntu:24.04
SHELL ["/bin/sh", "-c"]
RUN o | p

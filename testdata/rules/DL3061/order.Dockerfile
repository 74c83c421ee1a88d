# syntax=docker/dockerfile:1
# a comment
ARG BASE=debian:12
LABEL maintainer=me
RUN echo \
    # continued
    too early
ARG OTHER
FROM ${BASE}
RUN echo fine

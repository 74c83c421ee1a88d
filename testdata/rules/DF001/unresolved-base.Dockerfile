# A base image only known at build time is still assumed to run as root.
ARG BASE
FROM ${BASE}
RUN echo hello

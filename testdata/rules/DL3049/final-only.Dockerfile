FROM debian:12 AS Build
LABEL maintainer=team@example.com
FROM debian:12 AS base
LABEL version=1.0.0
FROM BASE
RUN echo

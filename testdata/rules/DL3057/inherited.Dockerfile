# Not reported: inherited from the base stage (named through an ARG, in another case).
ARG BASE=Base
FROM nginx:1.27 AS base
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost/ || exit 1
FROM ${BASE}
COPY site /usr/share/nginx/html

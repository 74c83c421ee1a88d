# The final stage sets no USER and inherits root from the stage it is built on (named in another case).
ARG BASE=Base
FROM alpine:3.20 AS base
USER app
USER root
ONBUILD USER app
FROM ${BASE}
CMD ["sh"]

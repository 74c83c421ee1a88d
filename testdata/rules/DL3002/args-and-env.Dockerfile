# The user comes from an ARG default re-declared in the stage, then an ENV built from it.
ARG RUNTIME_USER=root
FROM alpine:3.20
ARG RUNTIME_USER
ENV APP_USER=${RUNTIME_USER}
USER ${APP_USER}:${APP_USER}

# Relative paths are reported; variables with unknown values are not guessed.
ARG BASE=debian:12-slim
FROM ${BASE} AS build
ARG APP=app
ARG HOME_DIR=/home/dev
ARG UNSET
WORKDIR app
WORKDIR /srv
WORKDIR ./data/../logs
WORKDIR "quoted"
WORKDIR $APP
WORKDIR ${HOME_DIR}/src
WORKDIR $HOME/x
WORKDIR ${UNSET}
WORKDIR ${UNSET}/rel
WORKDIR sub/$UNSET
WORKDIR ~/cache
WORKDIR /abs/path/
ONBUILD WORKDIR plugins

FROM build AS child
WORKDIR lib

FROM scratch
WORKDIR bin

FROM debian:12-slim AS inherited
# DATA_DIR comes from nowhere in this file: the value is not known.
ENV APP_DIR=${DATA_DIR}
WORKDIR ${APP_DIR}/

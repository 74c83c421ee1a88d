FROM python:3.12-slim AS base
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask
FROM base AS child
RUN pip install flask
FROM python:3.12-slim AS other
ARG PIP_NO_CACHE_DIR=maybe
RUN pip install flask
FROM python:3.12-slim AS cachedir
ENV PIP_CACHE_DIR=/pipcache
RUN --mount=type=cache,target=/pipcache pip install flask
ENV UV_NO_CACHE=1
RUN uv pip install --system flask

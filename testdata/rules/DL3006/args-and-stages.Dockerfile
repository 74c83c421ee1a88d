# Tags given through ARG defaults count as tags; unresolved ARGs are not guessed.
ARG PY=3.12
ARG BASE_IMAGE
FROM python:${PY}-slim AS Builder
FROM $BASE_IMAGE AS other
FROM builder AS final
FROM --platform=$BUILDPLATFORM golang AS tools
FROM registry.example.com:5000/team/app
FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM scratch
FROM debian

# syntax=docker/dockerfile:1
# GO_VERSION is the Go release to build with
ARG GO_VERSION=1.22
# the node version
ARG NODE_VERSION=20
# a comment

ARG SEPARATED=1
# dlint ignore=DL3006
ARG SUPPRESSED=1
# builder compiles the app
FROM golang:${GO_VERSION} AS builder
# Runtime image
FROM alpine:3.20 AS runtime
# Unnamed stage, not a definition
FROM alpine:3.20
# A or B
ARG A=1 B=2

FROM --platform=linux/amd64 debian:12
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
FROM --platform=linux/arm64 alpine:3.20 AS tools_arm64
FROM --platform=linux/arm64/v8 alpine:3.20 AS tools
FROM --platform="linux/amd64" alpine:3.20 AS quoted
FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20

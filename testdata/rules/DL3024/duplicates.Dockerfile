FROM node:22 AS build
FROM golang:1.23 AS Build
FROM rust:1.82 AS tools
FROM alpine:3.20 AS BUILD
FROM build AS final

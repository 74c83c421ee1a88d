FROM golang:1.22 AS build
RUN apt-get install -y gcc
FROM debian:12
RUN apt-get install -y make

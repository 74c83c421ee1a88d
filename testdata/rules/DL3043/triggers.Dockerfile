FROM debian:12
ONBUILD ONBUILD RUN echo nested
onbuild from alpine:3.20
ONBUILD MAINTAINER someone
ONBUILD RUN echo fine
ONBUILD COPY . /app/

FROM alpine:3.20
RUN apt-get install curl
COPY

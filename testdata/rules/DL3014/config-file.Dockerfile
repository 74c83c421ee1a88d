FROM debian:12 AS base
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
FROM base
RUN apt-get install curl

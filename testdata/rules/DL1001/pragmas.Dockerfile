# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
FROM debian:12
# hadolint ignore=DL3008
RUN apt-get install -y curl
# dlint ignore=DL3015
RUN apt-get install -y wget
# hadolint global ignore=DL3006
# a plain comment mentioning hadolint

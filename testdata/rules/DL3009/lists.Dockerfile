FROM debian:12 AS build
# Not reported: this stage is not shipped.
RUN apt-get update && apt-get install -y gcc
FROM debian:12 AS base
RUN apt-get update && apt-get install -y curl
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    # continuation with a comment
    && apt-get install -y curl \
    && rm -rf /var/lib/apt/lists
RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl | tee /log
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl
RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update
RUN --mount=type=cache,target=/var/cache/apt apt-get update
RUN sudo apt-get update && sudo apt-get install -y curl
RUN sh -c 'apt-get update && apt-get install -y curl'
RUN apt update && apt install -y curl && apt-get distclean
RUN apt-get update && apt-get install -y curl && apt-get dist-clean
RUN aptitude update; aptitude install -y curl
RUN apt-get install -y curl
ONBUILD RUN apt-get update && apt-get install -y curl
FROM Base
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
RUN apt-get update && apt-get install -y curl  
RUN sudo apt-get update && sudo bash -c "apt-get install -y \"${PKG}\" && rm -rf /var/lib/apt/lists/*"
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/{apt,dpkg,cache,log}/
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/{dpkg,log}/ '/var/lib/{apt,x}'

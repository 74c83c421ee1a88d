FROM ubuntu:24.04
RUN apt-get update && apt-get install -y curl
RUN apt-get install -y --no-install-recommends curl
RUN apt-get -o APT::Install-Recommends=false install -y curl && apt-get install -y -o APT::Install-Recommends=true git
RUN apt install -y \
    # continuation with a comment
    curl
RUN sudo apt-get install -y curl && sh -c 'apt-get install -y git'
ONBUILD RUN apt-get install -y curl
RUN <<EOF
apt-get update
apt-get install -y \
  curl
EOF

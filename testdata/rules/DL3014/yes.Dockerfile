FROM ubuntu:24.04
RUN apt-get update && apt-get install curl
RUN apt-get install -y curl && apt-get install --yes git && apt-get install --assume-yes vim
RUN apt-get -qq install curl && apt-get -q -q install git && apt-get --quiet --quiet install jq && apt-get -q=2 install less
RUN apt-get -q install curl
RUN apt-get -o APT::Get::Assume-Yes=true install curl
RUN apt install \
    # continuation with a comment
    --no-install-recommends \
    curl
RUN sudo apt-get install curl && sh -c 'apt-get install git'
ONBUILD RUN apt-get install curl
RUN <<EOF
apt-get update
apt-get install \
  curl
EOF
RUN apt-get remove curl && apt-get upgrade

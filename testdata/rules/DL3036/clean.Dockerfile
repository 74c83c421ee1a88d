FROM opensuse/leap:15.6 AS build
RUN zypper -n install gcc
FROM opensuse/leap:15.6
RUN zypper -n install nginx
RUN zypper -n install vim && zypper clean -a
RUN zypper -n in vim && zypper cc && zypper -n in curl
RUN zypper -n install git && rm -rf /var/cache/zypp/*
RUN --mount=type=cache,target=/var/cache/zypp zypper -n install jq
ONBUILD RUN zypper -n install less
RUN <<EOF
zypper -n install \
  make
EOF

FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends \
    # toolchain for native extensions
    build-essential \
    gcc=4:12.2.0-3 \
    libpq-dev \
    libpq5 \
    curl \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get install -y make cmake && make && apt-get purge -y make cmake
RUN apt-get install -y g++-12 && make && apt-get remove -y g++-12:amd64
RUN savedAptMark="$(apt-mark showmanual)" && apt-get install -y gcc libssl-dev && make \
    && apt-mark auto '.*' > /dev/null && apt-mark manual $savedAptMark \
    && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
RUN apt-get purge -y gcc && apt-get install -y gcc
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps
RUN apk add --no-cache build-base openjdk17-jdk openjdk17-jre
RUN sudo dnf install -y gcc-c++ python3-devel && sh -c 'microdnf install -y golang'
RUN yum install -y maven && yum remove -y maven
ONBUILD RUN apt-get install -y gcc
RUN <<EOF
apt-get update
apt-get install -y \
  clang
EOF
RUN pip install cython

FROM debian:12
# Each unpinned package is reported at its own word; option values are not packages.
RUN apt-get update && apt-get -o Dpkg::Options::=--force-confold -t bookworm-backports install -y \
    # comments inside continuation lines are skipped
    curl=7.88.1-10 \
    git \
    ./local.deb \
    nginx/bookworm-backports \
    "$EXTRA" \
    wget
RUN apt install -y --no-install-recommends ca-certificates
RUN apt-get install -y python3=3.11.2-1+b1 && apt-get remove -y perl
RUN sudo apt-get install -y jq && sh -c 'apt-get install -y vim'
ONBUILD RUN apt-get install -y less
RUN <<EOF
set -e
apt-get update
apt-get install -y \
  htop
EOF
RUN ["apt-get", "install", "-y", "exec-form-package"]
RUN apt-get install -y $PACKAGES "${EXTRA}" python${PY}-dev "curl=${CURL_VERSION}"

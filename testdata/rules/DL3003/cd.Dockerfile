FROM debian:12-slim
RUN cd /tmp && make
RUN apt-get update && \
    # go to the sources
    cd /usr/src \
    # comment between
    && make && cd -
RUN (cd vendor && make) && DIR=$(cd "$(dirname "$0")" && pwd) && cd /
RUN sh -c 'cd /opt && ./install' && sudo -u app cd /x
RUN <<EOF
set -e
cd /srv
make
EOF
RUN echo cd && ls cd
RUN ["cd", "/x"]
ONBUILD RUN cd /plugins && make

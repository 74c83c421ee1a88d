FROM debian:12-slim
RUN sudo apt-get update && \
    # a comment inside the continuation
    sudo apt-get install -y --no-install-recommends curl
RUN env DEBIAN_FRONTEND=noninteractive sudo -u root apt-get install -y make
RUN sh -c 'sudo make install'
RUN <<EOF
set -e
sudo make install
EOF
RUN ["/usr/bin/sudo", "ls"]
ONBUILD RUN sudo chown -R app /srv
# Not reported: installing the sudo package, the word in arguments, CMD.
RUN apt-get install -y --no-install-recommends sudo && echo sudo
CMD ["sudo", "app"]

FROM debian:12
RUN apt-get update
RUN apt-get install -y curl
RUN apt-get update && apt-get install -y git
RUN apt-get update && echo done && rm -rf /tmp/x
RUN apt update -q \
    # comment
    && true
RUN sudo apt-get update && sh -c 'apt-get update'
RUN apt-get update && ./install-deps.sh
ONBUILD RUN apt-get update
RUN ["apt-get", "update"]
RUN <<EOF
apt-get update
EOF

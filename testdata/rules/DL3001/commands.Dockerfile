FROM debian:12
RUN ps aux && top -b -n1 && free -m
RUN service nginx start \
    # a comment inside the continuation
    && kill -9 1
RUN sudo mount -a && sh -c 'shutdown -h now'
RUN ["vim", "/etc/hosts"]
RUN --mount=type=ssh ssh -T git@github.com
RUN ssh-keygen -A && apt-get install -y vim openssh-client
ONBUILD RUN ifconfig
RUN <<EOF
ssh user@host
EOF

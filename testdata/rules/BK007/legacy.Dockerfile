FROM alpine:3.20
ENV APP_HOME /srv/app
ENV GREETING hello world
ENV QUOTED "hello world"
ENV MIXED "a" b
LABEL description Web frontend
LABEL ok=1 fine="two words"
ENV MULTI first \
    second
ENV BACKSLASH a\ b

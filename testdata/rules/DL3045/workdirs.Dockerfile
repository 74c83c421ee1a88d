ARG REL=rel
FROM debian:12 AS base
COPY a b
COPY a /b
COPY a ./
COPY a "c:\\x"
COPY a $REL
COPY a $UNKNOWN
COPY a ~/x
ADD a b
ONBUILD COPY a b
WORKDIR /w
COPY a b
FROM BASE
COPY a b
FROM debian:12
WORKDIR $HOME
COPY a b

# escape=`
ARG DEST=/app/
FROM debian:12 AS base
COPY a b /app
COPY a b /app/
COPY ["a", "b", "/json"]
COPY a b $DEST
COPY a b $UNKNOWN
COPY a `
    b `
    /multi
COPY <<one <<two /heredocs
1
one
2
two
COPY a /single
ADD a b /added
ONBUILD COPY a b /later

# The fix adds `--progress=dot:giga` where wget is GNU wget.
FROM debian:12 AS gnu
RUN wget https://example.com/a.tgz && sh -c "wget -O b https://example.com/b"
RUN ["wget", "https://example.com/c"]
FROM alpine:3.20
RUN wget https://example.com/d
FROM mycompany/base:1
RUN wget https://example.com/e

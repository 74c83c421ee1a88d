# Only what Docker rejects is an error; everything around it is still read.
FROM debian:12 AS base
RUN apt-get update
    && apt-get install -y curl
BOGUS instruction here
RUN set -eux; \
	[ -z "$x" ] || echo "a bracket after a continuation is shell text"
ENV PATH "${HOME}"/bin:$PATH
ARG OPTION="${templateOption:value}"
COPY ./a \
./b /dst/
RUN <<EOF
echo inside a heredoc
EOF
HEALTHCHECK
USER app

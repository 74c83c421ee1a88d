FROM debian:12
LABEL "bad key"=1 Bad_Key=1 com.docker.x=1
LABEL a..b=1 \
      # continued
      -a=1 1abc=1 abc.=1
LABEL org.opencontainers.image.source=https://x a-b.v2=1 $KEY=1
LABEL legacy value with spaces
ONBUILD LABEL Upper=1
